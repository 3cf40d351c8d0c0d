package io.recs.parse;

import io.recs.event.Interaction;
import io.recs.event.RecordOrigin;
import io.recs.event.RejectReason;
import io.recs.event.RejectedRecord;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Parses raw records with an {@link InteractionParser}: interactions go to the main output, dead
 * letters to the {@link #DEAD_LETTERS} side output, so that every input record leaves either as its
 * interactions (one, or several for a record holding a session of events) or as exactly one dead
 * letter.
 *
 * <pre>{@code
 * SingleOutputStreamOperator<Interaction> interactions =
 *     lines.process(ParseFunction.ofLines(parser, "ratings.csv"));
 * DataStream<RejectedRecord> deadLetters = interactions.getSideOutput(ParseFunction.DEAD_LETTERS);
 * }</pre>
 *
 * <p>{@link Parsing} does the same in one call. Use {@link #ofLines} for text lines (file sources)
 * and {@link #ofBytes} for raw values (for example Kafka record values). Dead letters carry the
 * given source name; positions (partition, offset) are unknown here, so connectors that know them
 * call the parser directly in their deserializer instead.
 *
 * <p>Metrics, registered on the operator's metric group: counters {@code recordsAccepted}
 * (records), {@code eventsAccepted} (the interactions of accepted records), {@code recordsRejected}
 * (all reasons) and {@code rejected_<REASON>} for each {@link RejectReason}, for example {@code
 * rejected_INVALID_TIMESTAMP}, all registered up front so that dashboards show zeros.
 *
 * @param <T> the raw record type: {@code String} or {@code byte[]}
 */
@PublicEvolving
public final class ParseFunction<T> extends ProcessFunction<T, Interaction> {
  private static final long serialVersionUID = 1L;

  /** The side output of dead letters. */
  public static final OutputTag<RejectedRecord> DEAD_LETTERS =
      new OutputTag<>("dead-letters", TypeInformation.of(RejectedRecord.class));

  /** Name of the counter of accepted records. */
  public static final String RECORDS_ACCEPTED = "recordsAccepted";

  /** Name of the counter of interactions emitted: all events of the accepted records. */
  public static final String EVENTS_ACCEPTED = "eventsAccepted";

  /** Name of the counter of rejected records, all reasons together. */
  public static final String RECORDS_REJECTED = "recordsRejected";

  /** Prefix of the counter of rejected records per reason, followed by the reason's name. */
  public static final String REJECTED_PREFIX = "rejected_";

  private final InteractionParser parser;
  private final String source;
  private final ToBytes<T> toBytes;

  private transient RecordOrigin origin;
  private transient Counter accepted;
  private transient Counter eventsAccepted;
  private transient Counter rejected;
  private transient Counter[] rejectedByReason;

  private ParseFunction(InteractionParser parser, String source, ToBytes<T> toBytes) {
    this.parser = Objects.requireNonNull(parser, "parser");
    this.source = Objects.requireNonNull(source, "source");
    this.toBytes = toBytes;
  }

  /**
   * Parses text lines, for example from a file source.
   *
   * @param source the file or stream name copied into dead letters
   */
  public static ParseFunction<String> ofLines(InteractionParser parser, String source) {
    return new ParseFunction<>(parser, source, line -> line.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Parses raw records, for example Kafka record values.
   *
   * @param source the topic or stream name copied into dead letters
   */
  public static ParseFunction<byte[]> ofBytes(InteractionParser parser, String source) {
    return new ParseFunction<>(parser, source, bytes -> bytes);
  }

  @Override
  public void open(OpenContext openContext) {
    origin = new RecordOrigin(source, -1, -1);
    MetricGroup metrics = getRuntimeContext().getMetricGroup();
    accepted = metrics.counter(RECORDS_ACCEPTED);
    eventsAccepted = metrics.counter(EVENTS_ACCEPTED);
    rejected = metrics.counter(RECORDS_REJECTED);
    RejectReason[] reasons = RejectReason.values();
    rejectedByReason = new Counter[reasons.length];
    for (RejectReason reason : reasons) {
      rejectedByReason[reason.ordinal()] = metrics.counter(REJECTED_PREFIX + reason.name());
    }
  }

  @Override
  public void processElement(T record, Context ctx, Collector<Interaction> out) {
    ParseResult result = parser.parse(toBytes.apply(record), origin);
    if (result.isAccepted()) {
      accepted.inc();
      int count = result.interactionCount();
      eventsAccepted.inc(count);
      for (int i = 0; i < count; i++) {
        out.collect(result.interaction(i));
      }
    } else {
      rejected.inc();
      rejectedByReason[result.rejected().reason().ordinal()].inc();
      ctx.output(DEAD_LETTERS, result.rejected());
    }
  }

  /** How a raw record becomes the bytes a parser reads. */
  @FunctionalInterface
  private interface ToBytes<T> extends Serializable {
    byte[] apply(T record);
  }
}
