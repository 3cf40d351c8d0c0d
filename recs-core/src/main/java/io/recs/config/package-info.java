/**
 * Settings declared once: {@link io.recs.config.RecsOption} (key, flag, type, default, description,
 * validation) and {@link io.recs.config.RecsSettings} (the values of a run). The options of each
 * stage live next to its configuration, for example {@code io.recs.similarity.SimilarityOptions}.
 */
package io.recs.config;
