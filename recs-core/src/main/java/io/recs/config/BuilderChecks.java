package io.recs.config;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.annotation.Internal;

/**
 * The rules every recs builder follows, in one place, so that their failures read alike:
 *
 * <ul>
 *   <li>a setter may be called once: configuration is never silently last-write-wins;
 *   <li>a failure names the setting and the offending value;
 *   <li>every failure of a setter or of {@code build()} — a bad value, a second call, a missing or
 *       contradictory setting — is an {@link IllegalArgumentException}, so a caller handles one
 *       type.
 * </ul>
 *
 * <p>Builders whose settings are nullable fields use {@link #setOnce}; builders whose settings are
 * primitives with defaults keep an {@link Assigned} that remembers which setters were called. Value
 * ranges come from the settings' {@link RecsOption}s where one is declared ({@link
 * RecsOption#validate}, which throws the same type with the same style of message).
 */
@Internal
public final class BuilderChecks {
  private BuilderChecks() {}

  /**
   * Returns {@code value} as the new setting.
   *
   * @throws IllegalArgumentException if {@code value} is null, or {@code current} is already set
   */
  public static <T> T setOnce(String setting, T current, T value) {
    nonNull(setting, value);
    if (current != null) {
      throw alreadySet(setting, current, value);
    }
    return value;
  }

  /**
   * Refuses a second call of a setter whose field is {@code current}; for setters that check or
   * transform their value before keeping it.
   *
   * @throws IllegalArgumentException if {@code current} is already set
   */
  public static void notYetSet(String setting, Object current) {
    if (current != null) {
      throw new IllegalArgumentException(setting + " was already set to " + current);
    }
  }

  /** Returns {@code value} if it is not null. */
  public static <T> T nonNull(String setting, T value) {
    if (value == null) {
      throw new IllegalArgumentException(setting + " must not be null");
    }
    return value;
  }

  /** Returns {@code value} if it is non-null and not blank. */
  public static String nonBlank(String setting, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          setting + " must not be blank, was " + (value == null ? "null" : "'" + value + "'"));
    }
    return value;
  }

  /** Returns {@code value} if it is non-null and greater than zero. */
  public static Duration positive(String setting, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(setting + " must be > 0, was " + value);
    }
    return value;
  }

  /** Returns {@code value} if it is non-null and not negative. */
  public static Duration notNegative(String setting, Duration value) {
    if (value == null || value.isNegative()) {
      throw new IllegalArgumentException(setting + " must be >= 0, was " + value);
    }
    return value;
  }

  /** Fails {@code build()} because a required setting is missing. */
  public static void required(String setting, Object value) {
    if (value == null) {
      throw new IllegalArgumentException(setting + " must be set");
    }
  }

  /**
   * Fails {@code build()} with {@code message} unless {@code condition} holds; the message names
   * the settings and their values.
   */
  public static void check(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  static IllegalArgumentException alreadySet(String setting, Object current, Object value) {
    return new IllegalArgumentException(
        setting + " was already set to " + current + ", cannot set it to " + value);
  }

  /**
   * The setters a builder has seen, for settings kept in fields that always hold a value (a
   * primitive or a default), where {@link #setOnce} cannot tell a set value from the default.
   */
  @Internal
  public static final class Assigned {
    private final Map<String, Object> values = new HashMap<>();

    /**
     * Records that {@code setting} is set to {@code value}.
     *
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value} is null or {@code setting} was set before
     */
    public <T> T once(String setting, T value) {
      nonNull(setting, value);
      if (values.containsKey(setting)) {
        throw alreadySet(setting, values.get(setting), value);
      }
      values.put(setting, value);
      return value;
    }

    /** Records {@code setting} as set to {@code value}, validated by its declared option. */
    public <T> T once(RecsOption<T> option, T value) {
      once(option.name(), value);
      option.validate(value);
      return value;
    }

    /** Whether {@code setting}'s setter was called. */
    public boolean isSet(String setting) {
      return values.containsKey(setting);
    }
  }
}
