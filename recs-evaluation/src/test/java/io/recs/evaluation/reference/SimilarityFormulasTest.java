package io.recs.evaluation.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.recs.similarity.SimilarityMeasure;
import org.junit.jupiter.api.Test;

class SimilarityFormulasTest {
  private static final double EPS = 1e-9;

  @Test
  void perfectlyAssociatedTableHasLlrFortyLnTwo() {
    // Every entropy is 20 ln 2, so G² = 2 × (20 ln 2 + 20 ln 2 − 20 ln 2).
    assertThat(SimilarityFormulas.logLikelihoodRatio(10, 0, 0, 10))
        .isCloseTo(40 * Math.log(2), within(EPS))
        .isCloseTo(27.7258872, within(1e-7));
  }

  @Test
  void llrMatchesMahoutsPublishedValues() {
    // The expected values of Mahout's LogLikelihoodTest (org.apache.mahout.math.stats).
    assertThat(SimilarityFormulas.logLikelihoodRatio(1, 0, 0, 1)).isCloseTo(2.772589, within(1e-6));
    assertThat(SimilarityFormulas.logLikelihoodRatio(5, 1995, 0, 100_000))
        .isCloseTo(39.33052, within(1e-5));
    assertThat(SimilarityFormulas.logLikelihoodRatio(1000, 1995, 1000, 100_000))
        .isCloseTo(4730.737, within(1e-3));
    assertThat(SimilarityFormulas.logLikelihoodRatio(1000, 1000, 1000, 100_000))
        .isCloseTo(5734.343, within(1e-3));
    assertThat(SimilarityFormulas.logLikelihoodRatio(1000, 1000, 1000, 99_000))
        .isCloseTo(5714.932, within(1e-3));
  }

  @Test
  void independentTableHasLlrZeroNeverNegative() {
    assertThat(SimilarityFormulas.logLikelihoodRatio(1, 1, 1, 1)).isZero();
    assertThat(SimilarityFormulas.logLikelihoodRatio(3, 3, 3, 3)).isZero();
  }

  @Test
  void entropyIsUnnormalised() {
    // xlogx(4) − 2 xlogx(2) = 4 ln 4 − 4 ln 2 = 4 ln 2
    assertThat(SimilarityFormulas.entropy(2, 2)).isCloseTo(4 * Math.log(2), within(EPS));
    assertThat(SimilarityFormulas.entropy(0, 5)).isCloseTo(0, within(EPS));
  }

  @Test
  void measuresFollowTheTable() {
    // c = 2, a = 3, b = 4, N = 10
    assertThat(SimilarityFormulas.similarity(SimilarityMeasure.COOCCURRENCE, 2, 3, 4, 10))
        .isEqualTo(2);
    assertThat(SimilarityFormulas.similarity(SimilarityMeasure.JACCARD, 2, 3, 4, 10))
        .isCloseTo(2.0 / 5, within(EPS));
    assertThat(SimilarityFormulas.similarity(SimilarityMeasure.COSINE, 2, 3, 4, 10))
        .isCloseTo(2 / Math.sqrt(12), within(EPS));
    assertThat(SimilarityFormulas.similarity(SimilarityMeasure.LIFT, 2, 3, 4, 10))
        .isCloseTo(20.0 / 12, within(EPS));
    // table k11 = 2, k12 = 1, k21 = 2, k22 = 5
    assertThat(SimilarityFormulas.similarity(SimilarityMeasure.LLR, 2, 3, 4, 10))
        .isCloseTo(SimilarityFormulas.logLikelihoodRatio(2, 1, 2, 5), within(EPS));
  }
}
