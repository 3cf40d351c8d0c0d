package io.recs.request;

import org.apache.flink.annotation.Internal;

/**
 * What {@link io.recs.scoring.LinearScoring}'s features need of a request's seeds, parallel to its
 * seeds: each seed's position in the user's history ({@code recencies}, 0 for the most recent
 * item), its accumulated weight and the latest action on it. A message carries it only with linear
 * scoring (it is null otherwise), so the fixed scorers send no extra bytes.
 */
@Internal
public record SeedFeatures(int[] recencies, double[] weights, String[] actions) {

  /** The features of one seed. */
  static SeedFeatures of(int recency, double weight, String action) {
    return new SeedFeatures(new int[] {recency}, new double[] {weight}, new String[] {action});
  }
}
