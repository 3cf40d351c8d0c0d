package io.recs.config;

import java.time.Duration;
import org.apache.flink.annotation.PublicEvolving;

/** The validations of {@link RecsOption}s. */
@PublicEvolving
public final class Checks {
  private Checks() {}

  /** Any value. */
  public static <T> RecsOption.Check<T> any() {
    return check("", value -> true, "");
  }

  /** An integer above zero. */
  public static <N extends Number> RecsOption.Check<N> positive() {
    return check("> 0", value -> value.doubleValue() > 0, "must be > 0");
  }

  /** A number at or above {@code min}. */
  public static <N extends Number> RecsOption.Check<N> atLeast(double min) {
    String bound = min == Math.rint(min) ? String.valueOf((long) min) : String.valueOf(min);
    return check(">= " + bound, value -> value.doubleValue() >= min, "must be >= " + bound);
  }

  /** A number in {@code [min, max]}. */
  public static <N extends Number> RecsOption.Check<N> between(double min, double max) {
    String range = "between " + min + " and " + max;
    return check(
        range,
        value -> value.doubleValue() >= min && value.doubleValue() <= max,
        "must be " + range);
  }

  /** A duration above zero. */
  public static RecsOption.Check<Duration> positiveDuration() {
    return check("> 0", value -> !value.isNegative() && !value.isZero(), "must be > 0");
  }

  /** A duration of zero or more. */
  public static RecsOption.Check<Duration> nonNegativeDuration() {
    return check(">= 0", value -> !value.isNegative(), "must be >= 0");
  }

  /** A text that is not blank. */
  public static RecsOption.Check<String> notBlank() {
    return check("not blank", value -> !value.isBlank(), "must not be blank");
  }

  private static <T> RecsOption.Check<T> check(
      String requirement, java.util.function.Predicate<T> valid, String problem) {
    return new RecsOption.Check<>() {
      @Override
      public String problem(T value) {
        return valid.test(value) ? null : problem;
      }

      @Override
      public String requirement() {
        return requirement;
      }
    };
  }
}
