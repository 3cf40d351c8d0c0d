package io.recs.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recs.request.RequestConfig;
import io.recs.similarity.SimilarityConfig;
import io.recs.similarity.SimilarityMeasure;
import org.junit.jupiter.api.Test;

/** The pipeline's own settings and its checks of the configurations against each other. */
class RecsPipelineBuilderTest {

  @Test
  void candidatesPerSeedMustNotExceedNeighbours() {
    assertThatThrownBy(
            () ->
                RecsPipeline.builder()
                    .similarity(SimilarityConfig.builder().neighbours(10).build())
                    .requests(RequestConfig.builder().candidatesPerSeed(11).build())
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "scoring.candidates-per-seed (--candidates-per-seed) (11) must not exceed"
                + " similarity.neighbours (--neighbours) (10)");
  }

  @Test
  void seedItemsMustNotExceedTheHistorySize() {
    assertThatThrownBy(
            () ->
                RecsPipeline.builder()
                    .similarity(
                        SimilarityConfig.builder().historySize(5).pairWindowItems(5).build())
                    .requests(RequestConfig.builder().seedItems(6).candidatesPerSeed(5).build())
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "scoring.seed-items (--seed-items) (6) must not exceed"
                + " similarity.history-size (--history-size) (5)");
  }

  @Test
  void aPresetComesFirstAndAConfigurationAfterItReplacesThePresets() {
    assertThatThrownBy(
            () ->
                RecsPipeline.builder().similarity(SimilarityConfig.defaults()).preset(Preset.TASTE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "preset(TASTE) would replace the similarity configuration set before it;"
                + " set the preset first");
    RecsPipeline pipeline =
        RecsPipeline.builder()
            .preset(Preset.TASTE)
            .similarity(
                SimilarityConfig.builder()
                    .measure(SimilarityMeasure.LLR)
                    .neighbours(200)
                    .historySize(500)
                    .build())
            .build();
    assertThat(pipeline.similarity().measure()).isEqualTo(SimilarityMeasure.LLR);
    assertThat(pipeline.preferences().halfLife())
        .isEqualTo(RecsPipeline.builder().preset(Preset.TASTE).build().preferences().halfLife())
        .isNotEqualTo(RecsPipeline.builder().build().preferences().halfLife());
  }

  @Test
  void aSetterMayBeCalledOnce() {
    assertThatThrownBy(() -> RecsPipeline.builder().uidPrefix("a-").uidPrefix("b-"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("uidPrefix was already set to a-, cannot set it to b-");
    assertThatThrownBy(() -> RecsPipeline.builder().preset(Preset.TASTE).preset(Preset.NEXT_ITEM))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("preset was already set to TASTE, cannot set it to NEXT_ITEM");
    assertThatThrownBy(() -> RecsPipeline.builder().uidPrefix(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("uidPrefix must not be blank, was ' '");
  }
}
