package io.recs.evaluation.data;

import java.util.Random;

/** Draws an index with probability proportional to its weight, by inverse transform sampling. */
final class WeightedSampler {
  private final double[] cumulative;

  WeightedSampler(double[] weights) {
    if (weights.length == 0) {
      throw new IllegalArgumentException("at least one weight is needed");
    }
    cumulative = new double[weights.length];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
        throw new IllegalArgumentException("weight " + i + " must be finite and >= 0");
      }
      sum += weights[i];
      cumulative[i] = sum;
    }
    if (sum <= 0) {
      throw new IllegalArgumentException("weights must not all be zero");
    }
  }

  /** Zipf weights 1 / (rank + 1)^exponent for ranks 0..size-1. */
  static double[] zipfWeights(int size, double exponent) {
    double[] weights = new double[size];
    for (int rank = 0; rank < size; rank++) {
      weights[rank] = StrictMath.pow(rank + 1, -exponent);
    }
    return weights;
  }

  int size() {
    return cumulative.length;
  }

  int sample(Random random) {
    double target = random.nextDouble() * cumulative[cumulative.length - 1];
    // The first index whose cumulative weight exceeds the target; zero-weight indexes never are.
    int low = 0;
    int high = cumulative.length - 1;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (cumulative[mid] > target) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return low;
  }
}
