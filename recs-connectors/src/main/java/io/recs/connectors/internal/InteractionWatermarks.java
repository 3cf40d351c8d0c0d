package io.recs.connectors.internal;

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
  public static WatermarkStrategy<ParsedRecord> of(
      Duration maxOutOfOrderness, Duration idleTimeout) {
    WatermarkStrategy<ParsedRecord> strategy =
        WatermarkStrategy.<ParsedRecord>forGenerator(
                ctx -> new IgnoringDeadLetters(maxOutOfOrderness))
            .withTimestampAssigner(
                (record, recordTimestamp) ->
                    record.interactions != null ? record.latestTimestamp() : recordTimestamp);
    return idleTimeout == null ? strategy : strategy.withIdleness(idleTimeout);
  }

  private static final class IgnoringDeadLetters implements WatermarkGenerator<ParsedRecord> {
    private final BoundedOutOfOrdernessWatermarks<ParsedRecord> delegate;

    IgnoringDeadLetters(Duration maxOutOfOrderness) {
      delegate = new BoundedOutOfOrdernessWatermarks<>(maxOutOfOrderness);
    }

    @Override
    public void onEvent(ParsedRecord record, long timestamp, WatermarkOutput output) {
      if (record.interactions != null) {
        delegate.onEvent(record, timestamp, output);
      }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
      delegate.onPeriodicEmit(output);
    }
  }
}
