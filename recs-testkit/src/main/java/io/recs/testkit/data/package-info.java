/**
 * Synthetic interaction data for tests.
 *
 * <ul>
 *   <li>{@link io.recs.testkit.data.InteractionGenerator}: reproducible users, items and events
 *       with taste clusters, Zipf popularity and several action types; presets {@code standard},
 *       {@code small} and {@code tiny}.
 *   <li>{@link io.recs.testkit.data.InteractionFiles}: writes events as CSV or JSON lines.
 * </ul>
 */
package io.recs.testkit.data;
