package io.recs.similarity;

import org.apache.flink.annotation.Internal;

/**
 * Message from the user-preference stage to the item-count stage: user {@code user} touched item
 * {@code item} for the first time; pair it with {@code partners}.
 *
 * @param item the newly seen item (the key of the next stage)
 * @param user the user
 * @param time event time, epoch ms
 * @param category the item category carried by the event, or null
 * @param partners the user's recent history items to pair with
 * @param deltas the co-occurrence delta per partner (1, or weights when weighted)
 */
@Internal
public record Touch(
    String item, String user, long time, String category, String[] partners, double[] deltas) {}
