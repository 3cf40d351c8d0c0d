package io.recs.request;

import org.apache.flink.annotation.Internal;

/** An item's category, when it first becomes known or changes. */
@Internal
public record CategoryUpdate(String item, String category) implements RankUpdate {}
