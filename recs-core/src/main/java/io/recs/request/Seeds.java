package io.recs.request;

import io.recs.state.UserHistory;

/**
 * The seeds of one request, chosen from the user's history: with linear scoring the most recent
 * items (its features are over history windows by recency), otherwise the items of highest decayed
 * affinity at the request time, ties in {@code TieBreak} order.
 *
 * @param items the seed items
 * @param affinities the user's decayed affinities to them at the request time
 * @param features what linear scoring needs of them, or null without it
 */
record Seeds(String[] items, double[] affinities, SeedFeatures features) {

  /** The at most {@code count} seeds of {@code history} at {@code time}. */
  static Seeds choose(
      UserHistory history, int count, long time, long halfLifeMs, boolean linearScoring) {
    int[] chosen =
        linearScoring ? history.mostRecent(count) : history.mostRelevant(count, time, halfLifeMs);
    String[] items = new String[chosen.length];
    double[] affinities = new double[chosen.length];
    for (int s = 0; s < chosen.length; s++) {
      items[s] = history.items[chosen[s]];
      affinities[s] = history.affinityAt(chosen[s], time, halfLifeMs);
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
