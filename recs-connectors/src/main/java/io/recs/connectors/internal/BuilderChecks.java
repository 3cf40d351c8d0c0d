package io.recs.connectors.internal;

import java.time.Duration;
import org.apache.flink.annotation.Internal;

/**
 * The argument and state checks every recs builder shares, so that their messages read alike: they
 * name the property and the offending value.
 */
@Internal
public final class BuilderChecks {
  private BuilderChecks() {}

  /** Refuses a second call of a setter: configuration is never silently last-write-wins. */
  public static void notYetSet(String property, Object current) {
    if (current != null) {
      throw new IllegalStateException(property + " was already set to " + current);
    }
  }

  /** Returns {@code value} if it is non-null and not blank. */
  public static String nonBlank(String property, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          property + " must not be blank, was " + (value == null ? "null" : "'" + value + "'"));
    }
    return value;
  }

  /** Returns {@code value} if it is non-null and greater than zero. */
  public static Duration positive(String property, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(property + " must be > 0, was " + value);
    }
    return value;
  }

  /** Returns {@code value} if it is non-null and not negative. */
  public static Duration notNegative(String property, Duration value) {
    if (value == null || value.isNegative()) {
      throw new IllegalArgumentException(property + " must be >= 0, was " + value);
    }
    return value;
  }

  /** Fails {@code build()} because a required property is missing. */
  public static void required(String property, Object value) {
    if (value == null) {
      throw new IllegalStateException(property + " must be set");
    }
  }
}
