package io.recs.state;

import io.recs.config.BuilderChecks;
import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.annotation.PublicEvolving;

/**
 * Configuration of the per-user preference state.
 *
 * <pre>{@code
 * PreferenceConfig config = PreferenceConfig.builder()
 *     .halfLife(Duration.ofDays(14))
 *     .stateTtl(Duration.ofDays(90))
 *     .build();
 * }</pre>
 *
 * <p>The size of the recent history and the cap on distinct items per user are part of {@link
 * io.recs.similarity.SimilarityConfig}, because they also define co-occurrence.
 */
@PublicEvolving
public final class PreferenceConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Duration halfLife;
  private final Duration stateTtl;

  private PreferenceConfig(Duration halfLife, Duration stateTtl) {
    this.halfLife = halfLife;
    this.stateTtl = stateTtl;
  }

  /** A builder with the defaults: half-life 7 days, no state TTL. */
  public static Builder builder() {
    return new Builder();
  }

  /** The defaults. */
  public static PreferenceConfig defaults() {
    return builder().build();
  }

  /**
   * Half-life of a user's affinity to an item, in event time: an interaction's contribution halves
   * every {@code halfLife}. Default 7 days.
   */
  public Duration halfLife() {
    return halfLife;
  }

  /**
   * Idle time after which a user's state is dropped, or null for never (default). Uses Flink state
   * TTL, which measures processing time: a replay of old events is not expired by it.
   */
  public Duration stateTtl() {
    return stateTtl;
  }

  @Override
  public String toString() {
    return "PreferenceConfig{halfLife=" + halfLife + ", stateTtl=" + stateTtl + '}';
  }

  /**
   * Builds a {@link PreferenceConfig}; every setter may be called once and checks its value, {@link
   * #build()} checks the settings together ({@link io.recs.config.BuilderChecks}).
   */
  public static final class Builder {
    private Duration halfLife = PreferenceOptions.HALF_LIFE.defaultValue();
    private Duration stateTtl;

    private final BuilderChecks.Assigned assigned = new BuilderChecks.Assigned();

    private Builder() {}

    /** See {@link PreferenceConfig#halfLife()}. */
    public Builder halfLife(Duration halfLife) {
      this.halfLife = assigned.once(PreferenceOptions.HALF_LIFE, halfLife);
      return this;
    }

    /** See {@link PreferenceConfig#stateTtl()}; null disables expiry. */
    public Builder stateTtl(Duration stateTtl) {
      assigned.once(PreferenceOptions.STATE_TTL.name(), stateTtl == null ? "never" : stateTtl);
      this.stateTtl = stateTtl == null ? null : PreferenceOptions.STATE_TTL.validate(stateTtl);
      return this;
    }

    /**
     * Checks the settings.
     *
     * @throws IllegalArgumentException naming the setting that is out of range
     */
    public PreferenceConfig build() {
      PreferenceOptions.HALF_LIFE.validate(halfLife);
      if (stateTtl != null) {
        PreferenceOptions.STATE_TTL.validate(stateTtl);
      }
      return new PreferenceConfig(halfLife, stateTtl);
    }
  }
}
