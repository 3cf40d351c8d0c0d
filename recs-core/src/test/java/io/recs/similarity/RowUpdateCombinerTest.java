package io.recs.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class RowUpdateCombinerTest {

  @Test
  void mergedUpdatesAddUpToTheSameRowsAndKeepTheLargestCounts() throws Exception {
    Random random = new Random(3);
    List<RowUpdate> updates = new ArrayList<>();
    for (int k = 0; k < 5_000; k++) {
      int cols = 1 + random.nextInt(4);
      String[] names = new String[cols];
      double[] deltas = new double[cols];
      long[] counts = new long[cols];
      for (int c = 0; c < cols; c++) {
        names[c] = "c" + random.nextInt(50);
        deltas[c] = 1 + random.nextInt(3);
        counts[c] = random.nextInt(100);
      }
      updates.add(
          new RowUpdate("r" + random.nextInt(20), names, deltas, k, random.nextInt(100), counts));
    }
    try (var harness = harness(1_000, 60_000)) {
      for (RowUpdate update : updates) {
        harness.processElement(update, update.time());
      }
      harness.endInput();
      List<RowUpdate> merged = values(harness);

      assertThat(merged.size()).isLessThan(updates.size() / 5);
      assertThat(applied(merged)).isEqualTo(applied(updates));
      assertThat(maxCounts(merged)).isEqualTo(maxCounts(updates));
    }
  }

  @Test
  void flushesBeforeForwardingAWatermark() throws Exception {
    try (var harness = harness(1_000, 60_000)) {
      harness.processElement(update("r", "c", 1, 5), 5);
      assertThat(harness.getOutput()).isEmpty();

      harness.processWatermark(new Watermark(10));

      List<Object> output = new ArrayList<>(harness.getOutput());
      assertThat(output).hasSize(2);
      assertThat(output.get(0)).isInstanceOf(StreamRecord.class);
      assertThat(output.get(1)).isEqualTo(new Watermark(10));
    }
  }

  @Test
  void flushesWhenFullBeforeACheckpointAndAfterTheDelay() throws Exception {
    try (var harness = harness(3, 100)) {
      harness.setProcessingTime(0);
      harness.processElement(update("r1", "c", 1, 1), 1);
      harness.processElement(update("r2", "c", 1, 1), 1);
      assertThat(harness.getOutput()).isEmpty();
      harness.processElement(update("r3", "c", 1, 1), 1);
      assertThat(values(harness)).hasSize(3); // full

      harness.processElement(update("r4", "c", 1, 1), 1);
      harness.prepareSnapshotPreBarrier(1);
      assertThat(values(harness)).hasSize(4); // before the barrier

      harness.processElement(update("r5", "c", 1, 1), 1);
      harness.setProcessingTime(1_000);
      assertThat(values(harness)).hasSize(5); // after the delay
    }
  }

  @Test
  void sendsEveryUpdateAtOnceWithABatchSizeOfOne() throws Exception {
    try (var harness = harness(1, 100)) {
      harness.processElement(update("r", "c", 1, 1), 1);
      harness.processElement(update("r", "c", 1, 1), 1);
      assertThat(values(harness)).hasSize(2);
    }
  }

  private static OneInputStreamOperatorTestHarness<RowUpdate, RowUpdate> harness(
      int maxColumns, long maxDelayMs) throws Exception {
    var harness =
        new OneInputStreamOperatorTestHarness<>(new RowUpdateCombiner(maxColumns, maxDelayMs));
    harness.open();
    return harness;
  }

  private static RowUpdate update(String row, String col, double delta, long time) {
    return new RowUpdate(row, new String[] {col}, new double[] {delta}, time, 0, new long[1]);
  }

  private static List<RowUpdate> values(OneInputStreamOperatorTestHarness<?, RowUpdate> harness) {
    return harness.extractOutputValues();
  }

  private static Map<String, Double> applied(List<RowUpdate> updates) {
    Map<String, Double> sums = new HashMap<>();
    for (RowUpdate update : updates) {
      for (int k = 0; k < update.cols().length; k++) {
        sums.merge(update.row() + "/" + update.cols()[k], update.deltas()[k], Double::sum);
      }
    }
    return sums;
  }

  private static Map<String, Long> maxCounts(List<RowUpdate> updates) {
    Map<String, Long> max = new HashMap<>();
    for (RowUpdate update : updates) {
      max.merge(update.row(), update.rowCount(), Math::max);
      max.merge("time", update.time(), Math::max);
      for (int k = 0; k < update.cols().length; k++) {
        max.merge(update.row() + "/" + update.cols()[k], update.colCounts()[k], Math::max);
      }
    }
    return max;
  }
}
