package io.recs.evaluation.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.recs.evaluation.data.InteractionGenerator;
import io.recs.event.Interaction;
import io.recs.event.ScoredItem;
import io.recs.similarity.SimilarityConfig;
import io.recs.similarity.SimilarityMeasure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BatchReferenceTest {
  private static final double EPS = 1e-12;

  /** Four users: u1 {a,b}, u2 {a,b}, u3 {a,c}, u4 {d}; so n(a)=3, n(b)=2, C(a,b)=2, C(a,c)=1. */
  private static final List<Interaction> FOUR_USERS =
      List.of(
          view("u1", "a", 1),
          view("u1", "b", 2),
          view("u2", "a", 3),
          view("u2", "b", 4),
          view("u3", "a", 5),
          view("u3", "c", 6),
          view("u4", "d", 7));

  @Test
  void countsItemsUsersAndSymmetricCooccurrences() {
    BatchReference reference = BatchReference.compute(FOUR_USERS, SimilarityConfig.defaults());

    assertThat(reference.userCount()).isEqualTo(4);
    assertThat(reference.itemCounts())
        .containsExactly(
            Map.entry("a", 3L), Map.entry("b", 2L), Map.entry("c", 1L), Map.entry("d", 1L));
    assertThat(reference.cooccurrence("a", "b")).isEqualTo(2);
    assertThat(reference.cooccurrence("b", "a")).isEqualTo(2);
    assertThat(reference.cooccurrence("a", "c")).isEqualTo(1);
    assertThat(reference.cooccurrence("b", "c")).isZero();
    assertThat(reference.cooccurrences()).doesNotContainKey("d");
  }

  @Test
  void cooccurrenceMeasure() {
    assertThat(neighboursOfA(SimilarityMeasure.COOCCURRENCE))
        .containsExactly(ScoredItem.of("b", 2), ScoredItem.of("c", 1));
  }

  @Test
  void jaccardMeasure() {
    // a,b: 2 / (3 + 2 − 2); a,c: 1 / (3 + 1 − 1)
    List<ScoredItem> neighbours = neighboursOfA(SimilarityMeasure.JACCARD);
    assertScores(neighbours, List.of("b", "c"), 2.0 / 3, 1.0 / 3);
  }

  @Test
  void cosineMeasure() {
    // a,b: 2 / sqrt(3 × 2); a,c: 1 / sqrt(3 × 1)
    assertScores(
        neighboursOfA(SimilarityMeasure.COSINE),
        List.of("b", "c"),
        2 / Math.sqrt(6),
        1 / Math.sqrt(3));
  }

  @Test
  void liftMeasureTiesAreBrokenByTheTieHash() {
    // a,b: 2 × 4 / (3 × 2) = 4/3; a,c: 1 × 4 / (3 × 1) = 4/3: a tie. FNV-1a 64 of "c"
    // (0xaf63de4c8601eff2) is below that of "b" (0xaf63df4c8601f1a5), so c before b.
    assertScores(neighboursOfA(SimilarityMeasure.LIFT), List.of("c", "b"), 4.0 / 3, 4.0 / 3);
  }

  @Test
  void llrMeasure() {
    // a,b: k11=2, k12=3−2=1, k21=2−2=0, k22=4−3−2+2=1.
    // rows H(3,1) = 4ln4 − 3ln3, columns H(2,2) = 4ln4 − 4ln2, matrix H(2,1,0,1) = 4ln4 − 2ln2,
    // so G² = 2 × (8ln4 − 3ln3 − 4ln2 − 4ln4 + 2ln2) = 12 ln2 − 6 ln3.
    double llrAB = 12 * Math.log(2) - 6 * Math.log(3);
    // a,c: k11=1, k12=2, k21=0, k22=1. rows H(3,1) = 4ln4 − 3ln3, columns H(1,3) = the same,
    // matrix H(1,2,0,1) = 4ln4 − 2ln2, so G² = 2 × (4ln4 − 6ln3 + 2ln2) = 20 ln2 − 12 ln3.
    double llrAC = 20 * Math.log(2) - 12 * Math.log(3);
    assertScores(neighboursOfA(SimilarityMeasure.LLR), List.of("b", "c"), llrAB, llrAC);
  }

  @Test
  void pairsOnlyWithTheMostRecentHistoryItems() {
    SimilarityConfig config = SimilarityConfig.builder().historySize(3).pairWindowItems(2).build();
    List<Interaction> events =
        List.of(
            view("u1", "a", 1),
            view("u1", "b", 2),
            view("u1", "c", 3),
            view("u1", "d", 4),
            view("u1", "b", 5));

    BatchReference reference = BatchReference.compute(events, config);

    assertThat(reference.cooccurrences())
        .containsOnlyKeys("a", "b", "c", "d")
        .containsEntry("a", Map.of("b", 1.0, "c", 1.0))
        .containsEntry("b", Map.of("a", 1.0, "c", 1.0, "d", 1.0))
        .containsEntry("c", Map.of("a", 1.0, "b", 1.0, "d", 1.0))
        .containsEntry("d", Map.of("b", 1.0, "c", 1.0));
    // The revisit of b moves it to the front and adds its weight; a was evicted at size 3.
    assertThat(reference.history("u1"))
        .containsExactly(
            new HistoryEntry("b", 2.0, 5),
            new HistoryEntry("d", 1.0, 4),
            new HistoryEntry("c", 1.0, 3));
    assertThat(reference.seen("u1")).containsExactly("a", "b", "c", "d");
  }

  @Test
  void maxItemsPerUserStopsTouchesButNotHistory() {
    SimilarityConfig config = SimilarityConfig.builder().maxItemsPerUser(2).build();
    List<Interaction> events =
        List.of(
            view("u1", "a", 1),
            view("u1", "b", 2),
            view("u1", "c", 3),
            view("u2", "c", 4),
            view("u2", "a", 5));

    BatchReference reference = BatchReference.compute(events, config);

    assertThat(reference.seen("u1")).containsExactly("a", "b");
    assertThat(reference.history("u1"))
        .extracting(HistoryEntry::itemId)
        .containsExactly("c", "b", "a");
    assertThat(reference.itemCount("c")).isEqualTo(1);
    assertThat(reference.itemCount("a")).isEqualTo(2);
    assertThat(reference.cooccurrence("a", "b")).isEqualTo(1);
    assertThat(reference.cooccurrence("b", "c")).isZero();
    assertThat(reference.cooccurrence("a", "c")).isEqualTo(1);
  }

  @Test
  void maxUsersPerItemLimitsPairsOfTheTouchedItemOnly() {
    SimilarityConfig config = SimilarityConfig.builder().maxUsersPerItem(1).build();
    List<Interaction> events =
        List.of(
            view("u1", "a", 1),
            view("u1", "b", 2), // first touch of b: pairs b-a
            view("u2", "a", 3),
            view("u2", "b", 4), // second touch of b: counted in n(b), no pairs
            view("u3", "b", 5),
            view("u3", "d", 6)); // first touch of d: pairs d-b although b is past fmax

    BatchReference reference = BatchReference.compute(events, config);

    assertThat(reference.itemCount("b")).isEqualTo(3);
    assertThat(reference.itemCount("a")).isEqualTo(2);
    assertThat(reference.cooccurrence("a", "b")).isEqualTo(1);
    assertThat(reference.cooccurrence("b", "d")).isEqualTo(1);
    assertThat(reference.cooccurrence("d", "b")).isEqualTo(1);
  }

  @Test
  void pairWindowKeepsPartnersWhoseLastEventIsRecentEnough() {
    SimilarityConfig config = SimilarityConfig.builder().pairWindow(Duration.ofSeconds(10)).build();
    List<Interaction> events =
        List.of(
            view("u1", "a", 0),
            view("u1", "b", 5_000), // a at 0 ≥ 5s − 10s: pairs
            view("u1", "c", 20_000), // b at 5s < 20s − 10s: no pairs
            view("u1", "a", 25_000), // revisit: a's last time becomes 25s
            view("u1", "d", 30_000)); // a (25s) and c (20s, on the bound) pair, b does not

    BatchReference reference = BatchReference.compute(events, config);

    assertThat(reference.cooccurrences())
        .containsEntry("a", Map.of("b", 1.0, "d", 1.0))
        .containsEntry("b", Map.of("a", 1.0))
        .containsEntry("c", Map.of("d", 1.0))
        .containsEntry("d", Map.of("a", 1.0, "c", 1.0));
  }

  @Test
  void weightedDeltaIsEventWeightTimesAccumulatedPartnerWeight() {
    SimilarityConfig config =
        SimilarityConfig.builder().weighted(true).measure(SimilarityMeasure.COSINE).build();
    List<Interaction> events =
        List.of(
            Interaction.of("u1", "a", "view", 1, 1),
            Interaction.of("u1", "a", "click", 2, 2), // a accumulates 3
            Interaction.of("u1", "b", "cart", 4, 3), // 4 × 3
            Interaction.of("u1", "c", "purchase", 8, 4)); // with b: 8 × 4, with a: 8 × 3

    BatchReference reference = BatchReference.compute(events, config);

    assertThat(reference.cooccurrence("a", "b")).isEqualTo(12);
    assertThat(reference.cooccurrence("b", "a")).isEqualTo(12);
    assertThat(reference.cooccurrence("c", "b")).isEqualTo(32);
    assertThat(reference.cooccurrence("c", "a")).isEqualTo(24);
    // One user: every item's vector is that user's weight, so every cosine is 1.
    assertThat(reference.squaredNorm("a")).isEqualTo(9);
    assertThat(reference.squaredNorm("c")).isEqualTo(64);
    assertThat(reference.similarity("c", "b")).isEqualTo(1);
    assertThat(reference.similarity("c", "a")).isEqualTo(1);
  }

  @Test
  void weightedARepeatActionAddsItsWeightTimesEachPartnersWeight() {
    SimilarityConfig config =
        SimilarityConfig.builder().weighted(true).measure(SimilarityMeasure.COSINE).build();
    List<Interaction> events =
        List.of(
            Interaction.of("u1", "a", "view", 1, 1),
            Interaction.of("u1", "b", "view", 1, 2), // C(a,b) = 1·1
            Interaction.of("u1", "a", "cart", 3, 3), // + 3·W(b) = 3: W(a)·W(b) = 4·1
            Interaction.of("u1", "b", "purchase", 5, 4), // + 5·W(a) = 20: 4·6
            Interaction.of("u2", "a", "view", 1, 5),
            Interaction.of("u2", "c", "view", 1, 6), // C(a,c) = 1
            Interaction.of("u2", "a", "view", 0, 7)); // weight 0: nothing

    BatchReference reference = BatchReference.compute(events, config);

    assertThat(reference.cooccurrences())
        .containsEntry("a", Map.of("b", 24.0, "c", 1.0))
        .containsEntry("b", Map.of("a", 24.0))
        .containsEntry("c", Map.of("a", 1.0));
    // Repeats do not count users again.
    assertThat(reference.itemCount("a")).isEqualTo(2);
    assertThat(reference.squaredNorm("a")).isEqualTo(16 + 1);
    assertThat(reference.squaredNorm("b")).isEqualTo(36);
    assertThat(reference.similarity("a", "b")).isCloseTo(24 / Math.sqrt(17 * 36), within(1e-12));
    assertThat(reference.similarItems("a"))
        .extracting(ScoredItem::itemId)
        .containsExactly("b", "c");
  }

  @Test
  void unweightedARepeatActionAddsNothing() {
    List<Interaction> events =
        List.of(
            Interaction.of("u1", "a", "view", 1, 1),
            Interaction.of("u1", "b", "view", 1, 2),
            Interaction.of("u1", "a", "purchase", 5, 3));

    BatchReference reference = BatchReference.compute(events, SimilarityConfig.defaults());

    assertThat(reference.cooccurrence("a", "b")).isEqualTo(1);
    assertThat(reference.squaredNorm("a")).isZero();
  }

  @Test
  void tiesGoToTheLowerTieHashAndListsAreCutAtK() {
    SimilarityConfig config =
        SimilarityConfig.builder().measure(SimilarityMeasure.COOCCURRENCE).neighbours(2).build();
    List<Interaction> events =
        List.of(view("u1", "i9", 1), view("u1", "i10", 2), view("u1", "i2", 3), view("u1", "x", 4));

    BatchReference reference = BatchReference.compute(events, config);

    // All three neighbours of x score 1. By FNV-1a 64 of the ids (unsigned), i2 0x08b70407b55bf362
    // < i9 0x08b70b07b55bff47 < i10 0x2aebc5192b3b912d: neither string nor numeric order.
    assertThat(reference.similarItems("x"))
        .containsExactly(ScoredItem.of("i2", 1), ScoredItem.of("i9", 1));
    assertThat(reference.allSimilarItems()).containsOnlyKeys("i10", "i2", "i9", "x");
    assertThat(reference.similarItems("unknown")).isEmpty();
  }

  @Test
  void withoutCapsCooccurrenceIsTheNumberOfCommonUsers() {
    List<Interaction> events = InteractionGenerator.tiny(3).generate();
    SimilarityConfig uncapped =
        SimilarityConfig.builder().historySize(1_000).pairWindowItems(1_000).build();

    BatchReference reference = BatchReference.compute(events, uncapped);

    Map<String, Set<String>> usersOfItem = new HashMap<>();
    for (Interaction e : events) {
      usersOfItem.computeIfAbsent(e.itemId(), i -> new HashSet<>()).add(e.userId());
    }
    List<String> items = new ArrayList<>(usersOfItem.keySet());
    for (String i : items) {
      assertThat(reference.itemCount(i)).isEqualTo(usersOfItem.get(i).size());
      for (String j : items) {
        if (!i.equals(j)) {
          Set<String> common = new HashSet<>(usersOfItem.get(i));
          common.retainAll(usersOfItem.get(j));
          assertThat(reference.cooccurrence(i, j)).as("C(%s,%s)", i, j).isEqualTo(common.size());
        }
      }
    }
    assertThat(reference.userCount()).isEqualTo(100);
  }

  private static List<ScoredItem> neighboursOfA(SimilarityMeasure measure) {
    SimilarityConfig config = SimilarityConfig.builder().measure(measure).build();
    return BatchReference.compute(FOUR_USERS, config).similarItems("a");
  }

  private static void assertScores(List<ScoredItem> actual, List<String> items, double... scores) {
    assertThat(actual).extracting(ScoredItem::itemId).containsExactlyElementsOf(items);
    for (int k = 0; k < scores.length; k++) {
      assertThat(actual.get(k).score()).as(items.get(k)).isCloseTo(scores[k], within(EPS));
    }
  }

  private static Interaction view(String user, String item, long time) {
    return Interaction.of(user, item, "view", 1.0, time);
  }
}
