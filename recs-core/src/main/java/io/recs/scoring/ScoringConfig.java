package io.recs.scoring;

import io.recs.config.BuilderChecks;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.flink.annotation.PublicEvolving;

/**
 * How candidates become a user's top-N recommendations.
 *
 * <pre>{@code
 * ScoringConfig scoring = ScoringConfig.builder()
 *     .n(20)
 *     .scorer(Scorers.normalizedSum())
 *     .seenFilter(SeenFilter.actions("purchase"))
 *     .blocklist(Set.of("out-of-stock-1"))
 *     .boosts(Map.of("promoted-7", 1.5))
 *     .build();
 * }</pre>
 *
 * <p>Defaults and meaning of every setting are in {@code docs/recommendations.md}. When requests
 * start and how they gather candidates (seeds, lookup) is {@code io.recs.request.RequestConfig}'s.
 */
@PublicEvolving
public final class ScoringConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int n;
  private final Scorer scorer;
  private final boolean normalizeSeeds;
  private final SeenFilter seenFilter;
  private final int maxSeenItems;
  private final Set<String> blocklist;
  private final ItemFilter filter;
  private final Map<String, Double> boosts;
  private final int explanations;
  private final boolean trendingBackfill;
  private final LinearScoring linear;

  private ScoringConfig(Builder b) {
    n = b.n;
    scorer = b.scorer;
    normalizeSeeds = b.normalizeSeeds;
    seenFilter = b.seenFilter;
    maxSeenItems = b.maxSeenItems;
    blocklist = Set.copyOf(b.blocklist);
    filter = b.filter;
    boosts = Map.copyOf(b.boosts);
    explanations = b.explanations;
    trendingBackfill = b.trendingBackfill;
    linear = b.linear;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The defaults. */
  public static ScoringConfig defaults() {
    return builder().build();
  }

  /** N, the number of recommendations per user. Default 10. */
  public int n() {
    return n;
  }

  /** The scoring function. Default {@link Scorers#sum()}. */
  public Scorer scorer() {
    return scorer;
  }

  /**
   * Whether each seed's similarities are divided by their sum over the seed's first {@code
   * candidatesPerSeed} neighbours before the {@link #scorer()} combines them (Deshpande and
   * Karypis, "Item-based top-N recommendation algorithms", 2004): a seed with a dense row of large
   * similarities no longer outvotes the others, each votes with its affinity. Not applied to a
   * {@link #linear()} model, whose features are normalised per request. Default false.
   */
  public boolean normalizeSeeds() {
    return normalizeSeeds;
  }

  /** Which already-seen items are excluded. Default {@link SeenFilter#allActions()}. */
  public SeenFilter seenFilter() {
    return seenFilter;
  }

  /** The most seen items remembered per user for the seen filter. Default 1000. */
  public int maxSeenItems() {
    return maxSeenItems;
  }

  /** Items never recommended. Default empty. */
  public Set<String> blocklist() {
    return blocklist;
  }

  /** A user-supplied rule, or null (default) for none. */
  public ItemFilter filter() {
    return filter;
  }

  /** Score multipliers per item. Default empty (all 1). */
  public Map<String, Double> boosts() {
    return boosts;
  }

  /** How many contributing history items explain each recommended item. Default 2. */
  public int explanations() {
    return explanations;
  }

  /** Whether trending items fill up lists shorter than N. Default true. */
  public boolean trendingBackfill() {
    return trendingBackfill;
  }

  /**
   * The linear model over ranking features, learned online or fixed, that scores instead of {@link
   * #scorer()}; null (default) to score with {@link #scorer()}. See {@link LinearScoring} and
   * {@code docs/learning.md}.
   */
  public LinearScoring linear() {
    return linear;
  }

  /**
   * Builds a {@link ScoringConfig}; every setter may be called once and checks its value, {@link
   * #build()} checks the settings together ({@link io.recs.config.BuilderChecks}).
   */
  public static final class Builder {
    private int n = ScoringOptions.N.defaultValue();
    private Scorer scorer = ScoringOptions.SCORER.defaultValue().scorer();
    private boolean normalizeSeeds = ScoringOptions.NORMALIZE_SEEDS.defaultValue();
    private SeenFilter seenFilter = SeenFilter.allActions();
    private int maxSeenItems = ScoringOptions.MAX_SEEN_ITEMS.defaultValue();
    private Set<String> blocklist = Set.of();
    private ItemFilter filter;
    private Map<String, Double> boosts = new HashMap<>();
    private int explanations = ScoringOptions.EXPLANATIONS.defaultValue();
    private boolean trendingBackfill = ScoringOptions.TRENDING_BACKFILL.defaultValue();
    private boolean scorerSet;
    private LinearScoring linear;

    private final BuilderChecks.Assigned assigned = new BuilderChecks.Assigned();

    private Builder() {}

    /** See {@link ScoringConfig#n()}. */
    public Builder n(int n) {
      this.n = assigned.once(ScoringOptions.N, n);
      return this;
    }

    /** See {@link ScoringConfig#scorer()}. */
    public Builder scorer(Scorer scorer) {
      this.scorer = assigned.once("scorer", scorer);
      this.scorerSet = true;
      return this;
    }

    /** See {@link ScoringConfig#normalizeSeeds()}. */
    public Builder normalizeSeeds(boolean normalizeSeeds) {
      this.normalizeSeeds = normalizeSeeds;
      return this;
    }

    /** See {@link ScoringConfig#seenFilter()}. */
    public Builder seenFilter(SeenFilter seenFilter) {
      this.seenFilter = assigned.once("seenFilter", seenFilter);
      return this;
    }

    /** See {@link ScoringConfig#maxSeenItems()}. */
    public Builder maxSeenItems(int maxSeenItems) {
      this.maxSeenItems = assigned.once(ScoringOptions.MAX_SEEN_ITEMS, maxSeenItems);
      return this;
    }

    /** See {@link ScoringConfig#blocklist()}. */
    public Builder blocklist(Set<String> blocklist) {
      this.blocklist = assigned.once(ScoringOptions.BLOCKLIST.name(), blocklist);
      return this;
    }

    /** See {@link ScoringConfig#filter()}; by default there is none. */
    public Builder filter(ItemFilter filter) {
      this.filter = assigned.once("filter", filter);
      return this;
    }

    /** See {@link ScoringConfig#boosts()}; multipliers must be finite and positive. */
    public Builder boosts(Map<String, Double> boosts) {
      this.boosts = new HashMap<>(assigned.once("boosts", boosts));
      return this;
    }

    /** See {@link ScoringConfig#explanations()}. */
    public Builder explanations(int explanations) {
      this.explanations = assigned.once(ScoringOptions.EXPLANATIONS, explanations);
      return this;
    }

    /** See {@link ScoringConfig#trendingBackfill()}. */
    public Builder trendingBackfill(boolean backfill) {
      this.trendingBackfill = assigned.once(ScoringOptions.TRENDING_BACKFILL, backfill);
      return this;
    }

    /** See {@link ScoringConfig#linear()}; not together with {@link #scorer(Scorer)}. */
    public Builder linear(LinearScoring linear) {
      this.linear = assigned.once("linear", linear);
      return this;
    }

    /**
     * Checks the settings.
     *
     * @throws IllegalArgumentException naming the first setting out of range, with its value
     */
    public ScoringConfig build() {
      ScoringOptions.N.validate(n);
      ScoringOptions.MAX_SEEN_ITEMS.validate(maxSeenItems);
      ScoringOptions.EXPLANATIONS.validate(explanations);
      if (scorerSet && linear != null) {
        throw new IllegalArgumentException(
            "only one of scorer and linear may be set, was scorer " + scorer + " and linear");
      }
      boosts.forEach(
          (item, boost) -> {
            if (boost == null || !Double.isFinite(boost) || boost <= 0) {
              throw new IllegalArgumentException(
                  "boosts: multiplier of item '" + item + "' must be finite and > 0, was " + boost);
            }
          });
      return new ScoringConfig(this);
    }
  }
}
