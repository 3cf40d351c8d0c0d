package io.recs.request;

import org.apache.flink.annotation.Internal;

/**
 * The user interacted with {@code item} through {@code action}: the ranking stage excludes it (see
 * {@link io.recs.scoring.SeenFilter}) and, when it learns, learns from it.
 */
@Internal
public record Seen(String user, String item, String action, long time) implements RankInput {}
