/**
 * Plain single-threaded computations to compare the streaming operators against.
 *
 * <ul>
 *   <li>{@link io.recs.evaluation.reference.BatchReference}: the correctness oracle of item
 *       similarity, exactly the semantics of {@code docs/architecture.md}.
 *   <li>{@link io.recs.evaluation.reference.ReferenceRecommendations}: the correctness oracle of
 *       each user's final recommendations, exactly the semantics of {@code
 *       docs/recommendations.md}.
 *   <li>{@link io.recs.evaluation.reference.ItemCosineRecommender} and {@link
 *       io.recs.evaluation.reference.MostPopularRecommender}: quality baselines for {@link
 *       io.recs.evaluation.metrics.RankingMetrics}.
 * </ul>
 */
package io.recs.evaluation.reference;
