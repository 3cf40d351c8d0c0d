package io.recs.similarity;

import org.apache.flink.annotation.Internal;

/**
 * Broadcast to every similarity subtask: the number of users of an item, or with {@link
 * #TOTAL_USERS} as item, the number of distinct users N; with {@code similarity.weighted}, also the
 * item's squared weighted norm.
 *
 * @param item the item, or {@link #TOTAL_USERS}
 * @param count the current count; counts only grow
 * @param norm the item's squared weighted norm ‖i‖² when weighted, else 0; norms only grow
 */
@Internal
public record CountUpdate(String item, long count, double norm) {
  /** The key of the total user count; item ids are never blank, so it cannot clash. */
  public static final String TOTAL_USERS = "";

  /** A count without a norm. */
  public CountUpdate(String item, long count) {
    this(item, count, 0);
  }
}
