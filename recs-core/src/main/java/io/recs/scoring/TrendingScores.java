package io.recs.scoring;

import io.recs.event.TrendingItems;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The trending scores of the linear model's trending feature, by item: computed once per trending
 * list (the ranking stage holds the latest list per scope and asks for one list many times in a
 * row), not per request. Not thread-safe.
 */
final class TrendingScores {
  private TrendingItems seen;
  private Map<String, Double> scores;

  /** Item to score in {@code trending}, 0 for an item not in it or when it is null. */
  ToDoubleFunction<String> of(TrendingItems trending) {
    if (trending == null) {
      return item -> 0;
    }
    if (trending != seen) {
      Map<String, Double> computed = new HashMap<>();
      trending.items().forEach(item -> computed.put(item.itemId(), item.score()));
      scores = computed;
      seen = trending;
    }
    Map<String, Double> current = scores;
    return item -> current.getOrDefault(item, 0.0);
  }
}
