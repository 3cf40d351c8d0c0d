package io.recs.testkit.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.recs.event.Interaction;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {
  private static final double EPS = 1e-12;
  private static final List<String> RANKED = List.of("a", "b", "c", "d", "e");
  private static final Set<String> RELEVANT = Set.of("b", "d", "x");

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  @Test
  void metricsAtFive() {
    // Hits at ranks 2 and 4, three relevant items.
    assertThat(RankingMetrics.precision(RANKED, RELEVANT, 5)).isCloseTo(2.0 / 5, within(EPS));
    assertThat(RankingMetrics.recall(RANKED, RELEVANT, 5)).isCloseTo(2.0 / 3, within(EPS));
    double dcg = 1 / log2(3) + 1 / log2(5);
    double idealDcg = 1 + 1 / log2(3) + 1 / log2(4);
    assertThat(RankingMetrics.ndcg(RANKED, RELEVANT, 5)).isCloseTo(dcg / idealDcg, within(EPS));
    // AP = (1/2 + 2/4) / min(5, 3)
    assertThat(RankingMetrics.averagePrecision(RANKED, RELEVANT, 5))
        .isCloseTo(1.0 / 3, within(EPS));
    assertThat(RankingMetrics.hit(RANKED, RELEVANT, 5)).isEqualTo(1);
  }

  @Test
  void metricsAtTwoNormaliseByTheCutOff() {
    assertThat(RankingMetrics.precision(RANKED, RELEVANT, 2)).isCloseTo(0.5, within(EPS));
    assertThat(RankingMetrics.recall(RANKED, RELEVANT, 2)).isCloseTo(1.0 / 3, within(EPS));
    assertThat(RankingMetrics.ndcg(RANKED, RELEVANT, 2))
        .isCloseTo((1 / log2(3)) / (1 + 1 / log2(3)), within(EPS));
    // AP = (1/2) / min(2, 3)
    assertThat(RankingMetrics.averagePrecision(RANKED, RELEVANT, 2)).isCloseTo(0.25, within(EPS));
  }

  @Test
  void missAtOne() {
    assertThat(RankingMetrics.precision(RANKED, RELEVANT, 1)).isZero();
    assertThat(RankingMetrics.recall(RANKED, RELEVANT, 1)).isZero();
    assertThat(RankingMetrics.ndcg(RANKED, RELEVANT, 1)).isZero();
    assertThat(RankingMetrics.averagePrecision(RANKED, RELEVANT, 1)).isZero();
    assertThat(RankingMetrics.hit(RANKED, RELEVANT, 1)).isZero();
  }

  @Test
  void shortListStillDividesPrecisionByK() {
    List<String> one = List.of("b");
    Set<String> relevant = Set.of("b");

    assertThat(RankingMetrics.precision(one, relevant, 10)).isCloseTo(0.1, within(EPS));
    assertThat(RankingMetrics.recall(one, relevant, 10)).isEqualTo(1);
    assertThat(RankingMetrics.ndcg(one, relevant, 10)).isCloseTo(1, within(EPS));
    assertThat(RankingMetrics.averagePrecision(one, relevant, 10)).isCloseTo(1, within(EPS));
  }

  @Test
  void repeatedItemCountsOnce() {
    List<String> withRepeat = List.of("b", "b", "c");

    assertThat(RankingMetrics.precision(withRepeat, Set.of("b", "c"), 3))
        .isCloseTo(2.0 / 3, within(EPS));
    assertThat(RankingMetrics.precision(withRepeat, Set.of("b"), 3))
        .isCloseTo(1.0 / 3, within(EPS));
  }

  @Test
  void evaluateAveragesOverUsersWithRelevantItems() {
    List<Interaction> test =
        List.of(
            Interaction.of("u1", "a", "view", 1, 1),
            Interaction.of("u1", "x", "view", 1, 2),
            Interaction.of("u1", "a", "click", 2, 3),
            Interaction.of("u2", "c", "view", 1, 4));
    Map<String, List<String>> lists = Map.of("u1", List.of("a", "b"), "u2", List.of("b", "d"));

    RankingReport report = RankingMetrics.evaluate((user, n) -> lists.get(user), test, 2);

    // u1: hit at rank 1 of relevant {a, x}; u2: no hit.
    assertThat(report.users()).isEqualTo(2);
    assertThat(report.precision()).isCloseTo((0.5 + 0) / 2, within(EPS));
    assertThat(report.recall()).isCloseTo((0.5 + 0) / 2, within(EPS));
    assertThat(report.ndcg()).isCloseTo((1 / (1 + 1 / log2(3))) / 2, within(EPS));
    assertThat(report.map()).isCloseTo((0.5 + 0) / 2, within(EPS));
    assertThat(report.hitRate()).isCloseTo(0.5, within(EPS));
  }

  @Test
  void usersWithoutRelevantItemsAreSkipped() {
    RankingReport report =
        RankingMetrics.evaluate(
            (user, n) -> List.of("a"), Map.of("u1", Set.of("a"), "u2", Set.of()), 1);

    assertThat(report.users()).isEqualTo(1);
    assertThat(report.precision()).isEqualTo(1);
  }

  @Test
  void rejectsNonPositiveK() {
    assertThatThrownBy(() -> RankingMetrics.precision(RANKED, RELEVANT, 0))
        .hasMessage("k must be > 0, was 0");
  }
}
