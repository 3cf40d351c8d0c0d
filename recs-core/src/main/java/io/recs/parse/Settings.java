package io.recs.parse;

import java.util.Objects;

/** Checks shared by the parser builders: a property is set at most once and never to null. */
final class Settings {
  private Settings() {}

  /**
   * Returns {@code value} as the new setting.
   *
   * @throws IllegalStateException if {@code current} is already set: a silent last-write-wins would
   *     hide a configuration mistake
   */
  static <T> T setOnce(T current, T value, String property) {
    Objects.requireNonNull(value, property);
    if (current != null) {
      throw new IllegalStateException(
          property + " was already set to " + current + ", cannot set it to " + value);
    }
    return value;
  }
}
