package io.recs.trending;

import io.recs.config.BuilderChecks;
import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.annotation.PublicEvolving;

/**
 * Configuration of trending lists: exponentially decayed popularity in event time.
 *
 * <pre>{@code
 * TrendingConfig trending = TrendingConfig.builder()
 *     .halfLife(Duration.ofHours(6))
 *     .size(50)
 *     .build();
 * }</pre>
 */
@PublicEvolving
public final class TrendingConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Duration halfLife;
  private final int size;
  private final boolean perCategory;
  private final Duration emitInterval;

  private TrendingConfig(Builder b) {
    halfLife = b.halfLife;
    size = b.size;
    perCategory = b.perCategory;
    emitInterval = b.emitInterval;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The defaults. */
  public static TrendingConfig defaults() {
    return builder().build();
  }

  /** An interaction's contribution to popularity halves every half-life. Default 1 day. */
  public Duration halfLife() {
    return halfLife;
  }

  /** Length of each trending list. Default 100. */
  public int size() {
    return size;
  }

  /** Whether a list is also kept per category, for events that carry one. Default true. */
  public boolean perCategory() {
    return perCategory;
  }

  /**
   * At most one list per scope per event-time interval; zero (default) emits on every change of the
   * ordered list.
   */
  public Duration emitInterval() {
    return emitInterval;
  }

  /**
   * Builds a {@link TrendingConfig}; every setter may be called once and checks its value, {@link
   * #build()} checks the settings together ({@link io.recs.config.BuilderChecks}).
   */
  public static final class Builder {
    private Duration halfLife = TrendingOptions.HALF_LIFE.defaultValue();
    private int size = TrendingOptions.SIZE.defaultValue();
    private boolean perCategory = TrendingOptions.PER_CATEGORY.defaultValue();
    private Duration emitInterval = TrendingOptions.EMIT_INTERVAL.defaultValue();

    private final BuilderChecks.Assigned assigned = new BuilderChecks.Assigned();

    private Builder() {}

    /** See {@link TrendingConfig#halfLife()}. */
    public Builder halfLife(Duration halfLife) {
      this.halfLife = assigned.once(TrendingOptions.HALF_LIFE, halfLife);
      return this;
    }

    /** See {@link TrendingConfig#size()}. */
    public Builder size(int size) {
      this.size = assigned.once(TrendingOptions.SIZE, size);
      return this;
    }

    /** See {@link TrendingConfig#perCategory()}. */
    public Builder perCategory(boolean perCategory) {
      this.perCategory = assigned.once(TrendingOptions.PER_CATEGORY, perCategory);
      return this;
    }

    /** See {@link TrendingConfig#emitInterval()}. */
    public Builder emitInterval(Duration emitInterval) {
      this.emitInterval = assigned.once(TrendingOptions.EMIT_INTERVAL, emitInterval);
      return this;
    }

    /**
     * Checks the settings.
     *
     * @throws IllegalArgumentException naming the setting out of range, with its value
     */
    public TrendingConfig build() {
      TrendingOptions.HALF_LIFE.validate(halfLife);
      TrendingOptions.SIZE.validate(size);
      TrendingOptions.EMIT_INTERVAL.validate(emitInterval);
      return new TrendingConfig(this);
    }
  }
}
