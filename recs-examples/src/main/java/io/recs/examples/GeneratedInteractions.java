package io.recs.examples;

import io.recs.event.Interaction;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * A source that replays a list of interactions, once (bounded) or in an endless loop shifted in
 * time so that event time keeps increasing (unbounded), optionally at a fixed rate.
 */
final class GeneratedInteractions {
  private GeneratedInteractions() {}

  /**
   * @param loops how many times to replay the list; {@code Long.MAX_VALUE} for endless
   * @param rate events per second, or 0 for as fast as possible
   */
  static DataStream<Interaction> replay(
      StreamExecutionEnvironment env, List<Interaction> events, long loops, double rate) {
    long count = loops == Long.MAX_VALUE ? Long.MAX_VALUE : loops * events.size();
    DataGeneratorSource<Interaction> source =
        new DataGeneratorSource<>(
            new Replay(events),
            count,
            rate > 0 ? RateLimiterStrategy.perSecond(rate) : RateLimiterStrategy.noOp(),
            TypeInformation.of(Interaction.class));
    return env.fromSource(
            source,
            WatermarkStrategy.<Interaction>forMonotonousTimestamps()
                .withTimestampAssigner((event, previous) -> event.timestamp()),
            "generated interactions")
        .setParallelism(1);
  }

  /** Maps an index to an event of the list, shifted by one time span per loop. */
  private static final class Replay implements GeneratorFunction<Long, Interaction> {
    private static final long serialVersionUID = 1L;
    private final Interaction[] events;
    private final long span;

    Replay(List<Interaction> events) {
      this.events = events.toArray(new Interaction[0]);
      this.span = this.events[this.events.length - 1].timestamp() - this.events[0].timestamp() + 1;
    }

    @Override
    public Interaction map(Long index) {
      Interaction event = events[(int) (index % events.length)];
      long shift = (index / events.length) * span;
      return shift == 0
          ? event
          : new Interaction(
              event.userId(),
              event.itemId(),
              event.action(),
              event.weight(),
              event.timestamp() + shift,
              event.category());
    }
  }
}
