package io.recs.similarity;

import io.recs.config.Checks;
import io.recs.config.RecsOption;
import io.recs.config.RecsSettings;
import java.time.Duration;
import java.util.List;
import org.apache.flink.annotation.PublicEvolving;

/**
 * The settings of {@link SimilarityConfig}, declared once; the builder takes its defaults from here
 * and {@link #config(RecsSettings)} builds a configuration from settings.
 */
@PublicEvolving
public final class SimilarityOptions {
  private SimilarityOptions() {}

  public static final RecsOption<SimilarityMeasure> MEASURE =
      RecsOption.key("similarity.measure")
          .flag("measure")
          .enumType(SimilarityMeasure.class)
          .defaultValue(SimilarityMeasure.COSINE)
          .description("Similarity measure of two items' co-occurrence.");

  public static final RecsOption<Integer> NEIGHBOURS =
      RecsOption.key("similarity.neighbours")
          .flag("neighbours")
          .intType()
          .defaultValue(50)
          .check(Checks.positive())
          .description("K: neighbours kept per item (similar-items list length).");

  public static final RecsOption<Integer> HISTORY_SIZE =
      RecsOption.key("similarity.history-size")
          .flag("history-size")
          .intType()
          .defaultValue(100)
          .check(Checks.positive())
          .description("Distinct items kept in each user's recent history.");

  public static final RecsOption<Integer> PAIR_WINDOW_ITEMS =
      RecsOption.key("similarity.pair-window-items")
          .flag("pair-window-items")
          .intType()
          .defaultValue(20)
          .check(Checks.positive())
          .description("A newly seen item is paired with at most this many most recent items.");

  public static final RecsOption<Duration> PAIR_WINDOW =
      RecsOption.key("similarity.pair-window")
          .flag("pair-window")
          .durationType()
          .check(Checks.positiveDuration())
          .description(
              "If set, a new item is paired only with items seen within this time before it.");

  public static final RecsOption<Integer> MAX_ITEMS_PER_USER =
      RecsOption.key("similarity.max-items-per-user")
          .flag("max-items-per-user")
          .intType()
          .defaultValue(500)
          .check(Checks.positive())
          .description("kmax: a user's first this many distinct items take part in co-occurrence.");

  public static final RecsOption<Integer> MAX_USERS_PER_ITEM =
      RecsOption.key("similarity.max-users-per-item")
          .flag("max-users-per-item")
          .intType()
          .defaultValue(Integer.MAX_VALUE)
          .check(Checks.positive())
          .description(
              "fmax: only the first this many users of an item, in arrival order, generate pairs with"
                  + " it; the default, 2147483647, is no cap. A cap below an item's user count makes"
                  + " final lists depend on arrival order at parallelism above 1.");

  public static final RecsOption<Boolean> WEIGHTED =
      RecsOption.key("similarity.weighted")
          .flag("weighted")
          .booleanType()
          .defaultValue(false)
          .description(
              "Weighted co-occurrence: every action on a seen item, repeats included, adds its"
                  + " weight times each partner's accumulated weight; cosine and lift use weighted"
                  + " norms.");

  public static final RecsOption<Duration> EMIT_INTERVAL =
      RecsOption.key("similarity.emit-interval")
          .flag("similar-items-interval")
          .intervalType()
          .defaultValue(Duration.ZERO)
          .check(Checks.nonNegativeDuration())
          .description(
              "Least event time between two similar-items lists of one item; 0 emits on every"
                  + " change, end once when a bounded input ends. Unset with scoring.emit final,"
                  + " it is end.");

  public static final RecsOption<Integer> ROW_BATCH_SIZE =
      RecsOption.key("similarity.row-batch-size")
          .flag("row-batch-size")
          .intType()
          .defaultValue(8192)
          .check(Checks.positive())
          .description(
              "Co-occurrence updates merged before sending to the similarity stage; 1 sends each"
                  + " at once.");

  public static final RecsOption<Duration> ROW_BATCH_INTERVAL =
      RecsOption.key("similarity.row-batch-interval")
          .flag("row-batch-interval")
          .durationType()
          .defaultValue(Duration.ofMillis(100))
          .check(Checks.positiveDuration())
          .description("Longest processing time a merged co-occurrence update waits.");

  public static final RecsOption<Integer> ROW_CACHE_ENTRIES =
      RecsOption.key("similarity.row-cache-entries")
          .flag("row-cache-entries")
          .intType()
          .defaultValue(500_000)
          .check(Checks.atLeast(0))
          .description(
              "On a serializing state backend (RocksDB): co-occurrence row entries each similarity"
                  + " subtask keeps on the heap, most recently used rows first, written to state"
                  + " before every checkpoint and when they leave; 0 reads and writes state on every"
                  + " update.");

  public static final RecsOption<Integer> RECOMPUTE_EVERY =
      RecsOption.key("similarity.recompute-every")
          .flag("recompute-every")
          .intType()
          .defaultValue(0)
          .check(Checks.atLeast(0))
          .description(
              "Column updates after which an item's whole neighbour list is rescored from its row"
                  + " with current counts (between, only the updated columns are); 0 waits for"
                  + " max(neighbours, row size) updates, constant work per update. A small value"
                  + " keeps live lists fresh at a full row read per that many updates.");

  /** Every option of this class, in the order of the docs. */
  public static final List<RecsOption<?>> ALL =
      List.of(
          MEASURE,
          NEIGHBOURS,
          HISTORY_SIZE,
          PAIR_WINDOW_ITEMS,
          PAIR_WINDOW,
          MAX_ITEMS_PER_USER,
          MAX_USERS_PER_ITEM,
          WEIGHTED,
          EMIT_INTERVAL,
          ROW_BATCH_SIZE,
          ROW_BATCH_INTERVAL,
          ROW_CACHE_ENTRIES,
          RECOMPUTE_EVERY);

  /** The configuration of {@code settings}. */
  public static SimilarityConfig config(RecsSettings settings) {
    SimilarityConfig.Builder builder =
        SimilarityConfig.builder()
            .measure(settings.get(MEASURE))
            .neighbours(settings.get(NEIGHBOURS))
            .historySize(settings.get(HISTORY_SIZE))
            .pairWindowItems(settings.get(PAIR_WINDOW_ITEMS))
            .maxItemsPerUser(settings.get(MAX_ITEMS_PER_USER))
            .maxUsersPerItem(settings.get(MAX_USERS_PER_ITEM))
            .weighted(settings.get(WEIGHTED))
            .emitInterval(settings.get(EMIT_INTERVAL))
            .rowBatchSize(settings.get(ROW_BATCH_SIZE))
            .rowBatchInterval(settings.get(ROW_BATCH_INTERVAL))
            .rowCacheEntries(settings.get(ROW_CACHE_ENTRIES))
            .recomputeEvery(settings.get(RECOMPUTE_EVERY));
    if (settings.get(PAIR_WINDOW) != null) {
      builder.pairWindow(settings.get(PAIR_WINDOW));
    }
    return builder.build();
  }
}
