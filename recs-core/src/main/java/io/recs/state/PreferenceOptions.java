package io.recs.state;

import io.recs.config.Checks;
import io.recs.config.RecsOption;
import io.recs.config.RecsSettings;
import java.time.Duration;
import java.util.List;
import org.apache.flink.annotation.PublicEvolving;

/** The settings of {@link PreferenceConfig}, declared once. */
@PublicEvolving
public final class PreferenceOptions {
  private PreferenceOptions() {}

  public static final RecsOption<Duration> HALF_LIFE =
      RecsOption.key("preferences.half-life")
          .flag("half-life")
          .durationType()
          .defaultValue(Duration.ofDays(7))
          .check(Checks.positiveDuration())
          .description(
              "Half-life of a user's affinity to an item in event time; long for taste, short for"
                  + " next-item lists.");

  public static final RecsOption<Duration> STATE_TTL =
      RecsOption.key("preferences.state-ttl")
          .flag("state-ttl")
          .durationType()
          .check(Checks.positiveDuration())
          .description("Idle time after which a user's state is dropped; unset keeps it forever.");

  /** Every option of this class, in the order of the docs. */
  public static final List<RecsOption<?>> ALL = List.of(HALF_LIFE, STATE_TTL);

  /** The configuration of {@code settings}. */
  public static PreferenceConfig config(RecsSettings settings) {
    return PreferenceConfig.builder()
        .halfLife(settings.get(HALF_LIFE))
        .stateTtl(settings.get(STATE_TTL))
        .build();
  }
}
