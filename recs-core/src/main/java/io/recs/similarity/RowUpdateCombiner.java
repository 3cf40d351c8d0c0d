package io.recs.similarity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.annotation.Internal;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Buffers {@link RowUpdate}s and merges them by row, and by column within a row, before they travel
 * to the similarity stage: one message per changed row instead of one per pair.
 *
 * <p>Merging is exact: deltas of a column add up, counts and times keep their maximum, which is
 * what the similarity stage would make of the separate messages. The buffer is flushed when it
 * holds {@code maxColumns} column updates, after {@code maxDelayMs} of processing time, on every
 * watermark (before forwarding it, so event-time timers downstream never overtake buffered
 * updates), before every checkpoint barrier (so the buffer needs no state) and at the end of input.
 */
@Internal
public final class RowUpdateCombiner extends AbstractStreamOperator<RowUpdate>
    implements OneInputStreamOperator<RowUpdate, RowUpdate>, BoundedOneInput {
  private static final long serialVersionUID = 1L;

  private final int maxColumns;
  private final long maxDelayMs;

  private transient Map<String, PendingRow> rows;
  private transient int columns;
  private transient boolean timerSet;

  /** A combiner that flushes at {@code maxColumns} buffered columns or after {@code maxDelayMs}. */
  public RowUpdateCombiner(int maxColumns, long maxDelayMs) {
    this.maxColumns = maxColumns;
    this.maxDelayMs = maxDelayMs;
  }

  @Override
  public void open() throws Exception {
    super.open();
    rows = new HashMap<>();
  }

  @Override
  public void processElement(StreamRecord<RowUpdate> element) throws Exception {
    RowUpdate update = element.getValue();
    if (maxColumns == 1) {
      output.collect(element);
      return;
    }
    PendingRow row = rows.get(update.row());
    if (row == null) {
      row = new PendingRow(update.row());
      rows.put(update.row(), row);
    }
    columns += row.add(update);
    if (columns >= maxColumns) {
      flush();
    } else if (!timerSet) {
      timerSet = true;
      long now = getProcessingTimeService().getCurrentProcessingTime();
      getProcessingTimeService().registerTimer(now + maxDelayMs, time -> onDelay());
    }
  }

  private void onDelay() {
    timerSet = false;
    flush();
  }

  @Override
  public void processWatermark(Watermark mark) throws Exception {
    flush();
    super.processWatermark(mark);
  }

  @Override
  public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
    flush();
    super.prepareSnapshotPreBarrier(checkpointId);
  }

  @Override
  public void endInput() {
    flush();
  }

  private void flush() {
    if (columns == 0) {
      return;
    }
    for (PendingRow row : rows.values()) {
      RowUpdate merged = row.toUpdate();
      output.collect(new StreamRecord<>(merged, merged.time()));
    }
    rows.clear();
    columns = 0;
  }

  /** The merged updates of one row. */
  private static final class PendingRow {
    private final String row;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> cols = new ArrayList<>();
    private double[] deltas = new double[4];
    private long[] colCounts = new long[4];
    private long time = Long.MIN_VALUE;
    private long rowCount;

    PendingRow(String row) {
      this.row = row;
    }

    /** Merges an update; returns the number of columns it added. */
    int add(RowUpdate update) {
      time = Math.max(time, update.time());
      rowCount = Math.max(rowCount, update.rowCount());
      String[] updateCols = update.cols();
      int added = 0;
      for (int k = 0; k < updateCols.length; k++) {
        Integer at = index.get(updateCols[k]);
        if (at == null) {
          at = cols.size();
          index.put(updateCols[k], at);
          cols.add(updateCols[k]);
          if (at == deltas.length) {
            deltas = Arrays.copyOf(deltas, at * 2);
            colCounts = Arrays.copyOf(colCounts, at * 2);
          }
          added++;
        }
        deltas[at] += update.deltas()[k];
        colCounts[at] = Math.max(colCounts[at], update.colCounts()[k]);
      }
      return added;
    }

    RowUpdate toUpdate() {
      int size = cols.size();
      return new RowUpdate(
          row,
          cols.toArray(new String[0]),
          Arrays.copyOf(deltas, size),
          time,
          rowCount,
          Arrays.copyOf(colCounts, size));
    }
  }
}
