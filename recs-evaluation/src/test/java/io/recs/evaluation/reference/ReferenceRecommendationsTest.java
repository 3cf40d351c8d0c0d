package io.recs.evaluation.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.recs.event.Interaction;
import io.recs.event.ScoredItem;
import io.recs.event.TrendingItems;
import io.recs.pipeline.RecsPipeline;
import io.recs.request.RequestConfig;
import io.recs.scoring.Scorer;
import io.recs.scoring.Scorers;
import io.recs.scoring.ScoringConfig;
import io.recs.scoring.SeenFilter;
import io.recs.similarity.SimilarityConfig;
import io.recs.similarity.SimilarityMeasure;
import io.recs.state.PreferenceConfig;
import io.recs.trending.TrendingConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed final recommendations. Co-occurrence similarity, half-lives of one day, N = 3.
 *
 * <p>The events give C(a,c) = 2 (u2, u3), C(a,d) = C(c,d) = 1 (u3), C(b,d) = 1 (u4), C(a,b) = 1
 * (u1), so a's neighbours are c 2, b 1, d 1 and b's are a 1, d 1. At u1's latest time, day 8,
 * affinity(b) = 2 and affinity(a) = 1 × 2^−1 = 0.5. Candidates: d from b (2 × 1) and from a (0.5 ×
 * 1), c from a (0.5 × 2); a and b are seen. Global trending at day 8: b 2^−3 + 2 = 2.125, e 1, a
 * 2^−8 + 2^−6 + 2^−1 = 0.51953125, d 2^−4 + 2^−2 = 0.3125, c 2^−7 + 2^−5 = 0.0390625.
 */
class ReferenceRecommendationsTest {
  private static final double EPS = 1e-12;
  private static final long DAY = Duration.ofDays(1).toMillis();

  private static final List<Interaction> EVENTS =
      List.of(
          view("u2", "a", 0, 1),
          view("u2", "c", 1, 1),
          view("u3", "a", 2, 1),
          view("u3", "c", 3, 1),
          view("u3", "d", 4, 1),
          view("u4", "b", 5, 1),
          view("u4", "d", 6, 1),
          view("u1", "a", 7, 1),
          view("u1", "b", 8, 2),
          view("u5", "e", 8, 1));

  @Test
  void sumsAffinityTimesSimilarityOverTheSeedsAndBackfillsFromTrending() {
    List<ScoredItem> top = recommend(s -> s).recommendations("u1");

    assertThat(top)
        .containsExactly(
            new ScoredItem("d", 2.5, List.of("b", "a")),
            new ScoredItem("c", 1.0, List.of("a")),
            new ScoredItem("e", 1.0, List.of("trending")));
  }

  @Test
  void aUserWithoutCandidatesGetsTheTrendingListWithoutSeenItems() {
    ReferenceRecommendations reference = recommend(s -> s);

    assertThat(reference.trending(TrendingItems.GLOBAL))
        .extracting(ScoredItem::itemId)
        .containsExactly("b", "e", "a", "d", "c");
    assertThat(reference.recommendations("u5"))
        .containsExactly(
            new ScoredItem("b", 2.125, List.of("trending")),
            new ScoredItem("a", 0.51953125, List.of("trending")),
            new ScoredItem("d", 0.3125, List.of("trending")));
  }

  @Test
  void withoutBackfillAShortListStaysShort() {
    assertThat(recommend(s -> s.trendingBackfill(false)).recommendations("u1"))
        .extracting(ScoredItem::itemId)
        .containsExactly("d", "c");
  }

  @Test
  void blocklistAndItemFilterDropCandidatesAndTrendingItems() {
    List<ScoredItem> blocked = recommend(s -> s.blocklist(Set.of("d"))).recommendations("u1");
    List<ScoredItem> filtered =
        recommend(s -> s.filter((user, item) -> !item.equals("d"))).recommendations("u1");

    assertThat(blocked).extracting(ScoredItem::itemId).containsExactly("c", "e");
    assertThat(filtered).isEqualTo(blocked);
  }

  @Test
  void boostsMultiplyTheScore() {
    assertThat(recommend(s -> s.boosts(Map.of("c", 3.0))).recommendations("u1"))
        .containsExactly(
            new ScoredItem("c", 3.0, List.of("a")),
            new ScoredItem("d", 2.5, List.of("b", "a")),
            new ScoredItem("e", 1.0, List.of("trending")));
  }

  @Test
  void seenFilterOfOtherActionsLetsViewedItemsThrough() {
    List<ScoredItem> top =
        recommend(s -> s.seenFilter(SeenFilter.actions("purchase"))).recommendations("u1");

    // a from b: 2 × 1; b from a: 0.5 × 1.
    assertThat(top)
        .containsExactly(
            new ScoredItem("d", 2.5, List.of("b", "a")),
            new ScoredItem("a", 2.0, List.of("b")),
            new ScoredItem("c", 1.0, List.of("a")));
  }

  @Test
  void maxSeenItemsRemembersOnlyTheFirstSeenItems() {
    // u1 saw a first; b is not remembered and comes back from a with 0.5 × 1.
    assertThat(recommend(s -> s.maxSeenItems(1)).recommendations("u1"))
        .extracting(ScoredItem::itemId, ScoredItem::score)
        .containsExactly(tuple("d", 2.5), tuple("c", 1.0), tuple("b", 0.5));
  }

  @Test
  void scorers() {
    assertThat(score(Scorers.max(), "d")).isCloseTo(2.0, within(EPS));
    assertThat(score(Scorers.normalizedSum(), "d")).isCloseTo(1.25, within(EPS));
    assertThat(score(Scorers.blend(Map.of(Scorers.sum(), 0.5, Scorers.max(), 2.0)), "d"))
        .isCloseTo(0.5 * 2.5 + 2.0 * 2.0, within(EPS));
  }

  @Test
  void seedItemsKeepsTheMostRelevantHistoryItems() {
    // Only b (affinity 2) is a seed: d gets 2 × 1, then trending after the seen b and a.
    assertThat(
            recommend(s -> s, RequestConfig.builder().seedItems(1).build()).recommendations("u1"))
        .containsExactly(
            new ScoredItem("d", 2.0, List.of("b")),
            new ScoredItem("e", 1.0, List.of("trending")),
            new ScoredItem("c", 0.0390625, List.of("trending")));
  }

  @Test
  void candidatesPerSeedCutsEachNeighbourListAndExplanationsAreBounded() {
    // b's first neighbour is d (tied with a; FNV-1a 64 of "d" is the lower, see
    // BatchReferenceTest), a's is c.
    assertThat(
            recommend(s -> s.explanations(0), RequestConfig.builder().candidatesPerSeed(1).build())
                .recommendations("u1"))
        .containsExactly(
            new ScoredItem("d", 2.0, List.of()),
            new ScoredItem("c", 1.0, List.of()),
            new ScoredItem("e", 1.0, List.of("trending")));
  }

  @Test
  void affinityDecaysInEventTimeAndRestartsAfterEviction() {
    SimilarityConfig oneItem = SimilarityConfig.builder().historySize(1).pairWindowItems(1).build();
    PreferenceConfig halfLife = PreferenceConfig.builder().halfLife(Duration.ofDays(1)).build();
    List<Interaction> events =
        List.of(
            view("u1", "a", 2, 1),
            view("u1", "a", 1, 2), // late: adds 2 × 2^−1 to a at day 2
            view("u2", "x", 0, 4),
            view("u2", "y", 1, 1), // evicts x
            view("u2", "x", 3, 1)); // x starts again at 0

    BatchReference reference = BatchReference.compute(events, oneItem, halfLife);

    assertThat(reference.affinity("u1", "a", 2 * DAY)).isCloseTo(2.0, within(EPS));
    assertThat(reference.affinity("u1", "a", 3 * DAY)).isCloseTo(1.0, within(EPS));
    assertThat(reference.affinity("u1", "a", DAY)).isCloseTo(2.0, within(EPS));
    assertThat(reference.affinity("u2", "x", 4 * DAY)).isCloseTo(0.5, within(EPS));
    assertThat(reference.affinity("u2", "y", 4 * DAY)).isZero();
    assertThat(reference.latestTime("u1")).isEqualTo(2 * DAY);
  }

  private static double score(Scorer scorer, String item) {
    return recommend(s -> s.scorer(scorer)).recommendations("u1").stream()
        .filter(scored -> scored.itemId().equals(item))
        .findFirst()
        .orElseThrow()
        .score();
  }

  private static ReferenceRecommendations recommend(UnaryOperator<ScoringConfig.Builder> scoring) {
    return recommend(scoring, RequestConfig.defaults());
  }

  private static ReferenceRecommendations recommend(
      UnaryOperator<ScoringConfig.Builder> scoring, RequestConfig requests) {
    RecsPipeline pipeline =
        RecsPipeline.builder()
            .similarity(SimilarityConfig.builder().measure(SimilarityMeasure.COOCCURRENCE).build())
            .preferences(PreferenceConfig.builder().halfLife(Duration.ofDays(1)).build())
            .trending(TrendingConfig.builder().halfLife(Duration.ofDays(1)).build())
            .requests(requests)
            .scoring(scoring.apply(ScoringConfig.builder().n(3)).build())
            .build();
    return ReferenceRecommendations.compute(EVENTS, pipeline);
  }

  private static Interaction view(String user, String item, long day, double weight) {
    return Interaction.of(user, item, "view", weight, day * DAY);
  }
}
