package io.recs.scoring;

import org.apache.flink.annotation.PublicEvolving;

/**
 * What a learning {@link LinearScoring} model learns from: which item is the positive of its
 * pairwise updates. The two kinds of list want different signals (see {@code docs/learning.md}).
 */
@PublicEvolving
public enum LearningSignal {
  /**
   * The user's next interaction, judged against the candidates of the list emitted before it
   * (test-then-learn): the model learns what predicts the next item, for next-item lists.
   */
  NEXT_EVENT,
  /**
   * An item of the user's own history held out at random when a list is ranked: the positive is
   * that item, its features (and every other candidate's) computed from the rest of the history,
   * the held-out item excluded as a seed; the negatives are drawn from the other candidates as for
   * {@link #NEXT_EVENT}. The model learns what predicts an item anywhere in the user's history, for
   * taste-style lists ("more like your whole taste"). {@link RankingFeature#TRENDING} is not learnt
   * from it: a held-out item's trending score counts the user's own interaction with it.
   */
  HELD_OUT
}
