package io.recs.scoring;

import org.apache.flink.annotation.PublicEvolving;

/**
 * The features of a candidate item that {@link LinearScoring} weighs, computed at the ranking stage
 * from what a request carries: its seeds (the user's most recent history items, {@code
 * RequestConfig.seedItems} of them), each seed s with its position r_s in the history (0 for the
 * most recent), accumulated weight w_s, decayed affinity a_s and latest action, and each seed's
 * neighbours c with similarity sim(s, c); plus the trending list on the broadcast input.
 *
 * <p>Sums run over the seeds that have c among their neighbours. Each feature is divided by its
 * largest value among the request's candidates (0 stays 0), so that every feature lies in [0, 1]
 * whatever the similarity measure and the weights, and one set of model weights suits every user.
 * The table with all formulas is in {@code docs/learning.md}; per-action features are named {@code
 * ACTION_<action>} and come from {@link LinearScoring.Builder#actions}.
 */
@PublicEvolving
public enum RankingFeature {
  /** Σ_s w_s · sim(s, c) over all seeds: the whole bounded history when seeds cover it. */
  WHOLE,
  /** Σ w_s · sim(s, c) over the seeds with r_s &lt; 20: the last 20 items. */
  LAST_20,
  /** Σ w_s · sim(s, c) over the seeds with r_s &lt; 10: the last 10 items. */
  LAST_10,
  /** Σ w_s · sim(s, c) over the seeds with r_s &lt; 3: the last 3 items. */
  LAST_3,
  /** Σ_s a_s · sim(s, c): the decayed-affinity score of {@link Scorers#sum()}. */
  DECAYED,
  /** max_s sim(s, c): the largest single similarity. */
  MAX_SIMILARITY,
  /** The number of seeds that have c among their neighbours. */
  SUPPORT,
  /**
   * c's score in the trending list of the request's scope (its category, or global), 0 when c is
   * not on it: the item's recent popularity.
   */
  TRENDING;

  /** The prefix of per-action feature names: {@code ACTION_purchase}. */
  public static final String ACTION_PREFIX = "ACTION_";

  /** Window sizes of the {@code LAST_*} features, by ordinal; 0 for the others. */
  int window() {
    return switch (this) {
      case LAST_20 -> 20;
      case LAST_10 -> 10;
      case LAST_3 -> 3;
      default -> 0;
    };
  }
}
