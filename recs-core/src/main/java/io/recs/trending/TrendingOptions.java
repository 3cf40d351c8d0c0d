package io.recs.trending;

import io.recs.config.Checks;
import io.recs.config.RecsOption;
import io.recs.config.RecsSettings;
import java.time.Duration;
import java.util.List;
import org.apache.flink.annotation.PublicEvolving;

/** The settings of {@link TrendingConfig}, declared once. */
@PublicEvolving
public final class TrendingOptions {
  private TrendingOptions() {}

  public static final RecsOption<Duration> HALF_LIFE =
      RecsOption.key("trending.half-life")
          .flag("trending-half-life")
          .durationType()
          .defaultValue(Duration.ofDays(1))
          .check(Checks.positiveDuration())
          .description("Half-life of trending popularity; may change across a savepoint.");

  public static final RecsOption<Integer> SIZE =
      RecsOption.key("trending.size")
          .flag("trending-size")
          .intType()
          .defaultValue(100)
          .check(Checks.positive())
          .description("Items per trending list.");

  public static final RecsOption<Boolean> PER_CATEGORY =
      RecsOption.key("trending.per-category")
          .flag("trending-per-category")
          .booleanType()
          .defaultValue(true)
          .description("Keep a trending list per category besides the global one.");

  public static final RecsOption<Duration> EMIT_INTERVAL =
      RecsOption.key("trending.emit-interval")
          .flag("trending-interval")
          .intervalType()
          .defaultValue(Duration.ZERO)
          .check(Checks.nonNegativeDuration())
          .description(
              "Least event time between two lists of one scope; 0 emits on every change, end once"
                  + " when a bounded input ends. Unset with scoring.emit final, it is end.");

  /** Every option of this class, in the order of the docs. */
  public static final List<RecsOption<?>> ALL =
      List.of(HALF_LIFE, SIZE, PER_CATEGORY, EMIT_INTERVAL);

  /** The configuration of {@code settings}. */
  public static TrendingConfig config(RecsSettings settings) {
    return TrendingConfig.builder()
        .halfLife(settings.get(HALF_LIFE))
        .size(settings.get(SIZE))
        .perCategory(settings.get(PER_CATEGORY))
        .emitInterval(settings.get(EMIT_INTERVAL))
        .build();
  }
}
