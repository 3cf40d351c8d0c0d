package io.recs.connectors.internal;

import io.recs.event.Interaction;
import io.recs.event.RejectReason;
import io.recs.parse.ParseFunction;
import io.recs.parse.ParseResult;
import io.recs.parse.ParsedStreams;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Splits parsed records into interactions (main output) and dead letters (side output). Every
 * interaction of an accepted record is emitted with its own event time as timestamp, which a {@code
 * ProcessFunction} could not do for a record holding several events; a dead letter keeps the
 * record's timestamp.
 *
 * <p>Metrics, with the names of {@link ParseFunction}: {@code recordsAccepted}, {@code
 * eventsAccepted} (interactions emitted), {@code recordsRejected} and {@code rejected_<REASON>}.
 */
@Internal
public final class SplitParsedRecords extends AbstractStreamOperator<Interaction>
    implements OneInputStreamOperator<ParseResult, Interaction> {
  private static final long serialVersionUID = 1L;

  private transient StreamRecord<Interaction> reuse;
  private transient Counter recordsAccepted;
  private transient Counter eventsAccepted;
  private transient Counter recordsRejected;
  private transient Counter[] rejectedByReason;

  SplitParsedRecords() {}

  /**
   * Adds the split after {@code parsed}; the operator gets the uid and name {@code name + "-split"}
   * so that its state-free position in the graph stays stable across job changes.
   */
  public static ParsedStreams split(DataStream<ParseResult> parsed, String name) {
    SingleOutputStreamOperator<Interaction> interactions =
        parsed
            .transform(
                name + "-split", TypeInformation.of(Interaction.class), new SplitParsedRecords())
            .uid(name + "-split");
    return new ParsedStreams(interactions, interactions.getSideOutput(ParseFunction.DEAD_LETTERS));
  }

  @Override
  public void open() throws Exception {
    super.open();
    reuse = new StreamRecord<>(null);
    MetricGroup metrics = getMetricGroup();
    recordsAccepted = metrics.counter(ParseFunction.RECORDS_ACCEPTED);
    eventsAccepted = metrics.counter(ParseFunction.EVENTS_ACCEPTED);
    recordsRejected = metrics.counter(ParseFunction.RECORDS_REJECTED);
    RejectReason[] reasons = RejectReason.values();
    rejectedByReason = new Counter[reasons.length];
    for (RejectReason reason : reasons) {
      rejectedByReason[reason.ordinal()] =
          metrics.counter(ParseFunction.REJECTED_PREFIX + reason.name());
    }
  }

  @Override
  public void processElement(StreamRecord<ParseResult> element) {
    ParseResult record = element.getValue();
    if (record.isAccepted()) {
      recordsAccepted.inc();
      int count = record.interactionCount();
      eventsAccepted.inc(count);
      for (int i = 0; i < count; i++) {
        Interaction interaction = record.interaction(i);
        output.collect(reuse.replace(interaction, interaction.timestamp()));
      }
    } else {
      recordsRejected.inc();
      rejectedByReason[record.rejected().reason().ordinal()].inc();
      output.collect(ParseFunction.DEAD_LETTERS, element.replace(record.rejected()));
    }
  }
}
