package io.recs.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.recs.config.EmitInterval;
import io.recs.event.ScoredItem;
import io.recs.event.SimilarItems;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link SimilarityFunction} in a keyed broadcast harness: row updates scored with the broadcast
 * counts, a list emitted when its order changes, and exact lists from the final counts at the end
 * of the input; in both row layouts (one value, or one map entry per co-occurring item), and across
 * a snapshot restored in the other layout.
 */
class SimilarityFunctionTest {

  private static KeyedBroadcastOperatorTestHarness<String, RowUpdate, CountUpdate, SimilarItems>
      harness(SimilarityConfig config, boolean rowAsMap) throws Exception {
    var harness =
        new KeyedBroadcastOperatorTestHarness<String, RowUpdate, CountUpdate, SimilarItems>(
            new CoBroadcastWithKeyedOperator<>(
                new SimilarityFunction(config, rowAsMap), List.of(SimilarityFunction.COUNTS)),
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

  @ParameterizedTest(name = "row as map: {0}")
  @ValueSource(booleans = {false, true})
  void cosineOverTheCountsAndAListOnEveryChangeOfOrder(boolean rowAsMap) throws Exception {
    SimilarityConfig config = SimilarityConfig.builder().measure(SimilarityMeasure.COSINE).build();
    try (var h = harness(config, rowAsMap)) {
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

  @ParameterizedTest(name = "row as map: {0}")
  @ValueSource(booleans = {false, true})
  void theEndOfTheInputRecomputesTheListFromTheFinalCounts(boolean rowAsMap) throws Exception {
    SimilarityConfig config = SimilarityConfig.builder().measure(SimilarityMeasure.JACCARD).build();
    try (var h = harness(config, rowAsMap)) {
      h.open();
      h.processBroadcastElement(new CountUpdate("a", 1), 1);
      h.processBroadcastElement(new CountUpdate("b", 1), 1);
      h.processBroadcastElement(new CountUpdate("c", 1), 1);
      h.processElement(update("a", 1, 1, "b", 1), 1);
      h.processElement(update("a", 2, 1, "c", 1), 2);
      // b became popular later; its row entry kept the score of its time.
      h.processBroadcastElement(new CountUpdate("b", 9), 3);
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

  @ParameterizedTest(name = "row as map: {0}")
  @ValueSource(booleans = {false, true})
  void atTheEndOnlyEachItemGetsOneListEqualToTheLastOfListsOnEveryChange(boolean rowAsMap)
      throws Exception {
    SimilarityConfig onChange = SimilarityConfig.builder().neighbours(2).build();
    SimilarityConfig atEnd =
        SimilarityConfig.builder().neighbours(2).emitInterval(EmitInterval.END_OF_INPUT).build();
    List<SimilarItems> everyChange = run(onChange, rowAsMap);
    List<SimilarItems> once = run(atEnd, rowAsMap);

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
  private static List<SimilarItems> run(SimilarityConfig config, boolean rowAsMap)
      throws Exception {
    try (var h = harness(config, rowAsMap)) {
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
      if (EmitInterval.endOfInput(config.emitInterval())) {
        assertThat(h.extractOutputValues()).isEmpty();
      }
      h.processWatermark(new Watermark(Long.MAX_VALUE));
      h.processBroadcastWatermark(new Watermark(Long.MAX_VALUE));
      return h.extractOutputValues();
    }
  }

  @ParameterizedTest(name = "row as map: {0}")
  @ValueSource(booleans = {false, true})
  void aColumnTwiceInOneUpdateCountsTwice(boolean rowAsMap) throws Exception {
    SimilarityConfig config =
        SimilarityConfig.builder().measure(SimilarityMeasure.COOCCURRENCE).build();
    try (var h = harness(config, rowAsMap)) {
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
  @ParameterizedTest(name = "row as map before the snapshot: {0}")
  @ValueSource(booleans = {false, true})
  void aSnapshotRestoresInTheOtherLayout(boolean rowAsMapBefore) throws Exception {
    SimilarityConfig config = SimilarityConfig.builder().measure(SimilarityMeasure.COSINE).build();
    OperatorSubtaskState snapshot;
    try (var h = harness(config, rowAsMapBefore)) {
      h.open();
      h.processBroadcastElement(new CountUpdate("a", 2), 1);
      h.processBroadcastElement(new CountUpdate("b", 2), 1);
      h.processBroadcastElement(new CountUpdate("c", 2), 1);
      h.processBroadcastElement(new CountUpdate("d", 2), 1);
      h.processElement(update("a", 1, 2, "c", 2), 1);
      h.processElement(update("d", 1, 2, "b", 2), 1);
      snapshot = h.snapshot(1, 1);
    }
    try (var h = harness(config, !rowAsMapBefore)) {
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
}
