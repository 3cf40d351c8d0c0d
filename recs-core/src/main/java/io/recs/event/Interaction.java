package io.recs.event;

import java.io.Serializable;
import java.util.Objects;
import org.apache.flink.annotation.PublicEvolving;

/**
 * One user-behaviour event: a user did something ({@link #action()}) to an item at an event time.
 *
 * <pre>{@code
 * Interaction view = Interaction.of("u42", "i7", "view", 1.0, 1_700_000_000_000L);
 * }</pre>
 *
 * <p>Validated on construction, so an instance is always usable downstream: ids are non-blank and
 * at most {@link #MAX_ID_LENGTH} characters, the action is non-blank, the weight is finite and not
 * negative, and the timestamp (epoch milliseconds) lies in [{@link #MIN_TIMESTAMP}, {@link
 * #MAX_TIMESTAMP}]. Parsers turn records that would break these rules into dead letters instead.
 *
 * @param userId the user, non-blank, at most {@link #MAX_ID_LENGTH} characters
 * @param itemId the item, non-blank, at most {@link #MAX_ID_LENGTH} characters
 * @param action the action name, for example {@code view} or {@code purchase}; see {@link
 *     ActionWeights}
 * @param weight how strongly the event signals preference; finite and not negative
 * @param timestamp event time in epoch milliseconds
 * @param category the item's category when the source carries one, otherwise {@code null}
 */
@PublicEvolving
public record Interaction(
    String userId, String itemId, String action, double weight, long timestamp, String category)
    implements Serializable {

  /** Longest accepted user or item id, in characters. */
  public static final int MAX_ID_LENGTH = 256;

  /** Earliest accepted event time: 1970-01-01T00:00:00Z. */
  public static final long MIN_TIMESTAMP = 0L;

  /** Latest accepted event time: 2100-01-01T00:00:00Z (exclusive bound minus one millisecond). */
  public static final long MAX_TIMESTAMP = 4_102_444_800_000L - 1;

  /** Validates every field; see the class comment for the rules. */
  public Interaction {
    userId = checkId("userId", userId);
    itemId = checkId("itemId", itemId);
    Objects.requireNonNull(action, "action");
    if (action.isBlank()) {
      throw new IllegalArgumentException("action must not be blank");
    }
    if (!Double.isFinite(weight) || weight < 0) {
      throw new IllegalArgumentException("weight must be finite and >= 0, was " + weight);
    }
    if (timestamp < MIN_TIMESTAMP || timestamp > MAX_TIMESTAMP) {
      throw new IllegalArgumentException(
          "timestamp must be in ["
              + MIN_TIMESTAMP
              + ", "
              + MAX_TIMESTAMP
              + "] epoch ms, was "
              + timestamp);
    }
    if (category != null && category.isBlank()) {
      category = null;
    }
  }

  /** An interaction without a category. */
  public static Interaction of(
      String userId, String itemId, String action, double weight, long timestamp) {
    return new Interaction(userId, itemId, action, weight, timestamp, null);
  }

  /** This interaction with the given category ({@code null} for none). */
  public Interaction withCategory(String newCategory) {
    return new Interaction(userId, itemId, action, weight, timestamp, newCategory);
  }

  private static String checkId(String name, String id) {
    Objects.requireNonNull(id, name);
    if (id.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    if (id.length() > MAX_ID_LENGTH) {
      throw new IllegalArgumentException(
          name + " must be at most " + MAX_ID_LENGTH + " characters, was " + id.length());
    }
    return id;
  }
}
