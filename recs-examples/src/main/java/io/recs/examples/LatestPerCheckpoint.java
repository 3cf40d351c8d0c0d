package io.recs.examples;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Passes on only the latest record of each key per checkpoint: a record replaces the buffered one
 * of its key, and the buffer is written out before every checkpoint barrier, at the end of the
 * input and whenever it holds {@code maxKeys} keys. Placed in front of a sink that publishes at
 * checkpoints (the files sink, Kafka with exactly-once), it leaves out only lists that a newer list
 * of the same key replaced before anything of that checkpoint interval was published.
 *
 * <p>The buffer is empty at every checkpoint, so it needs no state and a restore replays into an
 * empty buffer; per key, the records written keep their order.
 */
final class LatestPerCheckpoint<T> extends AbstractStreamOperator<T>
    implements OneInputStreamOperator<T, T>, BoundedOneInput {
  private static final long serialVersionUID = 1L;

  private final KeySelector<T, String> key;
  private final int maxKeys;
  private transient Map<String, StreamRecord<T>> latest;

  LatestPerCheckpoint(KeySelector<T, String> key, int maxKeys) {
    if (maxKeys < 1) {
      throw new IllegalArgumentException("maxKeys must be at least 1, was " + maxKeys);
    }
    this.key = key;
    this.maxKeys = maxKeys;
  }

  @Override
  public void open() throws Exception {
    super.open();
    latest = new LinkedHashMap<>();
  }

  @Override
  public void processElement(StreamRecord<T> element) throws Exception {
    String k = key.getKey(element.getValue());
    // remove first, so that the key moves to the end and the write order follows the last change
    latest.remove(k);
    // a copy: an operator chained in front may reuse its StreamRecord for the next value
    latest.put(k, element.copy(element.getValue()));
    if (latest.size() >= maxKeys) {
      flush();
    }
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
    for (StreamRecord<T> record : latest.values()) {
      output.collect(record);
    }
    latest.clear();
  }
}
