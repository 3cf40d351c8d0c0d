package io.recs.evaluation.reference;

import io.recs.similarity.SimilarityMeasure;

/** The similarity table of docs/architecture.md, written out literally. */
final class SimilarityFormulas {
  private SimilarityFormulas() {}

  /**
   * The similarity of item i to item j.
   *
   * @param c the co-occurrence C(i,j)
   * @param a n(i)
   * @param b n(j)
   * @param users N, the number of distinct users
   */
  static double similarity(SimilarityMeasure measure, double c, long a, long b, long users) {
    return switch (measure) {
      case COOCCURRENCE -> c;
      case JACCARD -> c / (a + b - c);
      case COSINE -> c / Math.sqrt((double) a * b);
      case LIFT -> c * users / ((double) a * b);
      case LLR ->
          logLikelihoodRatio(
              atLeastZero(c),
              atLeastZero(a - c),
              atLeastZero(b - c),
              atLeastZero(users - a - b + c));
    };
  }

  /**
   * The similarity of item i to item j with weighted co-occurrence, where the squared norms take
   * the place of the counts and their product is taken as at least c² (Cauchy-Schwarz), so that
   * cosine is at most 1.
   *
   * @param c the weighted co-occurrence C(i,j)
   * @param a ‖i‖²
   * @param b ‖j‖²
   * @param users N, the number of distinct users
   */
  static double weightedSimilarity(
      SimilarityMeasure measure, double c, double a, double b, long users) {
    double product = Math.max(a * b, c * c);
    return switch (measure) {
      case COOCCURRENCE -> c;
      case COSINE -> c / Math.sqrt(product);
      case LIFT -> c * users / product;
      case JACCARD, LLR -> throw new IllegalArgumentException(measure + " is not weighted");
    };
  }

  /**
   * Dunning's G² of a 2×2 table, in Mahout's form: twice the row plus column entropy minus the
   * matrix entropy, with unnormalised entropies; 0 when rounding makes it negative.
   */
  static double logLikelihoodRatio(double k11, double k12, double k21, double k22) {
    double rowEntropy = entropy(k11 + k12, k21 + k22);
    double columnEntropy = entropy(k11 + k21, k12 + k22);
    double matrixEntropy = entropy(k11, k12, k21, k22);
    double llr = 2 * (rowEntropy + columnEntropy - matrixEntropy);
    return llr < 0 ? 0 : llr;
  }

  /** The unnormalised Shannon entropy H(x₁…xₙ) = xlogx(Σx) − Σ xlogx(xᵢ). */
  static double entropy(double... counts) {
    double sum = 0;
    for (double x : counts) {
      sum += x;
    }
    double result = xLogX(sum);
    for (double x : counts) {
      result -= xLogX(x);
    }
    return result;
  }

  private static double xLogX(double x) {
    return x == 0 ? 0 : x * Math.log(x);
  }

  private static double atLeastZero(double x) {
    return Math.max(0, x);
  }
}
