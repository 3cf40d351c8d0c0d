package io.recs.parse;

import io.recs.event.Interaction;
import io.recs.event.RejectedRecord;
import java.util.Objects;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The two streams of parsing, from a recs source ({@code recs-connectors}) or from {@link Parsing}:
 * the records that became interactions and the records that did not (dead letters). Every input
 * record ends in exactly one of them.
 *
 * <pre>{@code
 * ParsedStreams in = KafkaInteractionSource.builder()...build().attach(env);
 * in.interactions().keyBy(Interaction::userId)...;
 * in.deadLetters().sinkTo(deadLetterSink);
 * }</pre>
 *
 * @param interactions accepted records, with event-time timestamps and watermarks from the source
 * @param deadLetters rejected records, each with its reason and source position
 */
@PublicEvolving
public record ParsedStreams(
    DataStream<Interaction> interactions, DataStream<RejectedRecord> deadLetters) {

  /** Checks that both streams are present. */
  public ParsedStreams {
    Objects.requireNonNull(interactions, "interactions");
    Objects.requireNonNull(deadLetters, "deadLetters");
  }
}
