package io.recs.evaluation.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.recs.event.Interaction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
  void microsoftRecommendersMapDividesByAllRelevantItems() {
    // Hits at ranks 2 and 4: Σ precision@r = 1/2 + 2/4 = 1, over |R| = 3.
    assertThat(RankingMetrics.averagePrecisionMsr(RANKED, RELEVANT, 5))
        .isCloseTo(1.0 / 3, within(EPS));
    // At k = 2 only the hit at rank 2 counts: recs divides 1/2 by min(2, 3), MS Recommenders by 3.
    assertThat(RankingMetrics.averagePrecision(RANKED, RELEVANT, 2))
        .isCloseTo(1.0 / 4, within(EPS));
    assertThat(RankingMetrics.averagePrecisionMsr(RANKED, RELEVANT, 2))
        .isCloseTo(1.0 / 6, within(EPS));
    assertThat(RankingMetrics.averagePrecisionMsr(RANKED, Set.of(), 2)).isZero();
    assertThat(RankingMetrics.averagePrecisionMsr(List.of(), RELEVANT, 2)).isZero();
  }

  @Test
  void reportHasBothMaps() {
    // u1: hits at ranks 1 and 3 of 3 items, 4 relevant; u2: hit at rank 2, 1 relevant.
    Map<String, List<String>> lists =
        Map.of("u1", List.of("a", "b", "c"), "u2", List.of("x", "y", "z"));
    Map<String, Set<String>> relevant = Map.of("u1", Set.of("a", "c", "p", "q"), "u2", Set.of("y"));

    RankingReport report = RankingMetrics.evaluate((user, n) -> lists.get(user), relevant, 3);

    double apU1 = 1.0 / 1 + 2.0 / 3;
    double apU2 = 1.0 / 2;
    assertThat(report.map()).isCloseTo((apU1 / 3 + apU2 / 1) / 2, within(EPS));
    assertThat(report.mapMsr()).isCloseTo((apU1 / 4 + apU2 / 1) / 2, within(EPS));
  }

  @Test
  void microsoftRecommendersMapMatchesAStraightforwardComputationOnRandomLists() {
    Random random = new Random(7);
    List<String> pool = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      pool.add("i" + i);
    }
    for (int k : new int[] {1, 5, 10, 20}) {
      Map<String, List<String>> lists = new HashMap<>();
      Map<String, Set<String>> relevant = new HashMap<>();
      for (int u = 0; u < 300; u++) {
        List<String> shuffled = new ArrayList<>(pool);
        Collections.shuffle(shuffled, random);
        lists.put("u" + u, List.copyOf(shuffled.subList(0, random.nextInt(25))));
        Collections.shuffle(shuffled, random);
        relevant.put("u" + u, new HashSet<>(shuffled.subList(0, 1 + random.nextInt(30))));
      }

      RankingReport report = RankingMetrics.evaluate((user, n) -> lists.get(user), relevant, k);

      assertThat(report.mapMsr()).isCloseTo(msrMapAtK(lists, relevant, k), within(1e-12));
      assertThat(report.mapMsr()).isLessThanOrEqualTo(report.map() + 1e-12);
    }
  }

  /**
   * MAP@k written out as python_evaluation.map_at_k of Microsoft Recommenders (commit 20b0b53f)
   * computes it: for each hit, its number among the user's hits over its rank; summed per user,
   * divided by the user's number of relevant items, averaged over users.
   */
  private static double msrMapAtK(
      Map<String, List<String>> lists, Map<String, Set<String>> relevant, int k) {
    double total = 0;
    for (String user : relevant.keySet()) {
      List<String> list = lists.get(user);
      double rr = 0;
      int hitNumber = 0;
      for (int rank = 1; rank <= Math.min(k, list.size()); rank++) {
        if (relevant.get(user).contains(list.get(rank - 1))) {
          hitNumber++;
          rr += (double) hitNumber / rank;
        }
      }
      total += rr / relevant.get(user).size();
    }
    return total / relevant.size();
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
    assertThat(report.mapMsr()).isCloseTo((0.5 + 0) / 2, within(EPS));
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
