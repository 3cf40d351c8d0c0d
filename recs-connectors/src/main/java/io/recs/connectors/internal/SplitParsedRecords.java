package io.recs.connectors.internal;

import io.recs.connectors.ParsedStreams;
import io.recs.event.Interaction;
import io.recs.event.RejectedRecord;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/** Splits parsed records into interactions (main output) and dead letters (side output). */
@Internal
public final class SplitParsedRecords extends ProcessFunction<ParsedRecord, Interaction> {
  private static final long serialVersionUID = 1L;

  static final OutputTag<RejectedRecord> DEAD_LETTERS =
      new OutputTag<>("dead-letters", TypeInformation.of(RejectedRecord.class));

  /**
   * Adds the split after {@code parsed}; the operator gets the uid and name {@code name + "-split"}
   * so that its state-free position in the graph stays stable across job changes.
   */
  public static ParsedStreams split(DataStream<ParsedRecord> parsed, String name) {
    SingleOutputStreamOperator<Interaction> interactions =
        parsed
            .process(new SplitParsedRecords(), TypeInformation.of(Interaction.class))
            .name(name + "-split")
            .uid(name + "-split");
    return new ParsedStreams(interactions, interactions.getSideOutput(DEAD_LETTERS));
  }

  @Override
  public void processElement(ParsedRecord record, Context ctx, Collector<Interaction> out) {
    if (record.interaction != null) {
      out.collect(record.interaction);
    } else {
      ctx.output(DEAD_LETTERS, record.rejected);
    }
  }
}
