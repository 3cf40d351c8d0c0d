package io.recs.similarity;

import org.apache.flink.annotation.PublicEvolving;

/**
 * How two items' co-occurrence count and item counts become a similarity score.
 *
 * <p>With c = C(i,j) the number of users who interacted with both items, a = n(i) and b = n(j) the
 * numbers of users of each item, and N the number of users. With {@link
 * SimilarityConfig#weighted()}, c is the weighted sum Σ_u W_u(i)·W_u(j) and a, b are the squared
 * weighted norms ‖i‖² = Σ_u W_u(i)², with a·b taken as at least c² (so weighted cosine is the
 * cosine of the weighted user vectors, at most 1):
 *
 * <ul>
 *   <li>{@link #COOCCURRENCE}: {@code c}
 *   <li>{@link #JACCARD}: {@code c / (a + b - c)}
 *   <li>{@link #COSINE}: {@code c / sqrt(a * b)}
 *   <li>{@link #LIFT}: {@code c * N / (a * b)}
 *   <li>{@link #LLR}: Dunning's log-likelihood ratio G² of the 2×2 contingency table (k11 = c, k12
 *       = a - c, k21 = b - c, k22 = N - a - b + c); T. Dunning, "Accurate methods for the
 *       statistics of surprise and coincidence", Computational Linguistics 19(1), 1993.
 * </ul>
 */
@PublicEvolving
public enum SimilarityMeasure {
  /** Raw co-occurrence count. */
  COOCCURRENCE(false),
  /** Jaccard index of the two items' user sets. Needs unweighted counts. */
  JACCARD(true),
  /** Cosine of the two items' binary (or, weighted, weighted) user vectors. */
  COSINE(false),
  /** Log-likelihood ratio (Dunning 1993). Needs unweighted counts. */
  LLR(true),
  /** Lift: observed over expected co-occurrence. */
  LIFT(false);

  private final boolean needsCounts;

  SimilarityMeasure(boolean needsCounts) {
    this.needsCounts = needsCounts;
  }

  /** Whether the measure is only defined for unweighted (counting) co-occurrence. */
  public boolean needsUnweightedCounts() {
    return needsCounts;
  }
}
