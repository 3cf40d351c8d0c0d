package io.recs.similarity;

import io.recs.config.BuilderChecks;
import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.annotation.PublicEvolving;

/**
 * Configuration of incremental item-to-item similarity; the semantics of each setting are in {@code
 * docs/architecture.md} and {@code docs/similarity.md}.
 *
 * <pre>{@code
 * SimilarityConfig config = SimilarityConfig.builder()
 *     .measure(SimilarityMeasure.LLR)
 *     .neighbours(20)
 *     .build();
 * }</pre>
 *
 * <p>Down-sampling follows Schelter et al., "Efficient incremental cooccurrence analysis for
 * item-based collaborative filtering", SSDBM 2016: a user's first {@code maxItemsPerUser} distinct
 * items take part in co-occurrence, and only the first {@code maxUsersPerItem} users of an item
 * generate pairs when they touch it. By default no item is capped: which users are an item's first
 * fmax depends on the order in which they reach the item's subtask, which at parallelism above 1
 * varies between runs, so a cap makes final lists irreproducible (see {@code docs/similarity.md}).
 */
@PublicEvolving
public final class SimilarityConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  private final SimilarityMeasure measure;
  private final int neighbours;
  private final int historySize;
  private final int pairWindowItems;
  private final Duration pairWindow;
  private final int maxItemsPerUser;
  private final int maxUsersPerItem;
  private final boolean weighted;
  private final Duration emitInterval;
  private final int rowBatchSize;
  private final Duration rowBatchInterval;
  private final int rowCacheEntries;
  private final int recomputeEvery;

  private SimilarityConfig(Builder b) {
    this.measure = b.measure;
    this.neighbours = b.neighbours;
    this.historySize = b.historySize;
    this.pairWindowItems = b.pairWindowItems;
    this.pairWindow = b.pairWindow;
    this.maxItemsPerUser = b.maxItemsPerUser;
    this.maxUsersPerItem = b.maxUsersPerItem;
    this.weighted = b.weighted;
    this.emitInterval = b.emitInterval;
    this.rowBatchSize = b.rowBatchSize;
    this.rowBatchInterval = b.rowBatchInterval;
    this.rowCacheEntries = b.rowCacheEntries;
    this.recomputeEvery = b.recomputeEvery;
  }

  /** A builder with the defaults of {@code docs/similarity.md}. */
  public static Builder builder() {
    return new Builder();
  }

  /** The defaults. */
  public static SimilarityConfig defaults() {
    return builder().build();
  }

  /** The similarity measure. Default {@link SimilarityMeasure#COSINE}. */
  public SimilarityMeasure measure() {
    return measure;
  }

  /** K, the length of each item's neighbour list. Default 50. */
  public int neighbours() {
    return neighbours;
  }

  /** Distinct items kept in a user's recent history. Default 100. */
  public int historySize() {
    return historySize;
  }

  /** A newly seen item is paired with at most this many most recent history items. Default 20. */
  public int pairWindowItems() {
    return pairWindowItems;
  }

  /**
   * If not null, a new item is paired only with history items whose last event lies within this
   * duration before it. Default null (no time limit).
   */
  public Duration pairWindow() {
    return pairWindow;
  }

  /** kmax: a user's first this many distinct items take part in co-occurrence. Default 500. */
  public int maxItemsPerUser() {
    return maxItemsPerUser;
  }

  /**
   * fmax: only the first this many users of an item, in arrival order, generate pairs with it.
   * Default {@link Integer#MAX_VALUE}: no cap, so that final lists do not depend on arrival order.
   */
  public int maxUsersPerItem() {
    return maxUsersPerItem;
  }

  /**
   * Whether co-occurrence is weighted by action weights instead of counting users. Default false.
   *
   * <p>Weighted, with W_u(i) user u's accumulated weight on item i (the sum of the weights of u's
   * events on i since i entered u's recent history), every event of weight w on an item i of u's
   * seen set, the first and every repeat, adds w·W_u(j) to C(i,j) and C(j,i) for each partner j
   * (the recent items a first touch pairs with), so that C(i,j) = Σ_u W_u(i)·W_u(j) while the
   * events stay within the pair window; and grows the squared norm ‖i‖² = Σ_u W_u(i)² by (W_u(i) +
   * w)² − W_u(i)². COSINE is then c / √max(‖i‖²·‖j‖², c²) and LIFT c·N / max(‖i‖²·‖j‖², c²);
   * JACCARD and LLR need counts and are refused. Costs one touch per repeat action. See {@code
   * docs/similarity.md}.
   */
  public boolean weighted() {
    return weighted;
  }

  /**
   * Minimum event-time interval between two {@link io.recs.event.SimilarItems} of one item; {@link
   * Duration#ZERO} emits on every change. Default zero.
   */
  public Duration emitInterval() {
    return emitInterval;
  }

  /**
   * Maximum number of co-occurrence column updates that an item-count subtask buffers and merges
   * (by row, and by column within a row) before sending them to the similarity stage; 1 sends every
   * update at once. Buffers are also flushed on every watermark, before every checkpoint barrier,
   * at the end of input and after {@link #rowBatchInterval()}, so merging never changes results,
   * only how many messages carry them. Default 8,192.
   */
  public int rowBatchSize() {
    return rowBatchSize;
  }

  /**
   * Longest processing time that a buffered row update waits before it is sent (see {@link
   * #rowBatchSize()}). Default 100 ms.
   */
  public Duration rowBatchInterval() {
    return rowBatchInterval;
  }

  /**
   * On a state backend that serializes state (RocksDB), the number of co-occurrence row entries
   * that each similarity subtask keeps on the heap, with the rows' lists: the most recently updated
   * rows, read from state once and written back (only what changed) before every checkpoint barrier
   * and when they leave the cache, so that checkpoints and savepoints hold exactly what they would
   * without it. 0 reads and writes state on every update. Ignored on the HashMap backend, whose
   * state is on the heap already. Default 500,000.
   */
  public int rowCacheEntries() {
    return rowCacheEntries;
  }

  /**
   * The column updates after which an item's whole neighbour list is rescored from its row with the
   * item counts as they are then. An update rescores only the columns it changes, so the other
   * entries keep scores computed with older counts, and items outside the list whose scores rose
   * wait for the next full rescoring. 0, the default, rescores after {@code max(neighbours, row
   * size)} updates: constant amortised work per update, but on rows of thousands the list goes
   * stale between. A small value (the {@code next-item} preset's 20) keeps live lists close to the
   * exact ones, at a read of the whole row per that many updates. Lists emitted at an interval or
   * at the end of input are rescored whole anyway.
   */
  public int recomputeEvery() {
    return recomputeEvery;
  }

  /** The updates of a list with {@code rowSize} columns after which it is rescored whole. */
  int recomputeThreshold(int rowSize) {
    return recomputeEvery > 0 ? recomputeEvery : Math.max(neighbours, rowSize);
  }

  @Override
  public String toString() {
    return "SimilarityConfig{measure="
        + measure
        + ", neighbours="
        + neighbours
        + ", historySize="
        + historySize
        + ", pairWindowItems="
        + pairWindowItems
        + ", pairWindow="
        + pairWindow
        + ", maxItemsPerUser="
        + maxItemsPerUser
        + ", maxUsersPerItem="
        + maxUsersPerItem
        + ", weighted="
        + weighted
        + ", emitInterval="
        + emitInterval
        + ", rowBatchSize="
        + rowBatchSize
        + ", rowBatchInterval="
        + rowBatchInterval
        + ", rowCacheEntries="
        + rowCacheEntries
        + ", recomputeEvery="
        + recomputeEvery
        + '}';
  }

  /**
   * Builds a {@link SimilarityConfig}; every setter may be called once, {@link #build()} checks.
   */
  public static final class Builder {
    private SimilarityMeasure measure = SimilarityOptions.MEASURE.defaultValue();
    private int neighbours = SimilarityOptions.NEIGHBOURS.defaultValue();
    private int historySize = SimilarityOptions.HISTORY_SIZE.defaultValue();
    private int pairWindowItems = SimilarityOptions.PAIR_WINDOW_ITEMS.defaultValue();
    private Duration pairWindow;
    private int maxItemsPerUser = SimilarityOptions.MAX_ITEMS_PER_USER.defaultValue();
    private int maxUsersPerItem = SimilarityOptions.MAX_USERS_PER_ITEM.defaultValue();
    private boolean weighted = SimilarityOptions.WEIGHTED.defaultValue();
    private Duration emitInterval = SimilarityOptions.EMIT_INTERVAL.defaultValue();
    private int rowBatchSize = SimilarityOptions.ROW_BATCH_SIZE.defaultValue();
    private Duration rowBatchInterval = SimilarityOptions.ROW_BATCH_INTERVAL.defaultValue();
    private int rowCacheEntries = SimilarityOptions.ROW_CACHE_ENTRIES.defaultValue();
    private int recomputeEvery = SimilarityOptions.RECOMPUTE_EVERY.defaultValue();

    private final BuilderChecks.Assigned assigned = new BuilderChecks.Assigned();

    private Builder() {}

    /** See {@link SimilarityConfig#measure()}. */
    public Builder measure(SimilarityMeasure measure) {
      this.measure = assigned.once(SimilarityOptions.MEASURE, measure);
      return this;
    }

    /** See {@link SimilarityConfig#neighbours()}. */
    public Builder neighbours(int neighbours) {
      this.neighbours = assigned.once(SimilarityOptions.NEIGHBOURS, neighbours);
      return this;
    }

    /** See {@link SimilarityConfig#historySize()}. */
    public Builder historySize(int historySize) {
      this.historySize = assigned.once(SimilarityOptions.HISTORY_SIZE, historySize);
      return this;
    }

    /** See {@link SimilarityConfig#pairWindowItems()}. */
    public Builder pairWindowItems(int pairWindowItems) {
      this.pairWindowItems = assigned.once(SimilarityOptions.PAIR_WINDOW_ITEMS, pairWindowItems);
      return this;
    }

    /** See {@link SimilarityConfig#pairWindow()}. */
    public Builder pairWindow(Duration pairWindow) {
      this.pairWindow = assigned.once(SimilarityOptions.PAIR_WINDOW, pairWindow);
      return this;
    }

    /** See {@link SimilarityConfig#maxItemsPerUser()}. */
    public Builder maxItemsPerUser(int maxItemsPerUser) {
      this.maxItemsPerUser = assigned.once(SimilarityOptions.MAX_ITEMS_PER_USER, maxItemsPerUser);
      return this;
    }

    /** See {@link SimilarityConfig#maxUsersPerItem()}. */
    public Builder maxUsersPerItem(int maxUsersPerItem) {
      this.maxUsersPerItem = assigned.once(SimilarityOptions.MAX_USERS_PER_ITEM, maxUsersPerItem);
      return this;
    }

    /** See {@link SimilarityConfig#weighted()}. */
    public Builder weighted(boolean weighted) {
      this.weighted = assigned.once(SimilarityOptions.WEIGHTED, weighted);
      return this;
    }

    /** See {@link SimilarityConfig#emitInterval()}. */
    public Builder emitInterval(Duration emitInterval) {
      this.emitInterval = assigned.once(SimilarityOptions.EMIT_INTERVAL, emitInterval);
      return this;
    }

    /** See {@link SimilarityConfig#rowBatchSize()}. */
    public Builder rowBatchSize(int rowBatchSize) {
      this.rowBatchSize = assigned.once(SimilarityOptions.ROW_BATCH_SIZE, rowBatchSize);
      return this;
    }

    /** See {@link SimilarityConfig#rowBatchInterval()}. */
    public Builder rowBatchInterval(Duration rowBatchInterval) {
      this.rowBatchInterval = assigned.once(SimilarityOptions.ROW_BATCH_INTERVAL, rowBatchInterval);
      return this;
    }

    /** See {@link SimilarityConfig#rowCacheEntries()}. */
    public Builder rowCacheEntries(int rowCacheEntries) {
      this.rowCacheEntries = assigned.once(SimilarityOptions.ROW_CACHE_ENTRIES, rowCacheEntries);
      return this;
    }

    /** See {@link SimilarityConfig#recomputeEvery()}. */
    public Builder recomputeEvery(int recomputeEvery) {
      this.recomputeEvery = assigned.once(SimilarityOptions.RECOMPUTE_EVERY, recomputeEvery);
      return this;
    }

    /**
     * Checks the settings together.
     *
     * @throws IllegalArgumentException naming the first setting that is out of range
     */
    public SimilarityConfig build() {
      SimilarityOptions.NEIGHBOURS.validate(neighbours);
      SimilarityOptions.HISTORY_SIZE.validate(historySize);
      SimilarityOptions.PAIR_WINDOW_ITEMS.validate(pairWindowItems);
      SimilarityOptions.MAX_ITEMS_PER_USER.validate(maxItemsPerUser);
      SimilarityOptions.MAX_USERS_PER_ITEM.validate(maxUsersPerItem);
      SimilarityOptions.ROW_BATCH_SIZE.validate(rowBatchSize);
      SimilarityOptions.ROW_BATCH_INTERVAL.validate(rowBatchInterval);
      SimilarityOptions.EMIT_INTERVAL.validate(emitInterval);
      SimilarityOptions.ROW_CACHE_ENTRIES.validate(rowCacheEntries);
      SimilarityOptions.RECOMPUTE_EVERY.validate(recomputeEvery);
      if (pairWindow != null) {
        SimilarityOptions.PAIR_WINDOW.validate(pairWindow);
      }
      if (pairWindowItems > historySize) {
        throw new IllegalArgumentException(
            SimilarityOptions.PAIR_WINDOW_ITEMS.name()
                + " ("
                + pairWindowItems
                + ") must not exceed "
                + SimilarityOptions.HISTORY_SIZE.name()
                + " ("
                + historySize
                + ")");
      }
      if (weighted && measure.needsUnweightedCounts()) {
        throw new IllegalArgumentException(
            SimilarityOptions.MEASURE.name()
                + " "
                + SimilarityOptions.MEASURE.format(measure)
                + " needs unweighted counts; set "
                + SimilarityOptions.WEIGHTED.name()
                + " false or another measure");
      }
      return new SimilarityConfig(this);
    }
  }
}
