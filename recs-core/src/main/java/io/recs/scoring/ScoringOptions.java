package io.recs.scoring;

import io.recs.config.Checks;
import io.recs.config.RecsOption;
import io.recs.config.RecsSettings;
import java.util.HashSet;
import java.util.List;
import org.apache.flink.annotation.PublicEvolving;

/**
 * The settings of {@link ScoringConfig}, declared once. The settings of requests (when lists are
 * emitted, seeds, lookup) keep their {@code scoring.} keys but are declared in {@code
 * io.recs.request.RequestOptions}.
 */
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

  public static final RecsOption<List<String>> BLOCKLIST =
      RecsOption.key("scoring.blocklist")
          .flag("blocklist")
          .listType()
          .defaultValue(List.of())
          .description("Item ids never recommended.");

  /** Every option of this class, in the order of the docs. */
  public static final List<RecsOption<?>> ALL =
      List.of(
          N, SCORER, NORMALIZE_SEEDS, MAX_SEEN_ITEMS, EXPLANATIONS, TRENDING_BACKFILL, BLOCKLIST);

  /** The configuration of {@code settings}. */
  public static ScoringConfig config(RecsSettings settings) {
    ScoringConfig.Builder builder =
        ScoringConfig.builder()
            .n(settings.get(N))
            .normalizeSeeds(settings.get(NORMALIZE_SEEDS))
            .maxSeenItems(settings.get(MAX_SEEN_ITEMS))
            .explanations(settings.get(EXPLANATIONS))
            .trendingBackfill(settings.get(TRENDING_BACKFILL))
            .blocklist(new HashSet<>(settings.get(BLOCKLIST)));
    if (settings.isSet(SCORER)) {
      builder.scorer(settings.get(SCORER).scorer());
    }
    return builder.build();
  }
}
