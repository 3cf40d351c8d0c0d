package io.recs.connectors.internal;

import io.recs.parse.ParseResult;
import java.time.Duration;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.eventtime.BoundedOutOfOrdernessWatermarks;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Event-time watermarks for parsed records: bounded out-of-orderness over the interactions' own
 * timestamps. A record holding several interactions (a session) gets the latest of their times as
 * its timestamp and moves the watermark by that time; {@link SplitParsedRecords} then emits each
 * interaction with its own time. Dead letters keep the source's timestamp (Kafka record time, or
 * none for files) but never move the watermark, because a malformed record's time says nothing
 * about event time.
 */
@Internal
public final class InteractionWatermarks {
  private InteractionWatermarks() {}

  /**
   * The strategy for a source.
   *
   * @param maxOutOfOrderness how late an interaction may arrive behind the latest one seen
   * @param idleTimeout after how long without records a split stops holding back the watermark, or
   *     null to never mark splits idle
   */
  public static WatermarkStrategy<ParseResult> of(
      Duration maxOutOfOrderness, Duration idleTimeout) {
    WatermarkStrategy<ParseResult> strategy =
        WatermarkStrategy.<ParseResult>forGenerator(
                ctx -> new IgnoringDeadLetters(maxOutOfOrderness))
            .withTimestampAssigner(
                (record, recordTimestamp) ->
                    record.isAccepted() ? latestTimestamp(record) : recordTimestamp);
    return idleTimeout == null ? strategy : strategy.withIdleness(idleTimeout);
  }

  /** The latest event time of an accepted record's interactions. */
  private static long latestTimestamp(ParseResult record) {
    long latest = Long.MIN_VALUE;
    for (int i = 0, count = record.interactionCount(); i < count; i++) {
      latest = Math.max(latest, record.interaction(i).timestamp());
    }
    return latest;
  }

  private static final class IgnoringDeadLetters implements WatermarkGenerator<ParseResult> {
    private final BoundedOutOfOrdernessWatermarks<ParseResult> delegate;

    IgnoringDeadLetters(Duration maxOutOfOrderness) {
      delegate = new BoundedOutOfOrdernessWatermarks<>(maxOutOfOrderness);
    }

    @Override
    public void onEvent(ParseResult record, long timestamp, WatermarkOutput output) {
      if (record.isAccepted()) {
        delegate.onEvent(record, timestamp, output);
      }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
      delegate.onPeriodicEmit(output);
    }
  }
}
