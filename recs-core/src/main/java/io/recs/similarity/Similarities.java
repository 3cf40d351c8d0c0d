package io.recs.similarity;

/** The formulas of {@link SimilarityMeasure}; see its Javadoc and {@code docs/similarity.md}. */
final class Similarities {
  private Similarities() {}

  /**
   * The similarity of item i to item j.
   *
   * @param c co-occurrence C(i,j) &gt; 0
   * @param a users of i, n(i)
   * @param b users of j, n(j)
   * @param n all users, N
   */
  static double score(SimilarityMeasure measure, double c, double a, double b, double n) {
    // Counts travel on separate channels and may lag the co-occurrence for a moment; never let a
    // count fall below what the co-occurrence already proves.
    a = Math.max(a, c);
    b = Math.max(b, c);
    switch (measure) {
      case COOCCURRENCE:
        return c;
      case JACCARD:
        return c / (a + b - c);
      case COSINE:
        return c / Math.sqrt(a * b);
      case LIFT:
        return c * Math.max(n, a + b - c) / (a * b);
      case LLR:
        return logLikelihoodRatio(c, a, b, Math.max(n, a + b - c));
      default:
        throw new IllegalArgumentException("unknown measure " + measure);
    }
  }

  /**
   * The similarity of item i to item j with weighted co-occurrence.
   *
   * @param c weighted co-occurrence C(i,j) &gt; 0
   * @param a squared weighted norm ‖i‖²
   * @param b squared weighted norm ‖j‖²
   * @param n all users, N
   */
  static double weightedScore(SimilarityMeasure measure, double c, double a, double b, double n) {
    // By Cauchy-Schwarz c² ≤ a·b; norms that lag the co-occurrence (they travel on another
    // channel) or a history entry evicted and re-added can break that, so a·b is taken as at
    // least c².
    double ab = Math.max(a * b, c * c);
    switch (measure) {
      case COOCCURRENCE:
        return c;
      case COSINE:
        return c / Math.sqrt(ab);
      case LIFT:
        return c * n / ab;
      default:
        throw new IllegalArgumentException(measure + " needs unweighted counts");
    }
  }

  /** Dunning's G² for the 2×2 table of two items, as in Mahout's LogLikelihood. */
  static double logLikelihoodRatio(double c, double a, double b, double n) {
    double k11 = c;
    double k12 = Math.max(0, a - c);
    double k21 = Math.max(0, b - c);
    double k22 = Math.max(0, n - a - b + c);
    double rowEntropy = entropy(k11 + k12, k21 + k22);
    double columnEntropy = entropy(k11 + k21, k12 + k22);
    double matrixEntropy = entropy(k11, k12, k21, k22);
    if (rowEntropy + columnEntropy < matrixEntropy) {
      return 0.0; // round-off
    }
    return 2.0 * (rowEntropy + columnEntropy - matrixEntropy);
  }

  private static double entropy(double... elements) {
    double sum = 0;
    double result = 0;
    for (double x : elements) {
      result += xLogX(x);
      sum += x;
    }
    return xLogX(sum) - result;
  }

  private static double xLogX(double x) {
    return x == 0 ? 0.0 : x * Math.log(x);
  }
}
