package io.recs.scoring;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.annotation.PublicEvolving;

/** The built-in {@link Scorer}s. */
@PublicEvolving
public final class Scorers {
  private Scorers() {}

  /** Σ affinity × similarity: the classic item-based score. The default. */
  public static Scorer sum() {
    return Sum.INSTANCE;
  }

  /** Σ affinity × similarity divided by the number of contributing history items. */
  public static Scorer normalizedSum() {
    return NormalizedSum.INSTANCE;
  }

  /** max affinity × similarity over the contributing history items. */
  public static Scorer max() {
    return Max.INSTANCE;
  }

  /**
   * Σ weight × scorer: a weighted blend of scorers.
   *
   * @param weights scorer to weight; at least one entry, weights finite
   */
  public static Scorer blend(Map<Scorer, Double> weights) {
    if (weights.isEmpty()) {
      throw new IllegalArgumentException("blend needs at least one scorer");
    }
    weights.forEach(
        (scorer, weight) -> {
          if (weight == null || !Double.isFinite(weight)) {
            throw new IllegalArgumentException(
                "blend weight of " + scorer + " must be finite, was " + weight);
          }
        });
    return new Blend(new LinkedHashMap<>(weights));
  }

  private enum Sum implements Scorer {
    INSTANCE;

    @Override
    public double score(double[] affinities, double[] similarities, int count) {
      double sum = 0;
      for (int k = 0; k < count; k++) {
        sum += affinities[k] * similarities[k];
      }
      return sum;
    }
  }

  private enum NormalizedSum implements Scorer {
    INSTANCE;

    @Override
    public double score(double[] affinities, double[] similarities, int count) {
      return Sum.INSTANCE.score(affinities, similarities, count) / count;
    }
  }

  private enum Max implements Scorer {
    INSTANCE;

    @Override
    public double score(double[] affinities, double[] similarities, int count) {
      double max = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < count; k++) {
        max = Math.max(max, affinities[k] * similarities[k]);
      }
      return max;
    }
  }

  private record Blend(LinkedHashMap<Scorer, Double> weights) implements Scorer {
    @Override
    public double score(double[] affinities, double[] similarities, int count) {
      double score = 0;
      for (Map.Entry<Scorer, Double> entry : weights.entrySet()) {
        score += entry.getValue() * entry.getKey().score(affinities, similarities, count);
      }
      return score;
    }
  }
}
