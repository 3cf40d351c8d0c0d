package io.recs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recs.pipeline.PipelineOptions;
import io.recs.pipeline.Preset;
import io.recs.pipeline.RecsPipeline;
import io.recs.request.NeighbourLookup;
import io.recs.request.RequestConfig;
import io.recs.request.RequestOptions;
import io.recs.request.SeedWeights;
import io.recs.scoring.ScoringConfig;
import io.recs.scoring.ScoringOptions;
import io.recs.similarity.SimilarityConfig;
import io.recs.similarity.SimilarityMeasure;
import io.recs.similarity.SimilarityOptions;
import io.recs.state.PreferenceConfig;
import io.recs.state.PreferenceOptions;
import io.recs.trending.TrendingConfig;
import io.recs.trending.TrendingOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecsOptionTest {
  private static final List<RecsOption<?>> CORE = new ArrayList<>();

  static {
    CORE.addAll(PipelineOptions.ALL);
    CORE.addAll(SimilarityOptions.ALL);
    CORE.addAll(PreferenceOptions.ALL);
    CORE.addAll(RequestOptions.ALL);
    CORE.addAll(ScoringOptions.ALL);
    CORE.addAll(TrendingOptions.ALL);
  }

  @Test
  void readsEachTypeFromTextAndWritesItBack() {
    assertThat(SimilarityOptions.NEIGHBOURS.parse(" 70 ")).isEqualTo(70);
    assertThat(PreferenceOptions.HALF_LIFE.parse("6h")).isEqualTo(Duration.ofHours(6));
    assertThat(PreferenceOptions.HALF_LIFE.format(Duration.ofDays(3650))).isEqualTo("3650d");
    assertThat(SimilarityOptions.ROW_BATCH_INTERVAL.format(Duration.ofMillis(1500)))
        .isEqualTo("1500ms");
    assertThat(RequestOptions.LOOKUP.parse("Replicated")).isEqualTo(NeighbourLookup.REPLICATED);
    assertThat(PipelineOptions.PRESET.parse("next-item")).isEqualTo(Preset.NEXT_ITEM);
    assertThat(PipelineOptions.PRESET.format(Preset.NEXT_ITEM)).isEqualTo("next-item");
    assertThat(ScoringOptions.BLOCKLIST.parse("a, b")).containsExactly("a", "b");
    assertThat(SimilarityOptions.WEIGHTED.parse("TRUE")).isTrue();
    for (RecsOption<?> option : CORE) {
      assertRoundTrip(option);
    }
  }

  private static <T> void assertRoundTrip(RecsOption<T> option) {
    if (option.hasDefault()) {
      assertThat(option.parse(option.format(option.defaultValue())))
          .as(option.key())
          .isEqualTo(option.defaultValue());
    }
  }

  @Test
  void refusesBadTextAndOutOfRangeValuesNamingKeyAndFlag() {
    assertThatThrownBy(() -> SimilarityOptions.NEIGHBOURS.parse("many"))
        .hasMessage("similarity.neighbours (--neighbours): 'many' is not an integer");
    assertThatThrownBy(() -> SimilarityOptions.NEIGHBOURS.parse("0"))
        .hasMessage("similarity.neighbours (--neighbours) must be > 0, was 0");
    assertThatThrownBy(() -> SimilarityOptions.WEIGHTED.parse("yes"))
        .hasMessage("similarity.weighted (--weighted): 'yes' is not a boolean");
    assertThatThrownBy(() -> PreferenceOptions.HALF_LIFE.parse("soon"))
        .hasMessage("preferences.half-life (--half-life): 'soon' is not a duration");
    assertThatThrownBy(() -> ScoringOptions.BLOCKLIST.parse("a,,b"))
        .hasMessage("scoring.blocklist (--blocklist): 'a,,b' is not a list: empty element");
    assertThatThrownBy(() -> RequestOptions.EMIT.parse("interval:0s"))
        .hasMessage("scoring.emit (--emit) must have an interval > 0, was interval:0s");
    assertThatThrownBy(() -> RecsOption.key("Bad Key"))
        .hasMessage("key must be lower-case words separated by '.' or '-', was Bad Key");
    assertThatThrownBy(
            () ->
                RecsOption.key("x")
                    .flag("x")
                    .intType()
                    .defaultValue(0)
                    .check(Checks.positive())
                    .description("d"))
        .hasMessage("default of x must be > 0, was 0");
  }

  @Test
  void everyCoreOptionHasAUniqueKeyAndFlagADescriptionAndAValidDefault() {
    Set<String> keys = new HashSet<>();
    Set<String> flags = new HashSet<>();
    for (RecsOption<?> option : CORE) {
      assertThat(keys.add(option.key())).as(option.key()).isTrue();
      assertThat(flags.add(option.flag())).as(option.flag()).isTrue();
      assertThat(option.description()).as(option.key()).isNotBlank().endsWith(".");
    }
  }

  @Test
  void buildersTakeTheirDefaultsFromTheOptions() {
    RecsSettings none = RecsSettings.empty();
    assertThat(SimilarityOptions.config(none).toString())
        .isEqualTo(SimilarityConfig.defaults().toString());
    assertThat(PreferenceOptions.config(none).toString())
        .isEqualTo(PreferenceConfig.defaults().toString());
    ScoringConfig scoring = ScoringOptions.config(none);
    ScoringConfig defaults = ScoringConfig.defaults();
    assertThat(scoring.n()).isEqualTo(defaults.n()).isEqualTo(ScoringOptions.N.defaultValue());
    assertThat(scoring.scorer()).isEqualTo(defaults.scorer());
    RequestConfig requests = RequestOptions.config(none);
    RequestConfig requestDefaults = RequestConfig.defaults();
    assertThat(requests.seedItems()).isEqualTo(requestDefaults.seedItems());
    assertThat(requests.candidatesPerSeed()).isEqualTo(requestDefaults.candidatesPerSeed());
    assertThat(requests.neighbourLookup()).isEqualTo(requestDefaults.neighbourLookup());
    assertThat(requests.triggerOnInteraction()).isTrue();
    TrendingConfig trending = TrendingOptions.config(none);
    assertThat(trending.halfLife()).isEqualTo(TrendingConfig.defaults().halfLife());
    assertThat(trending.size()).isEqualTo(TrendingConfig.defaults().size());
  }

  @Test
  void builderChecksNameTheSettingAsTheJobsDo() {
    assertThatThrownBy(() -> SimilarityConfig.builder().neighbours(0).build())
        .hasMessage("similarity.neighbours (--neighbours) must be > 0, was 0");
    assertThatThrownBy(() -> PreferenceConfig.builder().halfLife(Duration.ZERO).build())
        .hasMessage("preferences.half-life (--half-life) must be > 0, was 0ms");
    assertThatThrownBy(() -> ScoringConfig.builder().explanations(-1).build())
        .hasMessage("scoring.explanations (--explanations) must be >= 0, was -1");
    assertThatThrownBy(() -> TrendingConfig.builder().size(0).build())
        .hasMessage("trending.size (--trending-size) must be > 0, was 0");
    assertThatThrownBy(
            () -> SimilarityConfig.builder().pairWindowItems(200).historySize(100).build())
        .hasMessage(
            "similarity.pair-window-items (--pair-window-items) (200) must not exceed"
                + " similarity.history-size (--history-size) (100)");
  }

  @Test
  void emitModesSetTheTriggers() {
    RecsSettings finalOnly = RecsSettings.empty().with(RequestOptions.EMIT, "final");
    assertThat(RequestOptions.config(finalOnly).triggerOnInteraction()).isFalse();
    assertThat(RequestOptions.finalOnly(finalOnly)).isTrue();
    RecsSettings interval = RecsSettings.empty().with(RequestOptions.EMIT, "interval:10s");
    assertThat(RequestOptions.config(interval).triggerInterval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(RequestOptions.config(interval).triggerOnInteraction()).isTrue();
  }

  @Test
  void emitIntervalsAreADurationOrEnd() {
    assertThat(SimilarityOptions.EMIT_INTERVAL.parse("end")).isEqualTo(EmitInterval.END_OF_INPUT);
    assertThat(TrendingOptions.EMIT_INTERVAL.parse(" End ")).isEqualTo(EmitInterval.END_OF_INPUT);
    assertThat(TrendingOptions.EMIT_INTERVAL.format(EmitInterval.END_OF_INPUT)).isEqualTo("end");
    assertThat(SimilarityOptions.EMIT_INTERVAL.parse("1min")).isEqualTo(Duration.ofMinutes(1));
    assertThatThrownBy(() -> SimilarityOptions.EMIT_INTERVAL.parse("ending"))
        .hasMessage(
            "similarity.emit-interval (--similar-items-interval): 'ending' is not a duration or"
                + " end");
  }

  @Test
  void finalListsOnlyWriteSimilarItemsAndTrendingAtTheEndUnlessTheirIntervalIsSet() {
    RecsSettings finalOnly = RecsSettings.empty().with(RequestOptions.EMIT, "final");
    RecsPipeline pipeline = RecsPipeline.from(finalOnly);
    assertThat(pipeline.similarity().emitInterval()).isEqualTo(EmitInterval.END_OF_INPUT);
    assertThat(pipeline.trending().emitInterval()).isEqualTo(EmitInterval.END_OF_INPUT);

    RecsPipeline set =
        RecsPipeline.from(
            finalOnly
                .with(SimilarityOptions.EMIT_INTERVAL, Duration.ZERO)
                .with(TrendingOptions.EMIT_INTERVAL, Duration.ofMinutes(5)));
    assertThat(set.similarity().emitInterval()).isZero();
    assertThat(set.trending().emitInterval()).isEqualTo(Duration.ofMinutes(5));

    RecsPipeline perEvent = RecsPipeline.from(RecsSettings.empty());
    assertThat(perEvent.similarity().emitInterval()).isZero();
    assertThat(perEvent.trending().emitInterval()).isZero();
  }

  @Test
  void finalListsTakeTheTastePresetUnlessAPresetIsSet() {
    RecsSettings finalOnly = RecsSettings.empty().with(RequestOptions.EMIT, "final");
    assertThat(RecsPipeline.preset(finalOnly)).isEqualTo(Preset.TASTE);
    assertThat(RecsPipeline.from(finalOnly).requests().seedItems()).isEqualTo(500);
    assertThat(RecsPipeline.from(finalOnly.with(SimilarityOptions.NEIGHBOURS, 40)).requests())
        .satisfies(r -> assertThat(r.candidatesPerSeed()).isEqualTo(40));
    RecsSettings chosen = finalOnly.with(PipelineOptions.PRESET, Preset.DEFAULT);
    assertThat(RecsPipeline.preset(chosen)).isEqualTo(Preset.DEFAULT);
    assertThat(RecsPipeline.from(chosen).requests().seedItems()).isEqualTo(20);
    for (String emit : List.of("per-event", "interval:1min")) {
      RecsSettings during = RecsSettings.empty().with(RequestOptions.EMIT, emit);
      assertThat(RecsPipeline.preset(during)).isEqualTo(Preset.DEFAULT);
      assertThat(RecsPipeline.from(during).requests().seedItems()).isEqualTo(20);
    }
  }

  @Test
  void listsBeforeTheEndNeedSimilarItemsAndTrendingBeforeTheEnd() {
    for (String emit : List.of("per-event", "interval:10s")) {
      RecsSettings lists = RecsSettings.empty().with(RequestOptions.EMIT, emit);
      assertThatThrownBy(
              () ->
                  RecsPipeline.from(
                      lists.with(SimilarityOptions.EMIT_INTERVAL, EmitInterval.END_OF_INPUT)))
          .hasMessage(
              "similarity.emit-interval (--similar-items-interval) end needs scoring.emit"
                  + " (--emit) final: lists emitted before the input ends would have no similar"
                  + " items or trending to rank");
      assertThatThrownBy(
              () ->
                  RecsPipeline.from(
                      lists.with(TrendingOptions.EMIT_INTERVAL, EmitInterval.END_OF_INPUT)))
          .hasMessageStartingWith("trending.emit-interval (--trending-interval) end needs");
    }
    // Without recommendation stages nothing ranks: similar items may come at the end only.
    assertThat(
            RecsPipeline.builder()
                .recommendations(false)
                .similarity(
                    SimilarityConfig.builder().emitInterval(EmitInterval.END_OF_INPUT).build())
                .build()
                .similarity()
                .emitInterval())
        .isEqualTo(EmitInterval.END_OF_INPUT);
  }

  @Test
  void presetsAreBundlesThatExplicitSettingsOverride() {
    RecsPipeline taste = RecsPipeline.builder().preset(Preset.TASTE).build();
    assertThat(taste.similarity().measure()).isEqualTo(SimilarityMeasure.COSINE);
    assertThat(taste.similarity().historySize()).isEqualTo(500);
    assertThat(taste.requests().seedItems()).isEqualTo(500);
    assertThat(taste.requests().candidatesPerSeed()).isEqualTo(200);
    assertThat(taste.scoring().normalizeSeeds()).isTrue();
    assertThat(taste.preferences().halfLife()).isEqualTo(Duration.ofDays(3650));
    RecsPipeline tasteWithN =
        RecsPipeline.from(
            RecsSettings.empty()
                .with(PipelineOptions.PRESET, Preset.TASTE)
                .with(ScoringOptions.N, 20)
                .with(SimilarityOptions.MEASURE, SimilarityMeasure.JACCARD));
    assertThat(tasteWithN.scoring().n()).isEqualTo(20);
    assertThat(tasteWithN.similarity().measure()).isEqualTo(SimilarityMeasure.JACCARD);
    assertThat(tasteWithN.requests().seedItems()).isEqualTo(500);
    RecsPipeline next = RecsPipeline.builder().preset(Preset.NEXT_ITEM).build();
    assertThat(next.requests().seedItems()).isEqualTo(10);
    assertThat(next.requests().candidatesPerSeed()).isEqualTo(500);
    assertThat(next.similarity().neighbours()).isEqualTo(500);
    assertThat(next.similarity().recomputeEvery()).isEqualTo(20);
    assertThat(next.similarity().rowBatchInterval()).isEqualTo(Duration.ofMillis(10));
    assertThat(next.requests().seedWeights()).isEqualTo(SeedWeights.RECENCY);
    assertThat(next.requests().neighbourLookup()).isEqualTo(NeighbourLookup.REPLICATED);
    assertThat(next.preferences().halfLife()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void unsetCandidatesAndSeedsFollowSmallerNeighboursAndHistoryButSetOnesAreChecked() {
    RecsPipeline small =
        RecsPipeline.from(
            RecsSettings.empty()
                .with(SimilarityOptions.NEIGHBOURS, 10)
                .with(SimilarityOptions.HISTORY_SIZE, 15)
                .with(SimilarityOptions.PAIR_WINDOW_ITEMS, 15));
    assertThat(small.requests().candidatesPerSeed()).isEqualTo(10);
    assertThat(small.requests().seedItems()).isEqualTo(15);
    assertThatThrownBy(
            () ->
                RecsPipeline.from(
                    RecsSettings.empty()
                        .with(SimilarityOptions.NEIGHBOURS, 10)
                        .with(RequestOptions.CANDIDATES_PER_SEED, 20)))
        .hasMessage(
            "scoring.candidates-per-seed (--candidates-per-seed) (20) must not exceed"
                + " similarity.neighbours (--neighbours) (10)");
  }

  @Test
  void settingsAreImmutableAndChecked() {
    RecsSettings base = RecsSettings.empty();
    RecsSettings one = base.with(ScoringOptions.N, 3);
    assertThat(base.isSet(ScoringOptions.N)).isFalse();
    assertThat(one.get(ScoringOptions.N)).isEqualTo(3);
    assertThat(one.get(RequestOptions.SEED_ITEMS)).isEqualTo(20);
    assertThatThrownBy(() -> base.with(ScoringOptions.N, -1))
        .hasMessage("scoring.n (--n) must be > 0, was -1");
    assertThat(ScoringOptions.BLOCKLIST.parse("")).isEmpty();
    assertThat(one.withAll(base).get(ScoringOptions.N)).isEqualTo(3);
    assertThat(base.withAll(one)).isEqualTo(one);
  }
}
