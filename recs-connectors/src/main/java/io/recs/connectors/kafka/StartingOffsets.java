package io.recs.connectors.kafka;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * Where {@link KafkaInteractionSource} starts reading a partition when the job starts without a
 * checkpoint. After a restore from a checkpoint or savepoint the source always resumes at the
 * checkpointed offsets.
 */
@PublicEvolving
public final class StartingOffsets implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String description;
  private final long timestampMs; // only for TIMESTAMP, else -1
  private final Kind kind;

  private enum Kind {
    EARLIEST,
    LATEST,
    COMMITTED,
    TIMESTAMP
  }

  private StartingOffsets(Kind kind, long timestampMs, String description) {
    this.kind = kind;
    this.timestampMs = timestampMs;
    this.description = description;
  }

  /** The earliest offset still in the partition. */
  public static StartingOffsets earliest() {
    return new StartingOffsets(Kind.EARLIEST, -1, "earliest");
  }

  /** The end of the partition when the job starts: only records produced afterwards. */
  public static StartingOffsets latest() {
    return new StartingOffsets(Kind.LATEST, -1, "latest");
  }

  /**
   * The offsets committed by the consumer group (on each completed checkpoint), or the earliest
   * offset for partitions without a committed offset. The default.
   */
  public static StartingOffsets committed() {
    return new StartingOffsets(Kind.COMMITTED, -1, "committed (else earliest)");
  }

  /** The first record whose Kafka timestamp is at or after {@code time}. */
  public static StartingOffsets timestamp(Instant time) {
    Objects.requireNonNull(time, "time");
    return new StartingOffsets(Kind.TIMESTAMP, time.toEpochMilli(), "timestamp " + time);
  }

  // The connector's committedOffsets still takes Kafka's deprecated OffsetResetStrategy.
  @SuppressWarnings("deprecation")
  OffsetsInitializer toInitializer() {
    return switch (kind) {
      case EARLIEST -> OffsetsInitializer.earliest();
      case LATEST -> OffsetsInitializer.latest();
      case COMMITTED -> OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
      case TIMESTAMP -> OffsetsInitializer.timestamp(timestampMs);
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StartingOffsets other
        && kind == other.kind
        && timestampMs == other.timestampMs;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, timestampMs);
  }

  @Override
  public String toString() {
    return description;
  }
}
