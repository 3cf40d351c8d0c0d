package io.recs.request;

import org.apache.flink.annotation.PublicEvolving;

/** Which of a user's history items become a request's seeds, and what each weighs. */
@PublicEvolving
public enum SeedWeights {
  /**
   * The items of highest decayed affinity: each item's event weights (action weights, ratings)
   * summed, each decayed by the half-life from its event's time to the request's. A strong signal
   * long ago can outweigh a weak one now.
   */
  AFFINITY,

  /**
   * The most recently touched items, each weighing {@code 0.5^(age / half-life)}, with {@code age}
   * the time from its last touch to the request: how recent an item is counts, not how strong or
   * how frequent its events were. For "what next" lists, where the next event follows the last few
   * whatever they were.
   */
  RECENCY
}
