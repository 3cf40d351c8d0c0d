package io.recs.evaluation.flink;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A sink that collects records into memory, for jobs that run on an in-process MiniCluster.
 *
 * <pre>{@code
 * CollectingSink<SimilarItems> sink = CollectingSink.create();
 * streams.similarItems().sinkTo(sink);
 * env.execute();
 * List<SimilarItems> all = sink.records();
 * }</pre>
 *
 * <p>Records are kept in a JVM-wide registry under the sink's id until {@link #clear()}, because
 * Flink serializes the sink into its tasks. After a failover a restarted task writes again what it
 * wrote after the last checkpoint, so the list can hold duplicates; readers that need the final
 * state take the last record per key.
 */
@PublicEvolving
public final class CollectingSink<T> implements Sink<T> {
  private static final long serialVersionUID = 1L;
  private static final Map<String, List<Object>> RECORDS = new ConcurrentHashMap<>();

  private final String id;

  private CollectingSink(String id) {
    this.id = id;
  }

  /** A new, empty sink. */
  public static <T> CollectingSink<T> create() {
    String id = UUID.randomUUID().toString();
    RECORDS.put(id, Collections.synchronizedList(new ArrayList<>()));
    return new CollectingSink<>(id);
  }

  /** The records received so far, in arrival order. */
  @SuppressWarnings("unchecked")
  public List<T> records() {
    List<Object> records = RECORDS.getOrDefault(id, List.of());
    synchronized (records) {
      return (List<T>) new ArrayList<>(records);
    }
  }

  /** Forgets the records. */
  public void clear() {
    RECORDS.remove(id);
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) {
    List<Object> target =
        RECORDS.computeIfAbsent(id, k -> Collections.synchronizedList(new ArrayList<>()));
    return new SinkWriter<>() {
      @Override
      public void write(T element, Context context) {
        target.add(element);
      }

      @Override
      public void flush(boolean endOfInput) {}

      @Override
      public void close() {}
    };
  }
}
