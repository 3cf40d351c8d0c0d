package io.recs.scoring;

import io.recs.config.Checks;
import io.recs.config.RecsOption;
import io.recs.config.RecsSettings;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.util.TimeUtils;

/** The settings of {@link ScoringConfig}, declared once. */
@PublicEvolving
public final class ScoringOptions {
  private ScoringOptions() {}

  /** The values of {@link #SCORER}. */
  public enum ScorerName {
    /** {@link Scorers#sum()}. */
    SUM,
    /** {@link Scorers#normalizedSum()}. */
    NORMALIZED_SUM,
    /** {@link Scorers#max()}. */
    MAX;

    Scorer scorer() {
      return switch (this) {
        case SUM -> Scorers.sum();
        case NORMALIZED_SUM -> Scorers.normalizedSum();
        case MAX -> Scorers.max();
      };
    }
  }

  public static final RecsOption<Integer> N =
      RecsOption.key("scoring.n")
          .flag("n")
          .intType()
          .defaultValue(10)
          .check(Checks.positive())
          .description("Recommendations per list.");

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

  public static final RecsOption<Integer> CANDIDATES_PER_SEED =
      RecsOption.key("scoring.candidates-per-seed")
          .flag("candidates-per-seed")
          .intType()
          .defaultValue(20)
          .check(Checks.positive())
          .description(
              "Neighbours of each seed considered as candidates; at most similarity.neighbours.");

  public static final RecsOption<ScorerName> SCORER =
      RecsOption.key("scoring.scorer")
          .flag("scorer")
          .enumType(ScorerName.class)
          .defaultValue(ScorerName.SUM)
          .description("How a candidate's contributions from seeds combine into its score.");

  public static final RecsOption<Boolean> NORMALIZE_SEEDS =
      RecsOption.key("scoring.normalize-seeds")
          .flag("normalize-seeds")
          .booleanType()
          .defaultValue(false)
          .description(
              "Divide each seed's similarities by their sum over its candidates-per-seed"
                  + " neighbours, so that every seed votes with its affinity alone, whatever the"
                  + " scale of its row.");

  public static final RecsOption<NeighbourLookup> LOOKUP =
      RecsOption.key("scoring.lookup")
          .flag("lookup")
          .enumType(NeighbourLookup.class)
          .defaultValue(NeighbourLookup.PARTITIONED)
          .description(
              "partitioned (each seed's neighbours looked up at its partition; memory-safe) or"
                  + " replicated (candidate lists broadcast to every ranking subtask; lowest"
                  + " latency).");

  public static final RecsOption<Integer> MAX_SEEN_ITEMS =
      RecsOption.key("scoring.max-seen-items")
          .flag("max-seen-items")
          .intType()
          .defaultValue(1000)
          .check(Checks.positive())
          .description("Items per user remembered as seen and never recommended.");

  public static final RecsOption<Integer> EXPLANATIONS =
      RecsOption.key("scoring.explanations")
          .flag("explanations")
          .intType()
          .defaultValue(2)
          .check(Checks.atLeast(0))
          .description("History items named in each recommendation's explanation.");

  public static final RecsOption<Boolean> TRENDING_BACKFILL =
      RecsOption.key("scoring.trending-backfill")
          .flag("trending-backfill")
          .booleanType()
          .defaultValue(true)
          .description("Fill lists shorter than n with trending items.");

  public static final RecsOption<Boolean> RESTRICT_TO_EVENT_CATEGORY =
      RecsOption.key("scoring.restrict-to-event-category")
          .flag("restrict-to-event-category")
          .booleanType()
          .defaultValue(false)
          .description("Restrict a list triggered by an event with a category to that category.");

  public static final RecsOption<List<String>> BLOCKLIST =
      RecsOption.key("scoring.blocklist")
          .flag("blocklist")
          .listType()
          .defaultValue(List.of())
          .description("Item ids never recommended.");

  /** Every option of this class, in the order of the docs. */
  public static final List<RecsOption<?>> ALL =
      List.of(
          N,
          EMIT,
          SEED_ITEMS,
          CANDIDATES_PER_SEED,
          SCORER,
          NORMALIZE_SEEDS,
          LOOKUP,
          MAX_SEEN_ITEMS,
          EXPLANATIONS,
          TRENDING_BACKFILL,
          RESTRICT_TO_EVENT_CATEGORY,
          BLOCKLIST);

  /** The configuration of {@code settings}. */
  public static ScoringConfig config(RecsSettings settings) {
    ScoringConfig.Builder builder =
        ScoringConfig.builder()
            .n(settings.get(N))
            .seedItems(settings.get(SEED_ITEMS))
            .candidatesPerSeed(settings.get(CANDIDATES_PER_SEED))
            .normalizeSeeds(settings.get(NORMALIZE_SEEDS))
            .neighbourLookup(settings.get(LOOKUP))
            .maxSeenItems(settings.get(MAX_SEEN_ITEMS))
            .explanations(settings.get(EXPLANATIONS))
            .trendingBackfill(settings.get(TRENDING_BACKFILL))
            .restrictToEventCategory(settings.get(RESTRICT_TO_EVENT_CATEGORY))
            .blocklist(new HashSet<>(settings.get(BLOCKLIST)));
    if (settings.isSet(SCORER)) {
      builder.scorer(settings.get(SCORER).scorer());
    }
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
