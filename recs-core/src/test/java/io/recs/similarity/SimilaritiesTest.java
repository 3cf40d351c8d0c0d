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
}
