package io.recs.parse;

import io.recs.event.RecordOrigin;
import java.io.Serializable;
import org.apache.flink.annotation.PublicEvolving;

/**
 * Turns one raw record into one or more {@link io.recs.event.Interaction}s (several when the record
 * holds a session of events) or a {@link io.recs.event.RejectedRecord}.
 *
 * <p>The contract every implementation keeps: for any input bytes, {@link #parse} returns exactly
 * one result and never throws; a record is accepted or rejected as a whole. Sources (Kafka
 * deserializers, file formats) are thin wrappers around it. Implementations are immutable and
 * thread-safe; build them with their builders, which validate the configuration.
 */
@PublicEvolving
public interface InteractionParser extends Serializable {

  /**
   * Parses one record.
   *
   * @param record the raw bytes, UTF-8 expected; not retained after the call
   * @param origin where the record came from, copied into the dead letter if rejected
   * @return the interaction, or the reject with its reason; never null
   */
  ParseResult parse(byte[] record, RecordOrigin origin);
}
