package io.recs.scoring;

import org.apache.flink.annotation.Internal;

/**
 * The seeds of one request and their candidates, as {@link RankScoring} ranks them: seed {@code p}
 * has affinity {@code affinities[p]} and candidates {@code candidates[p]} with similarities {@code
 * similarities[p]} (null when the seed has no neighbours yet); {@code recencies}, {@code weights}
 * and {@code actions} are what {@link LinearScoring}'s features need of it (its recency rank, its
 * accumulated weight, the latest action on it), unused by the fixed scorers.
 */
@Internal
public record SeedCandidates(
    int count,
    String[] seeds,
    double[] affinities,
    String[][] candidates,
    double[][] similarities,
    int[] recencies,
    double[] weights,
    String[] actions) {

  /** Room for {@code count} seeds, to be filled with {@link #set} and {@link #describe}. */
  public static SeedCandidates empty(int count) {
    return new SeedCandidates(
        count,
        new String[count],
        new double[count],
        new String[count][],
        new double[count][],
        new int[count],
        new double[count],
        new String[count]);
  }

  /** Sets seed {@code p} and the user's affinity to it. */
  public void set(int p, String seed, double affinity) {
    seeds[p] = seed;
    affinities[p] = affinity;
  }

  /** Sets what the linear features need of seed p: recency rank, accumulated weight, action. */
  public void describe(int p, int recency, double weight, String action) {
    recencies[p] = recency;
    weights[p] = weight;
    actions[p] = action;
  }

  /** Sets the candidates of seed {@code p}; null for none. */
  public void candidates(int p, String[] items, double[] itemSimilarities) {
    candidates[p] = items;
    similarities[p] = itemSimilarities;
  }
}
