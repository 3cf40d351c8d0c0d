package io.recs.parse;

import io.recs.event.ActionWeights;
import io.recs.event.Interaction;
import io.recs.event.RecordOrigin;
import io.recs.event.RejectReason;
import io.recs.event.RejectedRecord;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rules every parser shares: the checks of the whole record (size, encoding, blank), the checks
 * of each value (ids, action, weight, timestamp), and the single place where a record becomes a
 * {@link ParseResult}, so that no exception escapes a parser.
 */
final class RecordRules implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Default limit of a record's size: 64 KiB. */
  static final int DEFAULT_MAX_RECORD_BYTES = 64 * 1024;

  /** Enough bytes to fill {@link RejectedRecord#MAX_RAW_CHARS} characters in any UTF-8 text. */
  private static final int MAX_RAW_BYTES = 4 * RejectedRecord.MAX_RAW_CHARS;

  private final int maxRecordBytes;
  private final ActionWeights actionWeights;
  // Raw action value -> action name; keys normalized like action names. Empty when not set.
  private final HashMap<String, String> actionMapping;

  private RecordRules(
      int maxRecordBytes, ActionWeights actionWeights, HashMap<String, String> actionMapping) {
    this.maxRecordBytes = maxRecordBytes;
    this.actionWeights = actionWeights;
    this.actionMapping = actionMapping;
  }

  /**
   * Validates the settings shared by all parser builders; null means the default.
   *
   * @throws IllegalArgumentException naming the setting and its value
   */
  static RecordRules of(Integer maxRecordBytes, ActionWeights actionWeights) {
    return of(maxRecordBytes, actionWeights, null);
  }

  /**
   * Validates the settings shared by all parser builders; null means the default.
   *
   * @param actionMapping raw action values and the actions they stand for, or null for none
   * @throws IllegalArgumentException naming the setting and its value
   */
  static RecordRules of(
      Integer maxRecordBytes, ActionWeights actionWeights, Map<String, String> actionMapping) {
    int max = maxRecordBytes == null ? DEFAULT_MAX_RECORD_BYTES : maxRecordBytes;
    if (max <= 0) {
      throw new IllegalArgumentException("maxRecordBytes must be > 0, was " + max);
    }
    ActionWeights weights = actionWeights == null ? ActionWeights.defaults() : actionWeights;
    HashMap<String, String> mapping = new HashMap<>();
    if (actionMapping != null) {
      if (actionMapping.isEmpty()) {
        throw new IllegalArgumentException("actionMapping must map at least one value, was {}");
      }
      for (Map.Entry<String, String> e : actionMapping.entrySet()) {
        String raw = ActionWeights.normalize(e.getKey());
        String action = ActionWeights.normalize(e.getValue());
        if (raw.isEmpty()) {
          throw new IllegalArgumentException(
              "actionMapping keys must not be blank, was '" + e.getKey() + "'");
        }
        if (action.isEmpty() || weights.weightOf(action).isEmpty()) {
          throw new IllegalArgumentException(
              "actionMapping maps '"
                  + e.getKey()
                  + "' to '"
                  + e.getValue()
                  + "', which is not an action of the actionWeights "
                  + weights);
        }
        String before = mapping.put(raw, action);
        if (before != null) {
          throw new IllegalArgumentException(
              "actionMapping has two keys for the raw value '"
                  + raw
                  + "' (keys are matched trimmed and case-insensitively): "
                  + actionMapping);
        }
      }
    }
    return new RecordRules(max, weights, mapping);
  }

  /** Whether an action mapping is set. */
  boolean mapsActions() {
    return !actionMapping.isEmpty();
  }

  /** A body that turns a record, already checked for size, encoding and blankness, into a value. */
  @FunctionalInterface
  interface RecordBody {
    /**
     * @throws Reject to reject the record
     */
    Interaction parse(byte[] record);
  }

  /**
   * A body that turns a record, already checked for size, encoding and blankness, into one or more
   * interactions.
   */
  @FunctionalInterface
  interface RecordsBody {
    /**
     * @return at least one interaction
     * @throws Reject to reject the record
     */
    List<Interaction> parse(byte[] record);
  }

  /**
   * The boundary of every parser: checks the whole record, runs {@code body}, and turns a {@link
   * Reject} into a dead letter. Any other runtime exception is a parser bug; it becomes a dead
   * letter with reason {@code unexpected} and a detail starting with "parser error", so that the
   * bug is visible without stopping the job or losing the record.
   */
  ParseResult parse(byte[] record, RecordOrigin origin, RejectReason unexpected, RecordBody body) {
    return guard(record, origin, unexpected, body, null);
  }

  /**
   * As {@link #parse(byte[], RecordOrigin, RejectReason, RecordBody)}, for a body that returns
   * several interactions; the record is accepted with all of them, or rejected as a whole.
   */
  ParseResult parseAll(
      byte[] record, RecordOrigin origin, RejectReason unexpected, RecordsBody body) {
    return guard(record, origin, unexpected, null, body);
  }

  private ParseResult guard(
      byte[] record,
      RecordOrigin origin,
      RejectReason unexpected,
      RecordBody one,
      RecordsBody many) {
    if (record == null) {
      return ParseResult.rejected(
          reject(RejectReason.EMPTY, "record is null", new byte[0], origin));
    }
    try {
      if (record.length > maxRecordBytes) {
        throw new Reject(
            RejectReason.TOO_LARGE,
            "record is " + record.length + " bytes, maxRecordBytes is " + maxRecordBytes);
      }
      int invalid = Utf8.firstInvalid(record);
      if (invalid >= 0) {
        throw new Reject(
            RejectReason.INVALID_ENCODING, "invalid UTF-8 sequence at byte " + invalid);
      }
      if (isBlank(record)) {
        throw new Reject(RejectReason.EMPTY, "record is empty or whitespace");
      }
      return one != null ? ParseResult.accepted(one.parse(record)) : acceptedAll(many, record);
    } catch (Reject r) {
      return ParseResult.rejected(reject(r.reason(), r.detail(), record, origin));
    } catch (RuntimeException e) {
      return ParseResult.rejected(reject(unexpected, "parser error: " + e, record, origin));
    }
  }

  private static ParseResult acceptedAll(RecordsBody body, byte[] record) {
    List<Interaction> interactions = body.parse(record);
    if (interactions.isEmpty()) { // a body bug: it should have rejected the record itself
      throw new IllegalStateException("no interactions and no reject");
    }
    return ParseResult.accepted(interactions);
  }

  /**
   * A dead letter for {@code record}, with its text cut to what a dead letter keeps.
   *
   * @param origin where the record came from; null means unknown
   */
  static RejectedRecord reject(
      RejectReason reason, String detail, byte[] record, RecordOrigin origin) {
    RecordOrigin where = origin == null ? RecordOrigin.UNKNOWN : origin;
    int rawBytes = Math.min(record.length, MAX_RAW_BYTES);
    String raw = new String(record, 0, rawBytes, StandardCharsets.UTF_8);
    return new RejectedRecord(
        reason, detail, where.source(), where.partition(), where.offset(), raw, record.length);
  }

  /**
   * A user or item id without surrounding whitespace.
   *
   * @param field the field's name for the detail message, for example {@code userId}
   * @throws Reject INVALID_ID if it is blank, too long or holds control characters
   */
  static String id(String field, String value) {
    String id = value.strip();
    if (id.isEmpty()) {
      throw new Reject(RejectReason.INVALID_ID, field + " is blank");
    }
    if (id.length() > Interaction.MAX_ID_LENGTH) {
      throw new Reject(
          RejectReason.INVALID_ID,
          field + " is " + id.length() + " characters, the limit is " + Interaction.MAX_ID_LENGTH);
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (Character.isISOControl(c)) {
        throw new Reject(
            RejectReason.INVALID_ID,
            field + " holds control character U+" + String.format("%04X", (int) c));
      }
      if (Character.isSurrogate(c)) {
        // Only a JSON escape of a lone surrogate can produce one here, and it has no UTF-8 form.
        boolean paired =
            Character.isHighSurrogate(c)
                && i + 1 < id.length()
                && Character.isLowSurrogate(id.charAt(i + 1));
        if (!paired) {
          throw new Reject(
              RejectReason.INVALID_ID,
              field + " holds unpaired surrogate U+" + String.format("%04X", (int) c));
        }
        i++;
      }
    }
    return id;
  }

  /**
   * The normalized action name: the action mapped from {@code value} if the action mapping has it,
   * otherwise {@code value} itself, normalized.
   *
   * @throws Reject UNKNOWN_ACTION if it is blank or not accepted by the action weights
   */
  String action(String value) {
    if (!actionMapping.isEmpty()) {
      String mapped = actionMapping.get(value);
      if (mapped == null) {
        mapped = actionMapping.get(ActionWeights.normalize(value));
      }
      if (mapped != null) {
        return mapped; // checked against the action weights when built
      }
    }
    if (actionWeights.weights().containsKey(value)) {
      return value; // already normalized: the usual case, without re-normalizing
    }
    String action = ActionWeights.normalize(value);
    if (action.isEmpty() || actionWeights.weightOf(action).isEmpty()) {
      throw new Reject(RejectReason.UNKNOWN_ACTION, "unknown action '" + value + "'");
    }
    return action;
  }

  /** The weight of a normalized action accepted by {@link #action}. */
  double weightOf(String action) {
    Double known = actionWeights.weights().get(action);
    return known != null ? known : actionWeights.weightOf(action).orElseThrow();
  }

  /** Whether a weight read from a record is usable: finite and not negative. */
  static boolean isValidWeight(double weight) {
    return Double.isFinite(weight) && weight >= 0;
  }

  /**
   * The reject of a weight that is not {@link #isValidWeight valid}.
   *
   * @param text what the record held
   */
  static Reject invalidWeight(String text) {
    return new Reject(
        RejectReason.INVALID_WEIGHT, "weight must be a finite number >= 0, was '" + text + "'");
  }

  /**
   * Event time in epoch milliseconds.
   *
   * @throws Reject INVALID_TIMESTAMP if it lies outside the range {@link Interaction} accepts
   */
  static long timestamp(long millis) {
    if (millis < Interaction.MIN_TIMESTAMP || millis > Interaction.MAX_TIMESTAMP) {
      throw new Reject(
          RejectReason.INVALID_TIMESTAMP,
          "timestamp "
              + millis
              + " ms is outside ["
              + Interaction.MIN_TIMESTAMP
              + ", "
              + Interaction.MAX_TIMESTAMP
              + "]");
    }
    return millis;
  }

  /** A category, or null for none. */
  static String category(String value) {
    if (value == null) {
      return null;
    }
    String category = value.strip();
    return category.isEmpty() ? null : category;
  }

  /** Whether the settings of {@code actionWeights} accept {@code action}. */
  boolean accepts(String action) {
    Objects.requireNonNull(action, "action");
    String normalized = ActionWeights.normalize(action);
    return !normalized.isEmpty() && actionWeights.weightOf(normalized).isPresent();
  }

  private static boolean isBlank(byte[] record) {
    for (byte b : record) {
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n' && b != '\f' && b != 0x0B) {
        return false;
      }
    }
    return true;
  }
}
