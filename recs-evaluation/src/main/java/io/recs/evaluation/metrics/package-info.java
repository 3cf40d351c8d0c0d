/**
 * Ranking-quality evaluation.
 *
 * <ul>
 *   <li>{@link io.recs.evaluation.metrics.Recommender} and {@link
 *       io.recs.evaluation.metrics.IncrementalRecommender}: what is evaluated.
 *   <li>{@link io.recs.evaluation.metrics.Splits}: per-user train/test splits, by time or at
 *       random.
 *   <li>{@link io.recs.evaluation.metrics.RankingMetrics}: precision, recall, NDCG, MAP and hit
 *       rate at k.
 *   <li>{@link io.recs.evaluation.metrics.PrequentialEvaluator}: test-then-learn hit rate.
 * </ul>
 */
package io.recs.evaluation.metrics;
