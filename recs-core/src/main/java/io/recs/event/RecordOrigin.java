package io.recs.event;

import java.io.Serializable;
import java.util.Objects;
import org.apache.flink.annotation.PublicEvolving;

/**
 * Where a raw record came from, carried into its {@link RejectedRecord} if it is rejected.
 *
 * @param source a Kafka topic or a file path; empty when unknown
 * @param partition the Kafka partition, or -1
 * @param offset the Kafka offset or 0-based line number, or -1 when unknown
 */
@PublicEvolving
public record RecordOrigin(String source, int partition, long offset) implements Serializable {

  /** An origin about which nothing is known. */
  public static final RecordOrigin UNKNOWN = new RecordOrigin("", -1, -1);

  /** Validates the fields. */
  public RecordOrigin {
    Objects.requireNonNull(source, "source");
  }

  /** A line of a file. */
  public static RecordOrigin line(String path, long lineNumber) {
    return new RecordOrigin(path, -1, lineNumber);
  }

  /** A record of a Kafka partition. */
  public static RecordOrigin kafka(String topic, int partition, long offset) {
    return new RecordOrigin(topic, partition, offset);
  }
}
