package io.recs.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recs.config.RecsSettings;
import io.recs.scoring.ScoringOptions;
import io.recs.similarity.SimilarityConfig;
import io.recs.similarity.SimilarityMeasure;
import io.recs.similarity.SimilarityOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Java example of docs/presets.md, compiled and run; the page must hold the lines between
 * "example start" and "example end" verbatim (less their indentation).
 */
class PresetDocExamplesTest {

  @Test
  void threeWaysToUseAPreset() {
    // example start
    // 1. The builder: the preset's configurations.
    RecsPipeline taste = RecsPipeline.builder().preset(Preset.TASTE).build();

    // 2. Settings, as the bundled jobs read them: the preset's, then yours on top.
    RecsSettings settings =
        RecsSettings.empty()
            .with(PipelineOptions.PRESET, Preset.NEXT_ITEM)
            .with(ScoringOptions.N, 20);
    RecsPipeline nextItem = RecsPipeline.from(settings);

    // 3. One setting of a preset changed: through settings, which keep the preset's others.
    RecsPipeline tasteWithJaccard =
        RecsPipeline.from(
            RecsSettings.empty()
                .with(PipelineOptions.PRESET, Preset.TASTE)
                .with(SimilarityOptions.MEASURE, SimilarityMeasure.JACCARD));
    // example end

    assertThat(taste.similarity().measure()).isEqualTo(SimilarityMeasure.COSINE);
    assertThat(taste.requests().seedItems()).isEqualTo(500);
    assertThat(taste.scoring().normalizeSeeds()).isTrue();
    assertThat(taste.preferences().halfLife()).isEqualTo(Duration.ofDays(3650));
    assertThat(nextItem.requests().seedItems()).isEqualTo(10);
    assertThat(nextItem.scoring().n()).isEqualTo(20);
    assertThat(nextItem.preferences().halfLife()).isEqualTo(Duration.ofHours(1));
    assertThat(tasteWithJaccard.similarity().measure()).isEqualTo(SimilarityMeasure.JACCARD);
    assertThat(tasteWithJaccard.similarity().neighbours()).isEqualTo(200);
    assertThat(tasteWithJaccard.requests().candidatesPerSeed()).isEqualTo(200);
  }

  @Test
  void aWholeConfigurationAfterThePresetReplacesItsSettingsAndCanConflict() {
    // docs/presets.md: why a single change goes through settings
    assertThatThrownBy(
            () ->
                RecsPipeline.builder()
                    .preset(Preset.TASTE)
                    .similarity(
                        SimilarityConfig.builder().measure(SimilarityMeasure.JACCARD).build())
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "scoring.candidates-per-seed (--candidates-per-seed) (200) must not exceed"
                + " similarity.neighbours (--neighbours) (50)");
  }

  @Test
  void thePageHoldsTheExampleVerbatim() throws IOException {
    String source =
        Files.readString(
            Path.of("src/test/java/io/recs/pipeline/PresetDocExamplesTest.java"),
            StandardCharsets.UTF_8);
    String example =
        source.substring(
            source.indexOf('\n', source.indexOf("// example start")) + 1,
            source.indexOf("    // example end"));
    String unindented =
        Arrays.stream(example.split("\n", -1))
            .map(line -> line.startsWith("    ") ? line.substring(4) : line)
            .collect(Collectors.joining("\n"));
    assertThat(Files.readString(Path.of("..", "docs", "presets.md"), StandardCharsets.UTF_8))
        .as("docs/presets.md holds the example of PresetDocExamplesTest verbatim")
        .contains("```java\n" + unindented + "```\n");
  }
}
