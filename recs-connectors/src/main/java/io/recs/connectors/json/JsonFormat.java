package io.recs.connectors.json;

import java.io.Serializable;
import java.util.OptionalLong;
import org.apache.flink.annotation.PublicEvolving;

/**
 * How one recs output type is written: as a JSON object, with a key and an event time. The Kafka
 * sink uses the key as the record key and the event time as the record timestamp; the file sink
 * writes one object per line and buckets by the event time.
 *
 * <p>Use the instances of {@link RecsJson}. Implementations are immutable and thread-safe.
 *
 * @param <T> the written type
 */
@PublicEvolving
public interface JsonFormat<T> extends Serializable {

  /** The key: the user id, item id, trending scope or dead-letter source. */
  String key(T value);

  /** The value as one JSON object in UTF-8, without a line break. */
  byte[] toJson(T value);

  /** The event time of the value in epoch milliseconds, or empty when the type has none. */
  OptionalLong eventTime(T value);
}
