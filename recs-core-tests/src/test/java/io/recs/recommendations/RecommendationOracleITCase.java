package io.recs.recommendations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.recs.evaluation.data.InteractionGenerator;
import io.recs.evaluation.reference.ReferenceRecommendations;
import io.recs.event.Interaction;
import io.recs.event.ScoredItem;
import io.recs.pipeline.RecsPipeline;
import io.recs.request.NeighbourLookup;
import io.recs.request.RequestConfig;
import io.recs.request.SeedWeights;
import io.recs.scoring.Scorers;
import io.recs.scoring.ScoringConfig;
import io.recs.scoring.SeenFilter;
import io.recs.similarity.SimilarityConfig;
import io.recs.state.PreferenceConfig;
import io.recs.testkit.driver.RecsTestDriver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each user's last streaming recommendation, the answer to the final request at the end of the
 * input, equals {@link ReferenceRecommendations}: items in order, scores within 1e-9, explanations
 * equal; items whose scores tie within 1e-9 may come in either order.
 *
 * <p>Scores are compared within 1e-9 × max(1, |score|): trending scores are in the hundreds, and
 * the streaming operator keeps popularity as a base-2 logarithm of about t/H ≈ 2·10⁴ (forward
 * decay), whose rounding leaves a relative error of about 1e-12.
 */
@Timeout(180)
class RecommendationOracleITCase {
  private static final double TOLERANCE = 1e-9;

  private static List<Interaction> events;

  @BeforeAll
  static void generate() {
    events = InteractionGenerator.small(42).generate();
    assertThat(events).hasSizeGreaterThanOrEqualTo(20_000);
  }

  @ParameterizedTest(name = "parallelism {0}, {1} neighbour lookup")
  @CsvSource({"1, PARTITIONED", "2, PARTITIONED", "2, REPLICATED"})
  void finalRecommendationsOfTheDefaultsEqualTheOracle(int parallelism, NeighbourLookup lookup) {
    RecsPipeline pipeline =
        RecsPipeline.builder()
            .similarity(quietSimilarity().build())
            .requests(
                RequestConfig.builder().triggerOnInteraction(false).neighbourLookup(lookup).build())
            .build();

    assertFinalListsEqual(pipeline, parallelism);
  }

  /**
   * Rules and a blended scorer, with lists short enough (two seeds, five candidates each) that
   * trending backfill fills many of them; every interaction triggers a list too, so the final one
   * must come last.
   */
  @ParameterizedTest(name = "{0} neighbour lookup")
  @EnumSource(NeighbourLookup.class)
  void finalRecommendationsWithRulesEqualTheOracle(NeighbourLookup lookup) {
    ScoringConfig scoring =
        ScoringConfig.builder()
            .explanations(3)
            .blocklist(Set.of("i0", "i3", "i12"))
            .boosts(Map.of("i1", 2.0, "i5", 0.5, "i40", 3.0))
            .seenFilter(SeenFilter.actions("click", "cart", "purchase"))
            .maxSeenItems(15)
            .filter((user, item) -> !item.endsWith("7"))
            .scorer(Scorers.blend(Map.of(Scorers.sum(), 0.7, Scorers.max(), 0.3)))
            .normalizeSeeds(true)
            .build();
    RecsPipeline pipeline =
        RecsPipeline.builder()
            .similarity(quietSimilarity().build())
            .requests(
                RequestConfig.builder()
                    .seedItems(2)
                    .candidatesPerSeed(5)
                    .neighbourLookup(lookup)
                    .build())
            .scoring(scoring)
            .build();

    Map<String, List<ScoredItem>> expected = assertFinalListsEqual(pipeline, 2);

    assertThat(expected.values())
        .as("backfilled lists")
        .anySatisfy(list -> assertThat(list).anySatisfy(i -> isTrending(i)));
  }

  /**
   * Seeds weighed by recency (the {@code next-item} preset's): the most recent items, whatever
   * their actions' weights, each weighing 0.5^(age / half-life).
   */
  @ParameterizedTest(name = "{0} neighbour lookup")
  @EnumSource(NeighbourLookup.class)
  void finalRecommendationsWithRecencySeedsEqualTheOracle(NeighbourLookup lookup) {
    Map<String, List<ScoredItem>> expected =
        assertFinalListsEqual(threeSeeds(SeedWeights.RECENCY, lookup), 2);

    // The generator's actions weigh differently, so the two ways of choosing seeds must differ.
    assertThat(expected)
        .isNotEqualTo(
            ReferenceRecommendations.compute(events, threeSeeds(SeedWeights.AFFINITY, lookup))
                .all());
  }

  /** Three seeds chosen and weighed as {@code weights}, ten candidates each, a 6-hour half-life. */
  private static RecsPipeline threeSeeds(SeedWeights weights, NeighbourLookup lookup) {
    return RecsPipeline.builder()
        .similarity(quietSimilarity().build())
        .preferences(PreferenceConfig.builder().halfLife(Duration.ofHours(6)).build())
        .requests(
            RequestConfig.builder()
                .triggerOnInteraction(false)
                .seedItems(3)
                .seedWeights(weights)
                .candidatesPerSeed(10)
                .neighbourLookup(lookup)
                .build())
        .build();
  }

  private static void isTrending(ScoredItem item) {
    assertThat(item.because()).containsExactly(ReferenceRecommendations.TRENDING);
  }

  private static SimilarityConfig.Builder quietSimilarity() {
    // An interval timer fires once per day of event time (about three times over this input), so
    // each item emits few intermediate lists, which keeps the job small; the final requests are
    // answered from final lists anyway.
    return SimilarityConfig.builder().emitInterval(Duration.ofDays(1));
  }

  private static Map<String, List<ScoredItem>> assertFinalListsEqual(
      RecsPipeline pipeline, int parallelism) {
    Configuration conf = new Configuration();
    conf.set(StateBackendOptions.STATE_BACKEND, "hashmap");
    Map<String, List<ScoredItem>> actual = new HashMap<>();
    try (RecsTestDriver driver =
        RecsTestDriver.builder()
            .pipeline(pipeline)
            .parallelism(parallelism)
            .configuration(conf)
            .build()) {
      driver.interactions().addAll(events);
      driver.run();
      driver.recommendations().latestByKey().forEach((user, r) -> actual.put(user, r.items()));
    }
    ReferenceRecommendations reference = ReferenceRecommendations.compute(events, pipeline);
    Map<String, List<ScoredItem>> expected = reference.all();
    assertThat(new TreeSet<>(actual.keySet())).isEqualTo(expected.keySet());
    expected.forEach((user, list) -> assertSameList(user, list, actual.get(user)));
    return expected;
  }

  /**
   * Equal position by position, except that items whose scores tie within the tolerance may come in
   * either order, and a tie group cut by the end of the list may hold any of the tied items.
   */
  private static void assertSameList(String user, List<ScoredItem> expected, List<ScoredItem> got) {
    String context = "user " + user + ": expected " + expected + " got " + got;
    assertThat(got).as(context).hasSameSizeAs(expected);
    int start = 0;
    while (start < expected.size()) {
      int end = start + 1;
      while (end < expected.size()
          && Math.abs(expected.get(end).score() - expected.get(start).score())
              <= tolerance(expected.get(start).score())) {
        end++;
      }
      for (int k = start; k < end; k++) {
        assertThat(got.get(k).score())
            .as(context)
            .isCloseTo(expected.get(k).score(), within(tolerance(expected.get(k).score())));
      }
      if (end < expected.size() || end - start == 1) {
        assertThat(withoutScores(got.subList(start, end)))
            .as(context)
            .containsExactlyInAnyOrderElementsOf(withoutScores(expected.subList(start, end)));
      }
      start = end;
    }
  }

  private static double tolerance(double score) {
    return TOLERANCE * Math.max(1, Math.abs(score));
  }

  private static List<List<Object>> withoutScores(List<ScoredItem> items) {
    List<List<Object>> result = new ArrayList<>();
    items.forEach(item -> result.add(List.of(item.itemId(), item.because())));
    return result;
  }
}
