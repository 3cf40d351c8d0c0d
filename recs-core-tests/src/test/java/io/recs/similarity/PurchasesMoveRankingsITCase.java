package io.recs.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import io.recs.evaluation.reference.BatchReference;
import io.recs.event.ActionWeights;
import io.recs.event.Interaction;
import io.recs.event.Recommendations;
import io.recs.event.ScoredItem;
import io.recs.event.SimilarItems;
import io.recs.pipeline.RecsPipeline;
import io.recs.testkit.driver.RecsTestDriver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * With {@code similarity.weighted}, purchases of items the user already viewed move the rankings of
 * similar items and recommendations, in the direction of the purchases; without weighting, or
 * without the purchases, they do not.
 *
 * <p>Sessions of a shop, each a few events a second apart:
 *
 * <ul>
 *   <li>8 users view a phone, view a case, then buy the case;
 *   <li>12 users view a tablet, then view the case (and buy nothing);
 *   <li>6 users view the phone, then view a charger;
 *   <li>last, a probe user views the phone.
 * </ul>
 *
 * Counting users (15 of the phone), the charger is the phone's closer neighbour: cosine 6/√(15·6) ≈
 * 0.63 against the case's 8/√(15·20) ≈ 0.46, because most of the case's viewers came for the
 * tablet. Weighted, the purchases (weight 8 on a case viewed with weight 1: W = 9) come from the
 * phone's viewers: C(phone, case) = 8·(1 + 8·1) = 72, ‖case‖² = 8·9² + 12 = 660, cosine
 * 72/√(15·660) ≈ 0.72 against the charger's unchanged 0.63.
 */
@Timeout(120)
class PurchasesMoveRankingsITCase {
  private static final ActionWeights WEIGHTS = ActionWeights.defaults();
  private static List<Interaction> withPurchases;
  private static List<Interaction> withoutPurchases;

  @BeforeAll
  static void sessions() {
    List<Interaction> events = new ArrayList<>();
    long[] clock = {1_700_000_000_000L};
    for (int u = 0; u < 8; u++) {
      session(events, clock, "buyer" + u, "phone", "view", "case", "view", "case", "purchase");
    }
    for (int u = 0; u < 12; u++) {
      session(events, clock, "tablet" + u, "tablet", "view", "case", "view");
    }
    for (int u = 0; u < 6; u++) {
      session(events, clock, "charger" + u, "phone", "view", "charger", "view");
    }
    session(events, clock, "probe", "phone", "view");
    withPurchases = List.copyOf(events);
    withoutPurchases =
        events.stream().filter(e -> !e.action().equals(ActionWeights.PURCHASE)).toList();
    assertThat(withoutPurchases).hasSize(withPurchases.size() - 8);
  }

  private static void session(
      List<Interaction> events, long[] clock, String user, String... itemsAndActions) {
    clock[0] += 600_000; // ten minutes between sessions
    for (int k = 0; k < itemsAndActions.length; k += 2) {
      String action = itemsAndActions[k + 1];
      double weight = WEIGHTS.weightOf(action).orElseThrow();
      events.add(Interaction.of(user, itemsAndActions[k], action, weight, clock[0] += 1_000));
    }
  }

  @Test
  void weightedPurchasesPutTheBoughtCaseAboveTheChargerForPhoneViewers() {
    SimilarityConfig weighted = SimilarityConfig.builder().weighted(true).build();
    SimilarityConfig counting = SimilarityConfig.defaults();
    Run weightedWith = run(weighted, withPurchases);
    Run weightedWithout = run(weighted, withoutPurchases);
    Run countingWith = run(counting, withPurchases);

    assertThat(weightedWith.neighbours("phone")).containsExactly("case", "charger");
    assertThat(weightedWithout.neighbours("phone")).containsExactly("charger", "case");
    assertThat(countingWith.neighbours("phone")).containsExactly("charger", "case");
    assertThat(weightedWith.firstRecommendation("probe")).isEqualTo("case");
    assertThat(weightedWithout.firstRecommendation("probe")).isEqualTo("charger");
    assertThat(countingWith.firstRecommendation("probe")).isEqualTo("charger");

    // The scores are the documented ones, and the batch reference's.
    BatchReference reference = BatchReference.compute(withPurchases, weighted);
    assertThat(reference.cooccurrence("phone", "case")).isEqualTo(72);
    assertThat(reference.squaredNorm("case")).isEqualTo(660);
    assertThat(weightedWith.similar().get("phone").neighbours())
        .extracting(ScoredItem::score)
        .containsExactly(
            reference.similarity("phone", "case"), reference.similarity("phone", "charger"));
    assertThat(reference.similarity("phone", "case")).isEqualTo(72 / Math.sqrt(15 * 660));
  }

  /** Runs the pipeline with {@code similarity} over {@code events} at parallelism 2. */
  private static Run run(SimilarityConfig similarity, List<Interaction> events) {
    try (RecsTestDriver driver =
        RecsTestDriver.builder()
            .pipeline(RecsPipeline.builder().similarity(similarity).build())
            .parallelism(2)
            .build()) {
      driver.interactions().addAll(events);
      driver.run();
      return new Run(driver.similarItems().latestByKey(), driver.recommendations().latestByKey());
    }
  }

  /** The last lists of one run: per item, and per user. */
  private record Run(
      Map<String, SimilarItems> similar, Map<String, Recommendations> recommendations) {
    List<String> neighbours(String item) {
      SimilarItems last = similar.get(item);
      return last == null ? List.of() : last.neighbours().stream().map(ScoredItem::itemId).toList();
    }

    String firstRecommendation(String user) {
      Recommendations last = recommendations.get(user);
      assertThat(last).as("recommendations of " + user).isNotNull();
      assertThat(last.items()).as("recommendations of " + user).isNotEmpty();
      return last.items().get(0).itemId();
    }
  }
}
