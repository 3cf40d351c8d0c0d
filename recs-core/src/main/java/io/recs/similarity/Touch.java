package io.recs.similarity;

import org.apache.flink.annotation.Internal;

/**
 * Message from the user-preference stage to the item-count stage: user {@code user} touched item
 * {@code item}; pair it with {@code partners}.
 *
 * <p>A first touch (the item enters the user's seen set) counts the user in n(item). With {@code
 * similarity.weighted}, an action on an item already in the seen set sends a repeat touch: it adds
 * its deltas to the pairs but does not count the user again. {@code normDelta} is the growth of the
 * item's squared weighted norm ‖item‖² that the action causes, (W + w)² − W² for the user's
 * accumulated weight W before and the action's weight w (0 when unweighted).
 *
 * @param item the touched item (the key of the next stage)
 * @param user the user
 * @param time event time, epoch ms
 * @param category the item category carried by the event, or null
 * @param partners the user's recent history items to pair with
 * @param deltas the co-occurrence delta per partner (1, or weights when weighted)
 * @param repeat true for a repeat touch (weighted only): the user was counted before
 * @param normDelta the growth of ‖item‖², when weighted
 */
@Internal
public record Touch(
    String item,
    String user,
    long time,
    String category,
    String[] partners,
    double[] deltas,
    boolean repeat,
    double normDelta) {

  /** A first touch without a norm (unweighted). */
  public Touch(
      String item, String user, long time, String category, String[] partners, double[] deltas) {
    this(item, user, time, category, partners, deltas, false, 0);
  }
}
