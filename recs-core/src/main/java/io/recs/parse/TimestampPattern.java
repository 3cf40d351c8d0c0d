package io.recs.parse;

import io.recs.event.RejectReason;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * A timestamp written in a {@link DateTimeFormatter} pattern, for example {@code yyyy-MM-dd
 * HH:mm:ss}, read in a zone unless the text carries its own offset or zone. Slower than {@link
 * TimestampFormat}, which reads straight from bytes; meant for formats that the enum does not
 * cover.
 */
final class TimestampPattern implements Serializable {
  private static final long serialVersionUID = 1L;

  // A date-time with every field set, to check that a pattern can be read back to an instant.
  private static final Instant PROBE = Instant.parse("2024-05-17T13:45:56.789Z");

  private final String pattern;
  private final ZoneId zone;
  private transient DateTimeFormatter formatter; // not Serializable: rebuilt after reading

  private TimestampPattern(String pattern, ZoneId zone) {
    this.pattern = pattern;
    this.zone = zone;
    this.formatter = formatter(pattern, zone);
  }

  /**
   * Validates a builder's pattern and zone.
   *
   * @param property the builder property, for messages
   * @throws IllegalArgumentException naming the pattern if it is not a valid pattern, or if a
   *     date-time written in it cannot be read back as an instant (a date without a time, for
   *     example {@code yyyy-MM-dd})
   */
  static TimestampPattern of(String property, String pattern, ZoneId zone) {
    Objects.requireNonNull(pattern, property);
    Objects.requireNonNull(zone, property + " zone");
    DateTimeFormatter formatter;
    try {
      formatter = formatter(pattern, zone);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          property + " '" + pattern + "' is not a DateTimeFormatter pattern: " + e.getMessage(), e);
    }
    try {
      formatter.parse(formatter.format(PROBE), Instant::from);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          property
              + " '"
              + pattern
              + "' does not describe a point in time (it needs a date and a time of day): "
              + e.getMessage(),
          e);
    }
    return new TimestampPattern(pattern, zone);
  }

  /**
   * Reads {@code b[from, to)} as epoch milliseconds, truncating finer fractions.
   *
   * @throws Reject INVALID_TIMESTAMP naming the pattern if the text does not match it
   */
  long parse(byte[] b, int from, int to) {
    return parse(new String(b, from, to - from, StandardCharsets.UTF_8));
  }

  /**
   * Reads {@code text} as epoch milliseconds, truncating finer fractions.
   *
   * @throws Reject INVALID_TIMESTAMP naming the pattern if the text does not match it
   */
  long parse(String text) {
    try {
      Instant instant = formatter.parse(text.strip(), Instant::from);
      return instant.toEpochMilli();
    } catch (DateTimeException | ArithmeticException e) {
      throw new Reject(
          RejectReason.INVALID_TIMESTAMP, "timestamp is not " + description() + ": '" + text + "'");
    }
  }

  /** What a value in this pattern is, for messages. */
  String description() {
    return "a date-time in pattern '" + pattern + "' (zone " + zone + ")";
  }

  private static DateTimeFormatter formatter(String pattern, ZoneId zone) {
    return DateTimeFormatter.ofPattern(pattern).withZone(zone);
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    formatter = formatter(pattern, zone);
  }

  @Override
  public String toString() {
    return "'" + pattern + "' in " + zone;
  }
}
