package io.recs.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SimilaritiesTest {

  @Test
  void computesEachMeasureFromCounts() {
    // c = 2 users share both items, a = 4 users of i, b = 5 users of j, N = 20 users
    assertThat(Similarities.score(SimilarityMeasure.COOCCURRENCE, 2, 4, 5, 20)).isEqualTo(2);
    assertThat(Similarities.score(SimilarityMeasure.JACCARD, 2, 4, 5, 20)).isEqualTo(2.0 / 7);
    assertThat(Similarities.score(SimilarityMeasure.COSINE, 2, 4, 5, 20))
        .isCloseTo(2 / Math.sqrt(20), within(1e-15));
    assertThat(Similarities.score(SimilarityMeasure.LIFT, 2, 4, 5, 20)).isEqualTo(2.0);
  }

  @Test
  void logLikelihoodRatioMatchesDunningOnKnownTables() {
    // Perfect association of two items used by half of 20 users: G² = 2 · 20 · ln 2
    assertThat(Similarities.logLikelihoodRatio(10, 10, 10, 20))
        .isCloseTo(40 * Math.log(2), within(1e-9));
    // Independence: k11/k12 = k21/k22 gives 0
    assertThat(Similarities.logLikelihoodRatio(1, 2, 5, 10)).isCloseTo(0, within(1e-9));
  }

  @Test
  void neverLetsACountLagBelowTheCooccurrence() {
    // n(j) not yet known (0) while C = 3 already arrived: treated as n(j) = 3
    assertThat(Similarities.score(SimilarityMeasure.COSINE, 3, 3, 0, 10)).isEqualTo(1.0);
  }

  @Test
  void weightedMeasuresUseSquaredNormsWithTheirProductAtLeastCSquared() {
    // One user with W(i) = 1 and W(j) = 5: c = 5, ‖i‖² = 1, ‖j‖² = 25, the vectors are parallel.
    assertThat(Similarities.weightedScore(SimilarityMeasure.COSINE, 5, 1, 25, 1)).isEqualTo(1.0);
    assertThat(Similarities.weightedScore(SimilarityMeasure.COSINE, 6, 4, 25, 3)).isEqualTo(0.6);
    assertThat(Similarities.weightedScore(SimilarityMeasure.LIFT, 6, 4, 25, 3)).isEqualTo(0.18);
    assertThat(Similarities.weightedScore(SimilarityMeasure.COOCCURRENCE, 6, 4, 25, 3))
        .isEqualTo(6);
    // A norm that has not arrived yet (0): the product is taken as c², cosine 1.
    assertThat(Similarities.weightedScore(SimilarityMeasure.COSINE, 6, 0, 25, 3)).isEqualTo(1.0);
  }
}
