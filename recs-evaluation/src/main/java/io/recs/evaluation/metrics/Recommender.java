package io.recs.evaluation.metrics;

import java.util.List;
import org.apache.flink.annotation.PublicEvolving;

/**
 * Anything that ranks items for a user, so that {@link RankingMetrics} can evaluate it.
 *
 * <pre>{@code
 * Recommender recommender = ItemCosineRecommender.trainedOn(split.train());
 * RankingReport report = RankingMetrics.evaluate(recommender, split.test(), 10);
 * }</pre>
 */
@PublicEvolving
@FunctionalInterface
public interface Recommender {

  /**
   * The user's top items, best first.
   *
   * @param userId the user; unknown users get whatever the recommender can offer, possibly nothing
   * @param n how many items at most
   * @return at most {@code n} distinct item ids, never null
   */
  List<String> recommend(String userId, int n);
}
