package io.recs.request;

import io.recs.config.BuilderChecks;
import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.annotation.PublicEvolving;

/**
 * When recommendation requests start and how they gather their candidates: the triggering, the
 * seeds of a request and the {@link NeighbourLookup lookup topology}. What happens to the
 * candidates (scorer, filters, N) is {@link io.recs.scoring.ScoringConfig}'s.
 *
 * <pre>{@code
 * RequestConfig requests = RequestConfig.builder()
 *     .seedItems(10)
 *     .candidatesPerSeed(50)
 *     .neighbourLookup(NeighbourLookup.REPLICATED)
 *     .triggerInterval(Duration.ofSeconds(10))
 *     .build();
 * }</pre>
 *
 * <p>Defaults and meaning of every setting are in {@code docs/recommendations.md}; the settings are
 * declared in {@link RequestOptions}.
 */
@PublicEvolving
public final class RequestConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int seedItems;
  private final int candidatesPerSeed;
  private final SeedWeights seedWeights;
  private final NeighbourLookup neighbourLookup;
  private final boolean triggerOnInteraction;
  private final Duration triggerInterval;
  private final boolean restrictToEventCategory;

  private RequestConfig(Builder b) {
    seedItems = b.seedItems;
    candidatesPerSeed = b.candidatesPerSeed;
    seedWeights = b.seedWeights;
    neighbourLookup = b.neighbourLookup;
    triggerOnInteraction = b.triggerOnInteraction;
    triggerInterval = b.triggerInterval;
    restrictToEventCategory = b.restrictToEventCategory;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The defaults. */
  public static RequestConfig defaults() {
    return builder().build();
  }

  /**
   * The number of the user's history items whose neighbours become candidates: the most relevant
   * ones (highest decayed affinity), or with linear scoring or {@link SeedWeights#RECENCY} the most
   * recent ones. Default 20.
   */
  public int seedItems() {
    return seedItems;
  }

  /**
   * Which history items are seeds and what each weighs: {@link SeedWeights#AFFINITY} (default) or
   * {@link SeedWeights#RECENCY}.
   */
  public SeedWeights seedWeights() {
    return seedWeights;
  }

  /** The number of neighbours taken from each seed item. Default 20. */
  public int candidatesPerSeed() {
    return candidatesPerSeed;
  }

  /**
   * Where seed items' neighbours are looked up: at their partitions (one message there and back per
   * seed) or in a copy held by every ranking subtask (one message per request). Default {@link
   * NeighbourLookup#PARTITIONED}.
   */
  public NeighbourLookup neighbourLookup() {
    return neighbourLookup;
  }

  /** Whether every interaction triggers recommendations (subject to the interval). Default true. */
  public boolean triggerOnInteraction() {
    return triggerOnInteraction;
  }

  /**
   * At most one interaction-triggered recommendation per user per event-time interval, latest wins;
   * zero (default) for every interaction.
   */
  public Duration triggerInterval() {
    return triggerInterval;
  }

  /**
   * Whether recommendations triggered by an interaction that carries a category are restricted to
   * that category. Default false.
   */
  public boolean restrictToEventCategory() {
    return restrictToEventCategory;
  }

  /**
   * Builds a {@link RequestConfig}; every setter may be called once and checks its value, {@link
   * #build()} checks the settings together ({@link io.recs.config.BuilderChecks}).
   */
  public static final class Builder {
    private int seedItems = RequestOptions.SEED_ITEMS.defaultValue();
    private int candidatesPerSeed = RequestOptions.CANDIDATES_PER_SEED.defaultValue();
    private SeedWeights seedWeights = RequestOptions.SEED_WEIGHTS.defaultValue();
    private NeighbourLookup neighbourLookup = RequestOptions.LOOKUP.defaultValue();
    private boolean triggerOnInteraction = true;
    private Duration triggerInterval = Duration.ZERO;
    private boolean restrictToEventCategory =
        RequestOptions.RESTRICT_TO_EVENT_CATEGORY.defaultValue();

    private final BuilderChecks.Assigned assigned = new BuilderChecks.Assigned();

    private Builder() {}

    /** See {@link RequestConfig#seedItems()}. */
    public Builder seedItems(int seedItems) {
      this.seedItems = assigned.once(RequestOptions.SEED_ITEMS, seedItems);
      return this;
    }

    /** See {@link RequestConfig#candidatesPerSeed()}. */
    public Builder candidatesPerSeed(int candidatesPerSeed) {
      this.candidatesPerSeed = assigned.once(RequestOptions.CANDIDATES_PER_SEED, candidatesPerSeed);
      return this;
    }

    /** See {@link RequestConfig#seedWeights()}. */
    public Builder seedWeights(SeedWeights seedWeights) {
      this.seedWeights = assigned.once(RequestOptions.SEED_WEIGHTS, seedWeights);
      return this;
    }

    /** See {@link RequestConfig#neighbourLookup()}. */
    public Builder neighbourLookup(NeighbourLookup neighbourLookup) {
      this.neighbourLookup = assigned.once(RequestOptions.LOOKUP, neighbourLookup);
      return this;
    }

    /** See {@link RequestConfig#triggerOnInteraction()}. */
    public Builder triggerOnInteraction(boolean trigger) {
      this.triggerOnInteraction = assigned.once("triggerOnInteraction", trigger);
      return this;
    }

    /** See {@link RequestConfig#triggerInterval()}. */
    public Builder triggerInterval(Duration triggerInterval) {
      this.triggerInterval = assigned.once("triggerInterval", triggerInterval);
      return this;
    }

    /** See {@link RequestConfig#restrictToEventCategory()}. */
    public Builder restrictToEventCategory(boolean restrict) {
      this.restrictToEventCategory =
          assigned.once(RequestOptions.RESTRICT_TO_EVENT_CATEGORY, restrict);
      return this;
    }

    /**
     * Checks the settings.
     *
     * @throws IllegalArgumentException naming the first setting out of range, with its value
     */
    public RequestConfig build() {
      RequestOptions.SEED_ITEMS.validate(seedItems);
      RequestOptions.CANDIDATES_PER_SEED.validate(candidatesPerSeed);
      if (triggerInterval.isNegative()) {
        throw new IllegalArgumentException(
            "triggerInterval must not be negative, was " + triggerInterval);
      }
      return new RequestConfig(this);
    }
  }
}
