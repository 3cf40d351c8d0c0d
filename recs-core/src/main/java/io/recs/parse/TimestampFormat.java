package io.recs.parse;

import io.recs.event.RejectReason;
import java.nio.charset.StandardCharsets;
import org.apache.flink.annotation.PublicEvolving;

/**
 * How a timestamp is written in a record.
 *
 * <pre>{@code
 * CsvInteractionParser.builder().timestampFormat(TimestampFormat.EPOCH_SECONDS)...
 * }</pre>
 *
 * <p>Epoch values are integers (an optional sign, then digits); microseconds and nanoseconds are
 * truncated to milliseconds. ISO-8601 values are date-times with an offset, for example {@code
 * 2024-05-01T12:30:00Z} or {@code 2024-05-01 12:30:00.250+02:00}; fractions finer than a
 * millisecond are truncated.
 */
@PublicEvolving
public enum TimestampFormat {
  /** Seconds since 1970-01-01T00:00:00Z, for example {@code 1700000000}. */
  EPOCH_SECONDS,
  /** Milliseconds since 1970-01-01T00:00:00Z, for example {@code 1700000000000}. */
  EPOCH_MILLIS,
  /** An ISO-8601 date-time with an offset, for example {@code 2023-11-14T22:13:20Z}. */
  ISO_8601,
  /**
   * Microseconds since 1970-01-01T00:00:00Z, for example {@code 1700000000000000}; truncated to
   * milliseconds.
   */
  EPOCH_MICROS,
  /**
   * Nanoseconds since 1970-01-01T00:00:00Z, for example {@code 1700000000000000000}; truncated to
   * milliseconds.
   */
  EPOCH_NANOS;

  /**
   * Reads {@code b[from, to)} as epoch milliseconds; the range is checked by the caller.
   *
   * @throws Reject INVALID_TIMESTAMP if the text cannot be read in this format
   */
  long parse(byte[] b, int from, int to) {
    long millis;
    if (this == ISO_8601) {
      millis = Iso8601.parse(b, from, to);
    } else {
      long value = Numbers.parseLong(b, from, to);
      millis = value == Numbers.NOT_AN_INTEGER ? value : epochToMillis(value);
    }
    if (millis == Long.MIN_VALUE) {
      throw new Reject(
          RejectReason.INVALID_TIMESTAMP,
          "timestamp is not "
              + description()
              + ": '"
              + new String(b, from, to - from, StandardCharsets.UTF_8)
              + "'");
    }
    return millis;
  }

  /** An epoch value in this format's unit as milliseconds, saturating instead of overflowing. */
  long epochToMillis(long value) {
    switch (this) {
      case EPOCH_MICROS:
        return Math.floorDiv(value, 1_000L);
      case EPOCH_NANOS:
        return Math.floorDiv(value, 1_000_000L);
      case EPOCH_SECONDS:
        break;
      default:
        return value;
    }
    if (value > Long.MAX_VALUE / 1000) {
      return Long.MAX_VALUE;
    }
    if (value < -(Long.MAX_VALUE / 1000)) {
      return Long.MIN_VALUE + 1;
    }
    return value * 1000;
  }

  /** What a value in this format is, for messages: "an integer number of epoch seconds". */
  String description() {
    return switch (this) {
      case EPOCH_SECONDS -> "an integer number of epoch seconds";
      case EPOCH_MILLIS -> "an integer number of epoch milliseconds";
      case ISO_8601 -> "an ISO-8601 date-time with offset";
      case EPOCH_MICROS -> "an integer number of epoch microseconds";
      case EPOCH_NANOS -> "an integer number of epoch nanoseconds";
    };
  }
}
