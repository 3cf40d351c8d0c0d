package io.recs.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.recs.config.EmitInterval;
import io.recs.event.ScoredItem;
import io.recs.event.SimilarItems;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link SimilarityFunction} in a keyed broadcast harness: row updates scored with the broadcast
 * counts, a list emitted when its order changes, and exact lists from the final counts at the end
 * of the input; in both row layouts (one value, or one map entry per co-occurring item), and across
 * a snapshot restored in the other layout.
 */
class SimilarityFunctionTest {

  /** The row layouts, and the map layout with a row cache of some size. */
  enum Layout {
    VALUE(false, 0),
    MAP(true, 0),
    MAP_CACHED(true, 500_000),
    /** Room for a few rows: rows leave and come back, some read whole, some in part. */
    MAP_SMALL_CACHE(true, 60),
    /** Every other row leaves the cache after each update. */
    MAP_CACHE_OF_ONE_ROW(true, 1);

    final boolean rowAsMap;
    final int cacheEntries;

    Layout(boolean rowAsMap, int cacheEntries) {
      this.rowAsMap = rowAsMap;
      this.cacheEntries = cacheEntries;
    }
  }

  private static KeyedBroadcastOperatorTestHarness<String, RowUpdate, CountUpdate, SimilarItems>
      harness(SimilarityConfig.Builder config, Layout layout) throws Exception {
    var harness =
        new KeyedBroadcastOperatorTestHarness<String, RowUpdate, CountUpdate, SimilarItems>(
            new SimilarityOperator(
                new SimilarityFunction(
                    config.rowCacheEntries(layout.cacheEntries).build(), layout.rowAsMap),
                List.of(SimilarityFunction.COUNTS)),
            RowUpdate::row,
            Types.STRING,
            128,
            1,
            0);
    harness.setup();
    return harness;
  }

  private static RowUpdate update(String row, long t, long rowCount, String col, long colCount) {
    return new RowUpdate(
        row, new String[] {col}, new double[] {1.0}, t, rowCount, new long[] {colCount});
  }

  private static List<String> order(SimilarItems list) {
    return list.neighbours().stream().map(ScoredItem::itemId).toList();
  }

  @ParameterizedTest
  @EnumSource(Layout.class)
  void cosineOverTheCountsAndAListOnEveryChangeOfOrder(Layout layout) throws Exception {
    SimilarityConfig.Builder config = SimilarityConfig.builder().measure(SimilarityMeasure.COSINE);
    try (var h = harness(config, layout)) {
      h.open();
      h.processBroadcastElement(new CountUpdate("a", 2), 1);
      h.processBroadcastElement(new CountUpdate("b", 1), 1);
      h.processBroadcastElement(new CountUpdate("c", 4), 1);
      // a co-occurs once with b and once with c: cos(a,b) = 1/√2 > cos(a,c) = 1/√8.
      h.processElement(update("a", 1, 2, "c", 4), 1);
      h.processElement(update("a", 2, 2, "b", 1), 2);

      List<SimilarItems> lists = h.extractOutputValues();
      assertThat(lists)
          .extracting(SimilarityFunctionTest::order)
          .containsExactly(List.of("c"), List.of("b", "c"));
      assertThat(lists.get(1).neighbours().get(0).score())
          .isCloseTo(1 / Math.sqrt(2), within(1e-12));
      assertThat(lists.get(1).neighbours().get(1).score())
          .isCloseTo(1 / Math.sqrt(8), within(1e-12));
    }
  }

  @ParameterizedTest
  @EnumSource(Layout.class)
  void theEndOfTheInputRecomputesTheListFromTheFinalCounts(Layout layout) throws Exception {
    SimilarityConfig.Builder config = SimilarityConfig.builder().measure(SimilarityMeasure.JACCARD);
    try (var h = harness(config, layout)) {
      h.open();
      // b became popular later; its row entry kept the score of its time.
      withBAndCThenBPopular(h);
      h.processWatermark(new Watermark(Long.MAX_VALUE));
      h.processBroadcastWatermark(new Watermark(Long.MAX_VALUE));

      List<SimilarItems> lists = h.extractOutputValues();
      SimilarItems last = lists.get(lists.size() - 1);
      // jaccard(a,b) = 1/(1 + 9 - 1) = 1/9 now, below jaccard(a,c) = 1.
      assertThat(order(last)).containsExactly("c", "b");
      assertThat(last.neighbours().get(1).score()).isCloseTo(1.0 / 9, within(1e-12));
      assertThat(last.timestamp()).isEqualTo(2);
    }
  }

  @ParameterizedTest
  @EnumSource(Layout.class)
  void recomputeEveryRescoresTheWholeListWithTheCountsOfTheTime(Layout layout) throws Exception {
    SimilarItems stale = lastListAfterBecamePopular(SimilarityConfig.builder(), layout);
    SimilarItems fresh =
        lastListAfterBecamePopular(SimilarityConfig.builder().recomputeEvery(1), layout);
    // By default the update of d rescores d only: b keeps jaccard(a,b) = 1 of its time.
    assertThat(score(stale, "b")).isCloseTo(1.0, within(1e-12));
    // Rescored whole: jaccard(a,b) = 1/(1 + 9 - 1) = 1/9, below jaccard(a,d) = 1/(1 + 2 - 1).
    assertThat(order(fresh)).containsExactly("c", "d", "b");
    assertThat(score(fresh, "b")).isCloseTo(1.0 / 9, within(1e-12));
  }

  /** a co-occurs with b and c; b becomes popular; then a co-occurs with d. */
  private static SimilarItems lastListAfterBecamePopular(
      SimilarityConfig.Builder config, Layout layout) throws Exception {
    try (var h = harness(config.measure(SimilarityMeasure.JACCARD), layout)) {
      h.open();
      withBAndCThenBPopular(h);
      h.processBroadcastElement(new CountUpdate("d", 2), 3);
      h.processElement(update("a", 4, 1, "d", 2), 4);
      List<SimilarItems> lists = h.extractOutputValues();
      return lists.get(lists.size() - 1);
    }
  }

  /** a (count 1) co-occurs with b and c (count 1) at times 1 and 2; then b's count becomes 9. */
  private static void withBAndCThenBPopular(
      KeyedBroadcastOperatorTestHarness<String, RowUpdate, CountUpdate, SimilarItems> h)
      throws Exception {
    h.processBroadcastElement(new CountUpdate("a", 1), 1);
    h.processBroadcastElement(new CountUpdate("b", 1), 1);
    h.processBroadcastElement(new CountUpdate("c", 1), 1);
    h.processElement(update("a", 1, 1, "b", 1), 1);
    h.processElement(update("a", 2, 1, "c", 1), 2);
    h.processBroadcastElement(new CountUpdate("b", 9), 3);
  }

  private static double score(SimilarItems list, String item) {
    return list.neighbours().stream()
        .filter(n -> n.itemId().equals(item))
        .findFirst()
        .orElseThrow()
        .score();
  }

  @ParameterizedTest
  @EnumSource(Layout.class)
  void atTheEndOnlyEachItemGetsOneListEqualToTheLastOfListsOnEveryChange(Layout layout)
      throws Exception {
    SimilarityConfig.Builder onChange = SimilarityConfig.builder().neighbours(2);
    SimilarityConfig.Builder atEnd =
        SimilarityConfig.builder().neighbours(2).emitInterval(EmitInterval.END_OF_INPUT);
    List<SimilarItems> everyChange = run(onChange, layout, false);
    List<SimilarItems> once = run(atEnd, layout, true);

    assertThat(everyChange).hasSizeGreaterThan(3);
    assertThat(once).extracting(SimilarItems::itemId).containsExactlyInAnyOrder("a", "b", "c");
    for (SimilarItems list : once) {
      SimilarItems last =
          everyChange.stream()
              .filter(l -> l.itemId().equals(list.itemId()))
              .reduce((first, second) -> second)
              .orElseThrow();
      assertThat(list).isEqualTo(last);
    }
  }

  /** Row updates of three items with counts that change on the way, then the end of the input. */
  private static List<SimilarItems> run(
      SimilarityConfig.Builder config, Layout layout, boolean endOfInputOnly) throws Exception {
    try (var h = harness(config, layout)) {
      h.open();
      for (String item : List.of("a", "b", "c", "d")) {
        h.processBroadcastElement(new CountUpdate(item, 1), 1);
      }
      h.processElement(update("a", 1, 1, "b", 1), 1);
      h.processElement(update("a", 2, 2, "c", 1), 2);
      h.processBroadcastElement(new CountUpdate("b", 5), 3);
      h.processElement(update("a", 3, 2, "d", 1), 3);
      h.processElement(update("b", 4, 5, "a", 2), 4);
      h.processElement(update("c", 5, 1, "d", 2), 5);
      h.processBroadcastElement(new CountUpdate("d", 3), 6);
      h.processElement(update("a", 6, 2, "d", 3), 6);
      if (endOfInputOnly) {
        assertThat(h.extractOutputValues()).isEmpty();
      }
      h.processWatermark(new Watermark(Long.MAX_VALUE));
      h.processBroadcastWatermark(new Watermark(Long.MAX_VALUE));
      return h.extractOutputValues();
    }
  }

  @ParameterizedTest
  @EnumSource(Layout.class)
  void aColumnTwiceInOneUpdateCountsTwice(Layout layout) throws Exception {
    SimilarityConfig.Builder config =
        SimilarityConfig.builder().measure(SimilarityMeasure.COOCCURRENCE);
    try (var h = harness(config, layout)) {
      h.open();
      h.processElement(
          new RowUpdate(
              "a", new String[] {"b", "c", "b"}, new double[] {1, 1, 2}, 1, 1, new long[3]),
          1);
      h.processWatermark(new Watermark(Long.MAX_VALUE));
      h.processBroadcastWatermark(new Watermark(Long.MAX_VALUE));

      List<SimilarItems> lists = h.extractOutputValues();
      SimilarItems last = lists.get(lists.size() - 1);
      assertThat(order(last)).containsExactly("b", "c");
      assertThat(last.neighbours().get(0).score()).isEqualTo(3.0);
      assertThat(last.neighbours().get(1).score()).isEqualTo(1.0);
    }
  }

  /**
   * A savepoint of a job on one state backend restored on the other: each key moves its row and
   * list into the other layout on first use, and goes on from the counts it had.
   */
  @ParameterizedTest(name = "{0} before the snapshot, {1} after")
  @CsvSource({
    "VALUE, MAP",
    "VALUE, MAP_CACHED",
    "MAP, VALUE",
    "MAP_CACHED, VALUE",
    "MAP_CACHE_OF_ONE_ROW, VALUE"
  })
  void aSnapshotRestoresInTheOtherLayout(Layout before, Layout after) throws Exception {
    OperatorSubtaskState snapshot;
    try (var h = harness(SimilarityConfig.builder().measure(SimilarityMeasure.COSINE), before)) {
      h.open();
      h.processBroadcastElement(new CountUpdate("a", 2), 1);
      h.processBroadcastElement(new CountUpdate("b", 2), 1);
      h.processBroadcastElement(new CountUpdate("c", 2), 1);
      h.processBroadcastElement(new CountUpdate("d", 2), 1);
      h.processElement(update("a", 1, 2, "c", 2), 1);
      h.processElement(update("d", 1, 2, "b", 2), 1);
      h.prepareSnapshotPreBarrier(1);
      snapshot = h.snapshot(1, 1);
    }
    try (var h = harness(SimilarityConfig.builder().measure(SimilarityMeasure.COSINE), after)) {
      h.initializeState(snapshot);
      h.open();
      h.processElement(update("d", 2, 2, "b", 2), 2);
      h.processElement(update("a", 2, 2, "b", 2), 2);
      h.processElement(update("a", 3, 2, "c", 2), 3);
      h.processWatermark(new Watermark(Long.MAX_VALUE));
      h.processBroadcastWatermark(new Watermark(Long.MAX_VALUE));

      List<SimilarItems> lists = h.extractOutputValues();
      SimilarItems a = lists.stream().filter(l -> l.itemId().equals("a")).reduce((x, y) -> y).get();
      SimilarItems d = lists.stream().filter(l -> l.itemId().equals("d")).reduce((x, y) -> y).get();
      // C(a,c) = 2, one of them from before the snapshot: cos(a,c) = 2/√4 > cos(a,b) = 1/√4.
      assertThat(order(a)).containsExactly("c", "b");
      assertThat(a.neighbours().get(0).score()).isCloseTo(1.0, within(1e-12));
      assertThat(a.neighbours().get(1).score()).isCloseTo(0.5, within(1e-12));
      assertThat(order(d)).containsExactly("b");
      // C(d,b) = 2, one of them from before the snapshot: cos(d,b) = 2/√4.
      assertThat(d.neighbours().get(0).score()).isCloseTo(1.0, within(1e-12));
    }
  }

  /**
   * Random row updates and count changes over 40 items, with a snapshot and a restore every 150
   * updates: in every layout, cached or not, each item gets the same lists as in the value layout
   * without snapshots, in the same order.
   */
  @ParameterizedTest
  @EnumSource(
      value = Layout.class,
      names = {"MAP", "MAP_CACHED", "MAP_SMALL_CACHE", "MAP_CACHE_OF_ONE_ROW"})
  void everyLayoutEmitsTheListsOfTheValueLayoutAcrossSnapshots(Layout layout) throws Exception {
    List<SimilarItems> expected = randomRun(Layout.VALUE, Integer.MAX_VALUE, true);
    assertThat(expected).hasSizeGreaterThan(500);
    assertThat(byItem(randomRun(layout, 150, true))).isEqualTo(byItem(expected));
  }

  /**
   * Lists at the end of the input only, with a snapshot and a restore every 150 updates: the map
   * layouts, which append each update's additions without reading the row, end with the value
   * layout's lists.
   */
  @ParameterizedTest
  @EnumSource(
      value = Layout.class,
      names = {"MAP", "MAP_CACHED", "MAP_SMALL_CACHE", "MAP_CACHE_OF_ONE_ROW"})
  void atTheEndOnlyEveryLayoutEndsWithTheListsOfTheValueLayoutAcrossSnapshots(Layout layout)
      throws Exception {
    List<SimilarItems> expected = randomRun(Layout.VALUE, Integer.MAX_VALUE, true, atEnd(), null);
    assertThat(expected).hasSize(40);
    assertThat(byItem(randomRun(layout, 150, true, atEnd(), null))).isEqualTo(byItem(expected));
  }

  /**
   * A snapshot with additions pending (lists at the end only) restored by a function that scores
   * every update, in either layout: the additions count, and each item ends with the neighbours of
   * a run that scored every update from the start (the time of its last list can differ: a list is
   * emitted when it changes).
   */
  @ParameterizedTest(name = "{0} at the end only, then {1} on every change")
  @CsvSource({
    "MAP, MAP",
    "MAP_CACHED, MAP_CACHED",
    "MAP_SMALL_CACHE, MAP_CACHE_OF_ONE_ROW",
    "MAP_CACHED, VALUE",
    "MAP, VALUE"
  })
  void pendingAdditionsCountAfterARestoreWithListsOnEveryChange(Layout before, Layout after)
      throws Exception {
    Map<String, List<ScoredItem>> expected =
        lastByItem(randomRun(Layout.VALUE, Integer.MAX_VALUE, true, onChange(), null));
    Map<String, List<ScoredItem>> restored =
        lastByItem(randomRun(before, 1_000, true, atEnd(), new Switch(after, onChange())));
    assertThat(restored).hasSize(40).isEqualTo(expected);
  }

  private static Supplier<SimilarityConfig.Builder> onChange() {
    return () -> SimilarityConfig.builder().neighbours(5);
  }

  private static Supplier<SimilarityConfig.Builder> atEnd() {
    return () -> SimilarityConfig.builder().neighbours(5).emitInterval(EmitInterval.END_OF_INPUT);
  }

  /** The layout and settings a random run restores its snapshots with. */
  private record Switch(Layout layout, Supplier<SimilarityConfig.Builder> config) {}

  /** The neighbours of each item's last list. */
  private static Map<String, List<ScoredItem>> lastByItem(List<SimilarItems> lists) {
    Map<String, List<ScoredItem>> last = new TreeMap<>();
    for (SimilarItems list : lists) {
      last.put(list.itemId(), list.neighbours());
    }
    return last;
  }

  /**
   * Without the write before the barrier, the cached changes would be missing from the snapshot:
   * the check that the test above depends on it.
   */
  @Test
  void aSnapshotWithoutTheWriteBeforeTheBarrierLosesCachedChanges() throws Exception {
    List<SimilarItems> expected = randomRun(Layout.VALUE, Integer.MAX_VALUE, true);
    assertThat(byItem(randomRun(Layout.MAP_CACHED, 150, false))).isNotEqualTo(byItem(expected));
  }

  /**
   * Each item's lists in their order. Timers restored from a snapshot fire in another order among
   * keys, so only the order of each item's lists is the same from run to run.
   */
  private static Map<String, List<SimilarItems>> byItem(List<SimilarItems> lists) {
    Map<String, List<SimilarItems>> byItem = new TreeMap<>();
    for (SimilarItems list : lists) {
      byItem.computeIfAbsent(list.itemId(), item -> new ArrayList<>()).add(list);
    }
    return byItem;
  }

  private static List<SimilarItems> randomRun(Layout layout, int snapshotEvery, boolean preBarrier)
      throws Exception {
    return randomRun(layout, snapshotEvery, preBarrier, onChange(), null);
  }

  /**
   * 2,000 random updates in {@code layout} with {@code config}, with a snapshot and a restore every
   * {@code snapshotEvery}; restored with {@code after}'s layout and settings when not null.
   */
  private static List<SimilarItems> randomRun(
      Layout layout,
      int snapshotEvery,
      boolean preBarrier,
      Supplier<SimilarityConfig.Builder> config,
      Switch after)
      throws Exception {
    Random random = new Random(7);
    List<SimilarItems> out = new ArrayList<>();
    OperatorSubtaskState snapshot = null;
    long[] counts = new long[40];
    int updates = 2_000;
    int done = 0;
    long checkpoint = 0;
    while (done < updates) {
      boolean restored = snapshot != null && after != null;
      try (var h =
          harness(
              restored ? after.config().get() : config.get(), restored ? after.layout() : layout)) {
        if (snapshot != null) {
          h.initializeState(snapshot);
        }
        h.open();
        int until = Math.min(updates, done + snapshotEvery);
        for (; done < until; done++) {
          int row = random.nextInt(counts.length);
          if (random.nextInt(4) == 0) {
            counts[row]++;
            h.processBroadcastElement(new CountUpdate("i" + row, counts[row]), done);
          }
          int columns = 1 + random.nextInt(4);
          String[] cols = new String[columns];
          double[] deltas = new double[columns];
          long[] colCounts = new long[columns];
          for (int k = 0; k < columns; k++) {
            int col = random.nextInt(counts.length);
            cols[k] = "i" + col;
            deltas[k] = 1 + random.nextInt(3);
            colCounts[k] = counts[col] + 1;
          }
          h.processElement(
              new RowUpdate("i" + row, cols, deltas, done, counts[row] + 1, colCounts), done);
          if (done % 50 == 49) {
            // A checkpoint the run goes on from, with what the cache wrote before it.
            checkpoint++;
            if (preBarrier) {
              h.prepareSnapshotPreBarrier(checkpoint);
            }
            h.snapshot(checkpoint, checkpoint);
          }
        }
        if (done == updates) {
          h.processWatermark(new Watermark(Long.MAX_VALUE));
          h.processBroadcastWatermark(new Watermark(Long.MAX_VALUE));
        } else {
          checkpoint++;
          if (preBarrier) {
            h.prepareSnapshotPreBarrier(checkpoint);
          }
          snapshot = h.snapshot(checkpoint, checkpoint);
        }
        out.addAll(h.extractOutputValues());
      }
    }
    return out;
  }
}
