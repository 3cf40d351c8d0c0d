package io.recs.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.recs.event.ScoredItem;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LinearRankingTest {

  /**
   * Seeds: s0 most recent (recency 0, weight 1, affinity 1, "view"), s1 (recency 5, weight 2,
   * affinity 0.5, "purchase"), s2 (recency 30, weight 4, affinity 0.1, "view"). Candidates: x from
   * s0 (0.5) and s2 (0.25); y from s1 (0.8) and s2 (0.5); z from s2 (1.0).
   */
  private static SeedCandidates parts() {
    SeedCandidates parts = SeedCandidates.empty(3);
    parts.set(0, "s0", 1.0);
    parts.describe(0, 0, 1.0, "view");
    parts.candidates()[0] = new String[] {"x"};
    parts.similarities()[0] = new double[] {0.5};
    parts.set(1, "s1", 0.5);
    parts.describe(1, 5, 2.0, "purchase");
    parts.candidates()[1] = new String[] {"y"};
    parts.similarities()[1] = new double[] {0.8};
    parts.set(2, "s2", 0.1);
    parts.describe(2, 30, 4.0, "view");
    parts.candidates()[2] = new String[] {"x", "y", "z"};
    parts.similarities()[2] = new double[] {0.25, 0.5, 1.0};
    return parts;
  }

  private static LinearRanking linear(LearnedWeights weights) {
    LinearScoring config =
        LinearScoring.builder().actions(List.of("purchase")).initialWeights(weights).build();
    return new LinearRanking(
        config, LinearModel.of(config.featureNames(), config.startWeights()), new Random(1));
  }

  private static List<String> ranked(LearnedWeights weights) {
    return new Ranking()
        .rank(parts(), 3, item -> true, ScoringConfig.defaults(), linear(weights)).stream()
            .map(ScoredItem::itemId)
            .toList();
  }

  @Test
  void featuresFollowTheirFormulasScaledByTheLargestValue() {
    LinearRanking linear = linear(null);
    linear.trending(item -> Map.of("y", 10.0, "z", 40.0).getOrDefault(item, 0.0));
    // Candidates numbered in order of first appearance: x, y, z; contributions grouped by them.
    String[] items = {"x", "y", "z"};
    int[] start = {0, 2, 4, 5};
    int[] seed = {0, 2, 1, 2, 2};
    double[] similarity = {0.5, 0.25, 0.8, 0.5, 1.0};

    double[] x = linear.features(parts(), items, start, seed, similarity, 3);

    int width = linear.featureCount();
    // raw WHOLE: x 1*0.5 + 4*0.25 = 1.5, y 2*0.8 + 4*0.5 = 3.6, z 4*1 = 4
    assertThat(row(x, 0, width, RankingFeature.WHOLE)).isCloseTo(1.5 / 4, within(1e-12));
    assertThat(row(x, 1, width, RankingFeature.WHOLE)).isCloseTo(3.6 / 4, within(1e-12));
    assertThat(row(x, 2, width, RankingFeature.WHOLE)).isCloseTo(1.0, within(1e-12));
    // LAST_20 and LAST_10: x 0.5, y 1.6, z 0; LAST_3: x 0.5 only
    assertThat(row(x, 0, width, RankingFeature.LAST_10)).isCloseTo(0.5 / 1.6, within(1e-12));
    assertThat(row(x, 1, width, RankingFeature.LAST_20)).isCloseTo(1.0, within(1e-12));
    assertThat(row(x, 2, width, RankingFeature.LAST_10)).isZero();
    assertThat(row(x, 0, width, RankingFeature.LAST_3)).isCloseTo(1.0, within(1e-12));
    assertThat(row(x, 1, width, RankingFeature.LAST_3)).isZero();
    // DECAYED: x 1*0.5 + 0.1*0.25 = 0.525, y 0.5*0.8 + 0.1*0.5 = 0.45, z 0.1
    assertThat(row(x, 1, width, RankingFeature.DECAYED)).isCloseTo(0.45 / 0.525, within(1e-12));
    // MAX_SIMILARITY: x 0.5, y 0.8, z 1.0; SUPPORT: 2, 2, 1; TRENDING: 0, 10, 40
    assertThat(row(x, 1, width, RankingFeature.MAX_SIMILARITY)).isCloseTo(0.8, within(1e-12));
    assertThat(row(x, 2, width, RankingFeature.SUPPORT)).isCloseTo(0.5, within(1e-12));
    assertThat(row(x, 1, width, RankingFeature.TRENDING)).isCloseTo(0.25, within(1e-12));
    assertThat(row(x, 0, width, RankingFeature.TRENDING)).isZero();
    // ACTION_purchase: only s1's contribution, to y
    assertThat(x[1 * width + RankingFeature.values().length]).isCloseTo(1.0, within(1e-12));
    assertThat(x[0 * width + RankingFeature.values().length]).isZero();
  }

  @Test
  void aFixedModelRanksByItsFeatures() {
    assertThat(ranked(LearnedWeights.only(RankingFeature.WHOLE))).containsExactly("z", "y", "x");
    assertThat(ranked(LearnedWeights.only(RankingFeature.LAST_10))).containsExactly("y", "x", "z");
    assertThat(ranked(LearnedWeights.only(RankingFeature.LAST_3))).startsWith("x");
    assertThat(ranked(LearnedWeights.only(RankingFeature.DECAYED))).containsExactly("x", "y", "z");
  }

  @Test
  void rankingKeepsTheTopCandidatesAndSomeAtRandomForLearning() {
    LinearScoring config = LinearScoring.builder().keepTop(2).keepRandom(1).build();
    LinearRanking linear =
        new LinearRanking(
            config, LinearModel.of(config.featureNames(), config.startWeights()), new Random(1));

    new Ranking().rank(parts(), 1, item -> !item.equals("y"), ScoringConfig.defaults(), linear);

    KeptCandidates kept = linear.kept();
    // y is not allowed: the top two allowed are x and z, nothing is left to draw at random.
    assertThat(kept.top).isEqualTo(2);
    assertThat(kept.size).isEqualTo(2);
    assertThat(java.util.Arrays.asList(kept.items).subList(0, 2)).containsExactly("x", "z");
  }

  @Test
  void pairwiseUpdatesLearnTheFeatureThatPredictsTheChoice() {
    LinearScoring config = LinearScoring.builder().learningRate(0.1).build();
    LinearModel model = LinearModel.of(config.featureNames(), config.startWeights());
    Random random = new Random(3);
    int width = config.featureNames().size();
    int last3 = RankingFeature.LAST_3.ordinal();
    int decayed = RankingFeature.DECAYED.ordinal();
    // The chosen item always has the largest LAST_3; DECAYED is noise.
    for (int round = 0; round < 500; round++) {
      KeptCandidates kept = new KeptCandidates(10, width);
      for (int k = 0; k < 10; k++) {
        double[] x = new double[width];
        x[last3] = k == 0 ? 1.0 : random.nextDouble() * 0.5;
        x[decayed] = random.nextDouble();
        kept.add("i" + k, x, 0);
      }
      kept.top = 5;
      model.learn(kept, "i0", config, random);
    }

    LearnedWeights learned = model.export();
    assertThat(learned.weightOf("LAST_3")).isGreaterThan(2 * Math.abs(learned.weightOf("DECAYED")));
    assertThat(learned.updates()).isGreaterThan(4000);
    KeptCandidates none = new KeptCandidates(2, width);
    none.add("a", new double[width], 0);
    none.add("b", new double[width], 0);
    assertThat(model.learn(none, "c", config, random)).isZero();
  }

  @Test
  void featuresWithoutAHeldOutSeedLeaveItOutAndMoveOlderSeedsUp() {
    // a (recency 0) and b (recency 3), both weight 1: a's neighbour x, b's neighbours x and a.
    SeedCandidates parts = SeedCandidates.empty(2);
    parts.set(0, "a", 1.0);
    parts.describe(0, 0, 1.0, "view");
    parts.candidates(0, new String[] {"x"}, new double[] {0.5});
    parts.set(1, "b", 1.0);
    parts.describe(1, 3, 1.0, "view");
    parts.candidates(1, new String[] {"x", "a"}, new double[] {0.25, 1.0});
    LinearRanking linear = linear(null);
    String[] items = {"x", "a"};
    int[] start = {0, 2, 3};
    int[] seed = {0, 1, 1};
    double[] similarity = {0.5, 0.25, 1.0};
    int width = linear.featureCount();

    double[] all = linear.features(parts, items, start, seed, similarity, 2);
    double[] withoutA = linear.features(parts, items, start, seed, similarity, 2, 0);

    // With a: x's LAST_3 is a's 0.5 alone (b is 4th most recent); SUPPORT 2 of 2.
    assertThat(row(all, 0, width, RankingFeature.LAST_3)).isCloseTo(1.0, within(1e-12));
    assertThat(row(all, 1, width, RankingFeature.LAST_3)).isZero();
    // Without a: b moves up to recency 2, inside LAST_3; x has b's 0.25 only, a has b's 1.0.
    assertThat(row(withoutA, 0, width, RankingFeature.WHOLE)).isCloseTo(0.25, within(1e-12));
    assertThat(row(withoutA, 1, width, RankingFeature.WHOLE)).isCloseTo(1.0, within(1e-12));
    assertThat(row(withoutA, 0, width, RankingFeature.LAST_3)).isCloseTo(0.25, within(1e-12));
    assertThat(row(withoutA, 1, width, RankingFeature.LAST_3)).isCloseTo(1.0, within(1e-12));
    assertThat(row(withoutA, 0, width, RankingFeature.SUPPORT)).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void aHeldOutSampleEndsWithTheHeldOutSeedScoredWithoutIt() {
    // a's neighbours: x and b; b's: y. Only b is a candidate of another seed.
    SeedCandidates parts = SeedCandidates.empty(2);
    parts.set(0, "a", 1.0);
    parts.describe(0, 0, 1.0, "view");
    parts.candidates(0, new String[] {"x", "b"}, new double[] {0.5, 0.8});
    parts.set(1, "b", 1.0);
    parts.describe(1, 1, 1.0, "view");
    parts.candidates(1, new String[] {"y"}, new double[] {0.4});
    LinearScoring config = LinearScoring.builder().signal(LearningSignal.HELD_OUT).build();
    LinearRanking linear =
        new LinearRanking(
            config, LinearModel.of(config.featureNames(), config.startWeights()), new Random(7));
    linear.trending(item -> 1.0); // every candidate trending: not learnt from a held-out item
    Ranking ranking = new Ranking();
    int width = linear.featureCount();
    int samples = 0;
    for (int request = 0; request < 20; request++) {
      ranking.rank(parts, 2, item -> !item.equals("a") && !item.equals("b"), config(), linear);
      KeptCandidates sample = ranking.heldOut(parts, linear);
      if (sample == null) {
        continue; // a was held out: it is no other seed's candidate
      }
      samples++;
      // b held out: y came from b alone and is left out; x stays, b is the positive, last.
      assertThat(sample.size).isEqualTo(2);
      assertThat(sample.items[0]).isEqualTo("x");
      assertThat(sample.items[1]).isEqualTo("b");
      assertThat(sample.top).isEqualTo(1);
      // Without b, a is the most recent seed: b's LAST_3 is a's 0.8, the largest.
      assertThat(sample.features[width + RankingFeature.LAST_3.ordinal()]).isEqualTo(1.0f);
      assertThat(sample.features[RankingFeature.LAST_3.ordinal()]).isEqualTo((float) (0.5 / 0.8));
      assertThat(sample.features[RankingFeature.TRENDING.ordinal()]).isZero();
      assertThat(sample.features[width + RankingFeature.TRENDING.ordinal()]).isZero();
    }
    assertThat(samples).isBetween(1, 19);
  }

  @Test
  void heldOutUpdatesLearnTheFeatureThatPredictsTheHeldOutItem() {
    LinearScoring config =
        LinearScoring.builder().signal(LearningSignal.HELD_OUT).learningRate(0.1).build();
    LinearModel model = LinearModel.of(config.featureNames(), config.startWeights());
    Random random = new Random(3);
    int width = config.featureNames().size();
    int whole = RankingFeature.WHOLE.ordinal();
    int decayed = RankingFeature.DECAYED.ordinal();
    // The held-out item (last entry) always has the largest WHOLE; DECAYED is noise.
    for (int round = 0; round < 500; round++) {
      KeptCandidates sample = new KeptCandidates(10, width);
      for (int k = 0; k < 10; k++) {
        double[] x = new double[width];
        x[whole] = k == 9 ? 1.0 : random.nextDouble() * 0.5;
        x[decayed] = random.nextDouble();
        sample.add("i" + k, x, 0);
      }
      sample.top = 5;
      assertThat(model.learnLast(sample, config, random)).isEqualTo(config.negatives());
    }

    LearnedWeights learned = model.export();
    assertThat(learned.weightOf("WHOLE")).isGreaterThan(2 * Math.abs(learned.weightOf("DECAYED")));
    KeptCandidates alone = new KeptCandidates(1, width);
    alone.add("a", new double[width], 0);
    assertThat(model.learnLast(alone, config, random)).isZero();
  }

  private static ScoringConfig config() {
    return ScoringConfig.defaults();
  }

  private static double row(double[] x, int candidate, int width, RankingFeature feature) {
    return x[candidate * width + feature.ordinal()];
  }
}
