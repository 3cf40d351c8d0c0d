package io.recs.testkit.driver;

import io.recs.event.Interaction;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * A watermark after every interaction, {@code maxOutOfOrderness} behind the latest event time. It
 * depends only on the input, never on wall-clock time, so that runs are repeatable (Flink's
 * periodic watermarks would depend on how fast the job runs).
 */
final class PunctuatedWatermarks implements WatermarkGenerator<Interaction> {
  private final long maxOutOfOrderness;
  private long maxTimestamp = Long.MIN_VALUE;

  private PunctuatedWatermarks(long maxOutOfOrderness) {
    this.maxOutOfOrderness = maxOutOfOrderness;
  }

  static WatermarkStrategy<Interaction> strategy(Duration maxOutOfOrderness) {
    long lag = maxOutOfOrderness.toMillis();
    return WatermarkStrategy.<Interaction>forGenerator(ctx -> new PunctuatedWatermarks(lag))
        .withTimestampAssigner((interaction, previous) -> interaction.timestamp());
  }

  @Override
  public void onEvent(Interaction event, long eventTimestamp, WatermarkOutput output) {
    if (eventTimestamp > maxTimestamp) {
      maxTimestamp = eventTimestamp;
      output.emitWatermark(new Watermark(maxTimestamp - maxOutOfOrderness - 1));
    }
  }

  @Override
  public void onPeriodicEmit(WatermarkOutput output) {}
}
