package io.recs.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.recs.event.ScoredItem;
import io.recs.event.SimilarItems;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * {@link SimilarityFunction} in a keyed broadcast harness: row updates scored with the broadcast
 * counts, a list emitted when its order changes, and exact lists from the final counts at the end
 * of the input.
 */
class SimilarityFunctionTest {

  private static KeyedBroadcastOperatorTestHarness<String, RowUpdate, CountUpdate, SimilarItems>
      harness(SimilarityConfig config) throws Exception {
    var harness =
        new KeyedBroadcastOperatorTestHarness<String, RowUpdate, CountUpdate, SimilarItems>(
            new CoBroadcastWithKeyedOperator<>(
                new SimilarityFunction(config), List.of(SimilarityFunction.COUNTS)),
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

  @Test
  void cosineOverTheCountsAndAListOnEveryChangeOfOrder() throws Exception {
    SimilarityConfig config = SimilarityConfig.builder().measure(SimilarityMeasure.COSINE).build();
    try (var h = harness(config)) {
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

  @Test
  void theEndOfTheInputRecomputesTheListFromTheFinalCounts() throws Exception {
    SimilarityConfig config = SimilarityConfig.builder().measure(SimilarityMeasure.JACCARD).build();
    try (var h = harness(config)) {
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
}
