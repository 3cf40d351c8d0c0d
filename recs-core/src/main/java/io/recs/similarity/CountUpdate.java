package io.recs.similarity;

import org.apache.flink.annotation.Internal;

/**
 * Broadcast to every similarity subtask: the number of users of an item, or with {@link
 * #TOTAL_USERS} as item, the number of distinct users N.
 *
 * @param item the item, or {@link #TOTAL_USERS}
 * @param count the current count; counts only grow
 */
@Internal
public record CountUpdate(String item, long count) {
  /** The key of the total user count; item ids are never blank, so it cannot clash. */
  public static final String TOTAL_USERS = "";
}
