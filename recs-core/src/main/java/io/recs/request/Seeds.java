package io.recs.request;

import io.recs.state.UserHistory;

/**
 * The seeds of one request, chosen from the user's history: with linear scoring or {@link
 * SeedWeights#RECENCY} the most recent items (linear scoring's features are over history windows by
 * recency), otherwise the items of highest decayed affinity at the request time, ties in {@code
 * TieBreak} order.
 *
 * @param items the seed items
 * @param affinities their weights at the request time: the user's decayed affinities to them, or
 *     with {@link SeedWeights#RECENCY} their recencies
 * @param features what linear scoring needs of them, or null without it
 */
record Seeds(String[] items, double[] affinities, SeedFeatures features) {

  /** The at most {@code count} seeds of {@code history} at {@code time}, weighed as {@code by}. */
  static Seeds choose(
      UserHistory history,
      int count,
      SeedWeights by,
      long time,
      long halfLifeMs,
      boolean linearScoring) {
    boolean recency = by == SeedWeights.RECENCY;
    int[] chosen =
        linearScoring || recency
            ? history.mostRecent(count)
            : history.mostRelevant(count, time, halfLifeMs);
    String[] items = new String[chosen.length];
    double[] affinities = new double[chosen.length];
    for (int s = 0; s < chosen.length; s++) {
      items[s] = history.items[chosen[s]];
      affinities[s] =
          recency
              ? history.recencyAt(chosen[s], time, halfLifeMs)
              : history.affinityAt(chosen[s], time, halfLifeMs);
    }
    if (!linearScoring) { // the fixed scorers need no more: fewer bytes per request
      return new Seeds(items, affinities, null);
    }
    double[] weights = new double[chosen.length];
    String[] actions = new String[chosen.length];
    for (int s = 0; s < chosen.length; s++) {
      weights[s] = history.weights[chosen[s]];
      actions[s] = history.actionAt(chosen[s]);
    }
    return new Seeds(items, affinities, new SeedFeatures(chosen, weights, actions));
  }

  int count() {
    return items.length;
  }
}
