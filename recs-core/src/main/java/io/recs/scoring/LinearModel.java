package io.recs.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The weights of one ranking subtask's {@link LinearScoring} model and their pairwise (BPR) update.
 * Not thread-safe; one per subtask.
 */
final class LinearModel {
  private final String[] features;
  private final double[] weights;
  private long updates;
  private final double[] difference;

  private LinearModel(String[] features, double[] weights, long updates) {
    this.features = features;
    this.weights = weights;
    this.updates = updates;
    this.difference = new double[features.length];
  }

  /** A model over the named features, with the given weights (0 for features they lack). */
  static LinearModel of(List<String> features, LearnedWeights start) {
    String[] names = features.toArray(new String[0]);
    double[] weights = new double[names.length];
    for (int f = 0; f < names.length; f++) {
      weights[f] = start.weightOf(names[f]);
    }
    return new LinearModel(names, weights, start.updates());
  }

  /** The model a restored subtask starts from: the average of the restored copies. */
  static LinearModel restored(List<String> features, List<LearnedWeights> copies) {
    return of(features, LearnedWeights.average(new ArrayList<>(copies)));
  }

  int featureCount() {
    return weights.length;
  }

  /** θ · x for the features at {@code x[offset, offset + featureCount)}. */
  double score(double[] x, int offset) {
    double score = 0;
    for (int f = 0; f < weights.length; f++) {
      score += weights[f] * x[offset + f];
    }
    return score;
  }

  /**
   * Learns from the user's choice of {@code positive} among the kept candidates: one BPR step per
   * sampled negative, half drawn from the top entries and half from the random ones.
   *
   * @return the number of pairs learned from; 0 when the positive is not among them
   */
  int learn(KeptCandidates kept, String positive, LinearScoring config, Random random) {
    int p = kept.indexOf(positive);
    if (p < 0 || kept.size < 2) {
      return 0;
    }
    return learn(kept, p, kept.size - kept.top, config, random);
  }

  /**
   * Learns from a held-out item: the last of {@code sample}'s entries is the positive, the others
   * (top entries, then random ones) the candidates negatives are drawn from.
   *
   * @return the number of pairs learned from; 0 when there is no other entry
   */
  int learnLast(KeptCandidates sample, LinearScoring config, Random random) {
    if (sample.size < 2) {
      return 0;
    }
    return learn(sample, sample.size - 1, sample.size - 1 - sample.top, config, random);
  }

  /**
   * One BPR step per sampled negative, each drawn with probability ½ from the top entries {@code
   * [0, top)} and ½ from the {@code randomCount} entries after them.
   */
  private int learn(
      KeptCandidates kept, int p, int randomCount, LinearScoring config, Random random) {
    int pairs = 0;
    for (int k = 0; k < config.negatives(); k++) {
      boolean fromTop = randomCount == 0 || (kept.top > 0 && random.nextBoolean());
      int n = fromTop ? random.nextInt(kept.top) : kept.top + random.nextInt(randomCount);
      if (n == p) {
        continue;
      }
      step(kept, p, n, config);
      pairs++;
    }
    return pairs;
  }

  /** θ ← θ + η (σ(−θ · d) d − λ θ), with d = x_p − x_n. */
  private void step(KeptCandidates kept, int p, int n, LinearScoring config) {
    int count = kept.featureCount;
    double margin = 0;
    for (int f = 0; f < count; f++) {
      difference[f] = kept.features[p * count + f] - kept.features[n * count + f];
      margin += weights[f] * difference[f];
    }
    double gradient = 1 / (1 + Math.exp(margin)); // σ(−margin)
    double rate = config.learningRate();
    double decay = config.regularization();
    for (int f = 0; f < count; f++) {
      weights[f] += rate * (gradient * difference[f] - decay * weights[f]);
    }
    updates++;
  }

  /** A copy of the weights, for state and export. */
  LearnedWeights export() {
    return new LearnedWeights(features.clone(), weights.clone(), updates);
  }
}
