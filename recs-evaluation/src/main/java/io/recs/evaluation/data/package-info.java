/**
 * Synthetic interaction data, for the demo, evaluations and tests.
 *
 * <ul>
 *   <li>{@link io.recs.evaluation.data.InteractionGenerator}: reproducible users, items and events
 *       with taste clusters, Zipf popularity and several action types; presets {@code standard},
 *       {@code small} and {@code tiny}.
 *   <li>{@link io.recs.evaluation.data.InteractionFiles}: writes events as CSV or JSON lines.
 * </ul>
 */
package io.recs.evaluation.data;
