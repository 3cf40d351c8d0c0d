package io.recs.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.annotation.PublicEvolving;

/**
 * Values of {@link RecsOption}s: what is set, and the defaults of the rest.
 *
 * <pre>{@code
 * RecsSettings settings = RecsSettings.empty()
 *     .with(SimilarityOptions.NEIGHBOURS, 100)
 *     .with(ScoringOptions.N, 20);
 * RecsPipeline pipeline = RecsPipeline.from(settings);
 * }</pre>
 *
 * <p>Immutable; every value is checked by its option when it is set.
 */
@PublicEvolving
public final class RecsSettings {
  private static final RecsSettings EMPTY = new RecsSettings(Map.of());

  private final Map<RecsOption<?>, Object> values;

  private RecsSettings(Map<RecsOption<?>, Object> values) {
    this.values = values;
  }

  /** No setting set: every option has its default. */
  public static RecsSettings empty() {
    return EMPTY;
  }

  /** The value set for {@code option}, else its default (null when it has none). */
  @SuppressWarnings("unchecked")
  public <T> T get(RecsOption<T> option) {
    Object value = values.get(option);
    return value == null ? option.defaultValue() : (T) value;
  }

  /** Whether {@code option} was set, as opposed to having its default. */
  public boolean isSet(RecsOption<?> option) {
    return values.containsKey(option);
  }

  /**
   * These settings with {@code option} set to {@code value}.
   *
   * @throws IllegalArgumentException if the option's check refuses the value
   */
  public <T> RecsSettings with(RecsOption<T> option, T value) {
    Objects.requireNonNull(option, "option");
    option.validate(value);
    Map<RecsOption<?>, Object> copy = new LinkedHashMap<>(values);
    copy.put(option, value);
    return new RecsSettings(Collections.unmodifiableMap(copy));
  }

  /** These settings with every setting of {@code overrides} on top. */
  public RecsSettings withAll(RecsSettings overrides) {
    Map<RecsOption<?>, Object> copy = new LinkedHashMap<>(values);
    copy.putAll(overrides.values);
    return new RecsSettings(Collections.unmodifiableMap(copy));
  }

  /** The options that are set, in the order they were set. */
  public Iterable<RecsOption<?>> setOptions() {
    return values.keySet();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RecsSettings other && values.equals(other.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("RecsSettings{");
    values.forEach(
        (option, value) -> text.append(option.key()).append('=').append(value).append(' '));
    return text.toString().trim() + '}';
  }
}
