package io.recs.pipeline;

import io.recs.config.RecsSettings;
import io.recs.request.NeighbourLookup;
import io.recs.request.RequestOptions;
import io.recs.request.SeedWeights;
import io.recs.scoring.ScoringOptions;
import io.recs.similarity.SimilarityMeasure;
import io.recs.similarity.SimilarityOptions;
import io.recs.state.PreferenceOptions;
import java.time.Duration;
import org.apache.flink.annotation.PublicEvolving;

/**
 * Named bundles of settings for the two kinds of list; see {@code docs/presets.md} for the figures
 * behind them. Settings given explicitly override a preset's.
 *
 * <pre>{@code
 * RecsPipeline pipeline = RecsPipeline.builder().preset(Preset.TASTE).build();
 * }</pre>
 */
@PublicEvolving
public enum Preset {
  /** The library defaults, tuned for recency (20 seeds, 7-day affinity half-life). */
  DEFAULT(RecsSettings.empty()),

  /**
   * "More like your whole taste" (home page, e-mail): the whole bounded history scores, with cosine
   * similarity, a ten-year affinity half-life, every item of a 500-item history as a seed, 200
   * candidates (each seed's whole row of 200 neighbours) normalised per seed, and no down-sampling
   * caps. Best on a random per-user holdout; costs one neighbour row per history item per list.
   */
  TASTE(
      RecsSettings.empty()
          .with(SimilarityOptions.MEASURE, SimilarityMeasure.COSINE)
          .with(SimilarityOptions.HISTORY_SIZE, 500)
          .with(SimilarityOptions.NEIGHBOURS, 200)
          .with(SimilarityOptions.MAX_ITEMS_PER_USER, 100_000)
          .with(RequestOptions.SEED_ITEMS, 500)
          .with(RequestOptions.CANDIDATES_PER_SEED, 200)
          .with(ScoringOptions.NORMALIZE_SEEDS, true)
          .with(PreferenceOptions.HALF_LIFE, Duration.ofDays(3650))),

  /**
   * "What next" (session, feed): the 10 most recent items score, each weighing its recency with a
   * one-hour half-life whatever its events' weights, each with its whole row of 500 neighbours as
   * candidates (5,000 contributions per list, against 400 for the defaults' 20 seeds × 20), looked
   * up in candidate lists replicated to every ranking subtask, which are as fresh as the ranking
   * itself; the lists are rescored from the whole row every 20 column updates and co-occurrence
   * updates wait at most 10 ms before they are sent, so that live lists do not go stale. A list
   * triggered by an event that carries a category holds items of that category only (trending items
   * of the category fill it up); events without a category are not restricted. Best when predicting
   * the user's next event.
   */
  NEXT_ITEM(
      RecsSettings.empty()
          .with(SimilarityOptions.NEIGHBOURS, 500)
          .with(SimilarityOptions.RECOMPUTE_EVERY, 20)
          .with(SimilarityOptions.ROW_BATCH_INTERVAL, Duration.ofMillis(10))
          .with(RequestOptions.SEED_ITEMS, 10)
          .with(RequestOptions.SEED_WEIGHTS, SeedWeights.RECENCY)
          .with(RequestOptions.CANDIDATES_PER_SEED, 500)
          .with(RequestOptions.LOOKUP, NeighbourLookup.REPLICATED)
          .with(RequestOptions.RESTRICT_TO_EVENT_CATEGORY, true)
          .with(PreferenceOptions.HALF_LIFE, Duration.ofHours(1)));

  private final RecsSettings settings;

  Preset(RecsSettings settings) {
    this.settings = settings;
  }

  /** The settings this preset sets; all others keep their defaults. */
  public RecsSettings settings() {
    return settings;
  }
}
