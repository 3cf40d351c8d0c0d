package io.recs.scoring;

import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;

/**
 * The features and the model of {@link LinearScoring} within one ranking subtask: computes a
 * request's feature matrix for {@link Ranking}, scores with the model, and holds the candidates
 * kept for learning. Not thread-safe; one per subtask.
 */
final class LinearRanking {
  private static final int WHOLE = RankingFeature.WHOLE.ordinal();
  private static final int LAST_20 = RankingFeature.LAST_20.ordinal();
  private static final int LAST_10 = RankingFeature.LAST_10.ordinal();
  private static final int LAST_3 = RankingFeature.LAST_3.ordinal();
  private static final int DECAYED = RankingFeature.DECAYED.ordinal();
  private static final int MAX_SIMILARITY = RankingFeature.MAX_SIMILARITY.ordinal();
  private static final int SUPPORT = RankingFeature.SUPPORT.ordinal();
  private static final int TRENDING = RankingFeature.TRENDING.ordinal();
  private static final int BASE = RankingFeature.values().length;

  private final LinearScoring config;
  private final String[] actions;
  private final Random random;
  private LinearModel model;
  private ToDoubleFunction<String> trending = item -> 0;
  private KeptCandidates kept;

  LinearRanking(LinearScoring config, LinearModel model, Random random) {
    this.config = config;
    this.actions = config.actions().toArray(new String[0]);
    this.model = model;
    this.random = random;
  }

  /** The feature names of this configuration, in model order. */
  static List<String> featureNames(LinearScoring config) {
    return config.featureNames();
  }

  LinearModel model() {
    return model;
  }

  void model(LinearModel restored) {
    this.model = restored;
  }

  LinearScoring config() {
    return config;
  }

  Random random() {
    return random;
  }

  int featureCount() {
    return BASE + actions.length;
  }

  /** Whether the model learns from an item of the user's history held out. */
  boolean learnsHeldOut() {
    return config.learning() && config.signal() == LearningSignal.HELD_OUT;
  }

  int keepTop() {
    return config.keepTop();
  }

  int keepRandom() {
    return config.keepRandom();
  }

  /** The trending score of an item for the next request (its scope's list), 0 when absent. */
  void trending(ToDoubleFunction<String> scores) {
    this.trending = scores;
  }

  double score(double[] features, int offset) {
    return model.score(features, offset);
  }

  /** A fresh set of kept candidates for the request being ranked. */
  KeptCandidates startKeeping() {
    kept = new KeptCandidates(config.keepTop() + config.keepRandom(), featureCount());
    return kept;
  }

  /** The candidates kept by the last request ranked. */
  KeptCandidates kept() {
    return kept;
  }

  /**
   * The features of each distinct candidate, {@link #featureCount()} per candidate, each column
   * divided by its largest value.
   *
   * @param start the contributions of candidate c are {@code [start[c], start[c + 1])}
   * @param seed the part (seed) of each contribution
   * @param similarity the similarity of each contribution
   */
  double[] features(
      SeedCandidates parts,
      String[] items,
      int[] start,
      int[] seed,
      double[] similarity,
      int distinct) {
    return features(parts, items, start, seed, similarity, distinct, -1);
  }

  /**
   * As {@link #features(SeedCandidates, String[], int[], int[], double[], int)}, as if seed {@code
   * excluded} were not in the user's history (none when negative): its contributions are left out
   * and the seeds older than it move one place up in recency.
   */
  double[] features(
      SeedCandidates parts,
      String[] items,
      int[] start,
      int[] seed,
      double[] similarity,
      int distinct,
      int excluded) {
    int excludedRecency = excluded < 0 ? Integer.MAX_VALUE : parts.recencies()[excluded];
    int width = featureCount();
    double[] x = new double[distinct * width];
    double[] max = new double[width];
    for (int c = 0; c < distinct; c++) {
      int row = c * width;
      for (int e = start[c]; e < start[c + 1]; e++) {
        int p = seed[e];
        if (p == excluded) {
          continue;
        }
        double sim = similarity[e];
        int recency = parts.recencies()[p];
        if (recency > excludedRecency) {
          recency--;
        }
        double weighted = parts.weights()[p] * sim;
        x[row + WHOLE] += weighted;
        if (recency < 20) {
          x[row + LAST_20] += weighted;
          if (recency < 10) {
            x[row + LAST_10] += weighted;
            if (recency < 3) {
              x[row + LAST_3] += weighted;
            }
          }
        }
        x[row + DECAYED] += parts.affinities()[p] * sim;
        x[row + MAX_SIMILARITY] = Math.max(x[row + MAX_SIMILARITY], sim);
        x[row + SUPPORT] += 1;
        String action = parts.actions()[p];
        if (action != null) {
          for (int a = 0; a < actions.length; a++) {
            if (actions[a].equals(action)) {
              x[row + BASE + a] += weighted;
            }
          }
        }
      }
      x[row + TRENDING] = trending.applyAsDouble(items[c]);
      for (int f = 0; f < width; f++) {
        max[f] = Math.max(max[f], x[row + f]);
      }
    }
    for (int f = 0; f < width; f++) {
      if (max[f] > 0) {
        double scale = 1 / max[f];
        for (int at = f; at < x.length; at += width) {
          x[at] *= scale;
        }
      }
    }
    return x;
  }
}
