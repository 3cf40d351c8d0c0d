package io.recs.request;

import io.recs.event.TrendingItems;
import org.apache.flink.annotation.Internal;

/** A scope's new trending list, for backfill and the trending feature. */
@Internal
public record TrendingUpdate(TrendingItems trending) implements RankUpdate {}
