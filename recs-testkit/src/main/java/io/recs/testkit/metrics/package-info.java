/**
 * Ranking-quality evaluation.
 *
 * <ul>
 *   <li>{@link io.recs.testkit.metrics.Recommender} and {@link
 *       io.recs.testkit.metrics.IncrementalRecommender}: what is evaluated.
 *   <li>{@link io.recs.testkit.metrics.Splits}: per-user train/test splits, by time or at random.
 *   <li>{@link io.recs.testkit.metrics.RankingMetrics}: precision, recall, NDCG, MAP and hit rate
 *       at k.
 *   <li>{@link io.recs.testkit.metrics.PrequentialEvaluator}: test-then-learn hit rate.
 * </ul>
 */
package io.recs.testkit.metrics;
