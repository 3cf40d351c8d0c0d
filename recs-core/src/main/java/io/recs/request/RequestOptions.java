package io.recs.request;

import io.recs.config.Checks;
import io.recs.config.RecsOption;
import io.recs.config.RecsSettings;
import java.time.Duration;
import java.util.List;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.util.TimeUtils;

/**
 * The settings of {@link RequestConfig}, declared once: when lists are emitted, the seeds of a
 * request, and where their neighbours are looked up. Their keys keep the {@code scoring.} prefix
 * they had when they were part of the scoring settings, so that users' settings stay valid.
 */
@PublicEvolving
public final class RequestOptions {
  private RequestOptions() {}

  public static final RecsOption<String> EMIT =
      RecsOption.key("scoring.emit")
          .flag("emit")
          .stringType()
          .defaultValue("per-event")
          .check(emitCheck())
          .description(
              "When lists are emitted: per-event (after every interaction), final (once per user"
                  + " when a bounded input ends) or interval:<duration> (at most one per user per"
                  + " event-time interval, latest wins). Final lists always follow a bounded input"
                  + " and carry \"final\": true.");

  public static final RecsOption<Integer> SEED_ITEMS =
      RecsOption.key("scoring.seed-items")
          .flag("seed-items")
          .intType()
          .defaultValue(20)
          .check(Checks.positive())
          .description(
              "History items a list is computed from (highest decayed affinity); at most"
                  + " similarity.history-size.");

  public static final RecsOption<SeedWeights> SEED_WEIGHTS =
      RecsOption.key("scoring.seed-weights")
          .flag("seed-weights")
          .enumType(SeedWeights.class)
          .defaultValue(SeedWeights.AFFINITY)
          .description(
              "affinity (the seeds are the items of highest decayed affinity, events' weights"
                  + " summed) or recency (the most recent items, weighing 0.5^(age / half-life)"
                  + " whatever their events' weights).");

  public static final RecsOption<Integer> CANDIDATES_PER_SEED =
      RecsOption.key("scoring.candidates-per-seed")
          .flag("candidates-per-seed")
          .intType()
          .defaultValue(20)
          .check(Checks.positive())
          .description(
              "Neighbours of each seed considered as candidates; at most similarity.neighbours.");

  public static final RecsOption<NeighbourLookup> LOOKUP =
      RecsOption.key("scoring.lookup")
          .flag("lookup")
          .enumType(NeighbourLookup.class)
          .defaultValue(NeighbourLookup.PARTITIONED)
          .description(
              "partitioned (each seed's neighbours looked up at its partition; memory-safe) or"
                  + " replicated (candidate lists broadcast to every ranking subtask; lowest"
                  + " latency).");

  public static final RecsOption<Boolean> RESTRICT_TO_EVENT_CATEGORY =
      RecsOption.key("scoring.restrict-to-event-category")
          .flag("restrict-to-event-category")
          .booleanType()
          .defaultValue(false)
          .description("Restrict a list triggered by an event with a category to that category.");

  /** Every option of this class, in the order of the docs. */
  public static final List<RecsOption<?>> ALL =
      List.of(
          EMIT, SEED_ITEMS, SEED_WEIGHTS, CANDIDATES_PER_SEED, LOOKUP, RESTRICT_TO_EVENT_CATEGORY);

  /** The configuration of {@code settings}. */
  public static RequestConfig config(RecsSettings settings) {
    RequestConfig.Builder builder =
        RequestConfig.builder()
            .seedItems(settings.get(SEED_ITEMS))
            .seedWeights(settings.get(SEED_WEIGHTS))
            .candidatesPerSeed(settings.get(CANDIDATES_PER_SEED))
            .neighbourLookup(settings.get(LOOKUP))
            .restrictToEventCategory(settings.get(RESTRICT_TO_EVENT_CATEGORY));
    String emit = settings.get(EMIT);
    if (emit.equals("final")) {
      builder.triggerOnInteraction(false);
    } else if (emit.startsWith("interval:")) {
      builder.triggerInterval(emitInterval(emit));
    }
    return builder.build();
  }

  /** Whether {@code emit} asks for final lists only. */
  public static boolean finalOnly(RecsSettings settings) {
    return settings.get(EMIT).equals("final");
  }

  private static Duration emitInterval(String emit) {
    return TimeUtils.parseDuration(emit.substring("interval:".length()).trim());
  }

  private static RecsOption.Check<String> emitCheck() {
    return new RecsOption.Check<>() {
      @Override
      public String problem(String value) {
        if (value.equals("per-event") || value.equals("final")) {
          return null;
        }
        if (value.startsWith("interval:")) {
          try {
            Duration interval = emitInterval(value);
            return interval.isNegative() || interval.isZero() ? "must have an interval > 0" : null;
          } catch (RuntimeException e) {
            return "must have a duration after interval:, such as interval:10s";
          }
        }
        return "must be per-event, final or interval:<duration>";
      }

      @Override
      public String requirement() {
        return "per-event, final or interval:<duration>";
      }
    };
  }
}
