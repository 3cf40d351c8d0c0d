package io.recs.evaluation.reference;

import java.util.Objects;
import org.apache.flink.annotation.PublicEvolving;

/**
 * One entry of a user's recent history in the {@link BatchReference}.
 *
 * @param itemId the item
 * @param accumulatedWeight the sum of the raw weights of the user's events on the item since it
 *     last entered the history
 * @param lastTimestamp the event time of the user's latest event on the item, epoch milliseconds
 */
@PublicEvolving
public record HistoryEntry(String itemId, double accumulatedWeight, long lastTimestamp) {

  /** Validates the fields. */
  public HistoryEntry {
    Objects.requireNonNull(itemId, "itemId");
  }
}
