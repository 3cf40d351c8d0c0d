package io.recs.evaluation.reference;

import io.recs.event.Interaction;
import io.recs.event.ScoredItem;
import io.recs.event.TrendingItems;
import io.recs.trending.TrendingConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The final trending lists of {@code docs/recommendations.md}, computed directly: per scope (every
 * event is in {@link TrendingItems#GLOBAL}; with {@code perCategory}, an event with a category is
 * also in that category's scope), the popularity of an item at T is Σ w·2^(−(T − t)/H) over its
 * events in the scope, with T the latest event time of the scope. The list holds the {@code size}
 * most popular items with a positive weight in the scope, ties in tie order.
 */
final class ReferenceTrending {
  private ReferenceTrending() {}

  /** Scope to its final list. */
  static Map<String, List<ScoredItem>> compute(List<Interaction> events, TrendingConfig config) {
    Map<String, List<Interaction>> scopes = new TreeMap<>();
    for (Interaction event : events) {
      scopes.computeIfAbsent(TrendingItems.GLOBAL, s -> new ArrayList<>()).add(event);
      if (config.perCategory() && event.category() != null) {
        scopes.computeIfAbsent(event.category(), s -> new ArrayList<>()).add(event);
      }
    }
    Map<String, List<ScoredItem>> lists = new TreeMap<>();
    scopes.forEach((scope, scoped) -> lists.put(scope, listOf(scoped, config)));
    return lists;
  }

  private static List<ScoredItem> listOf(List<Interaction> events, TrendingConfig config) {
    long now = events.stream().mapToLong(Interaction::timestamp).max().orElseThrow();
    double halfLifeMs = config.halfLife().toMillis();
    Map<String, Double> popularity = new HashMap<>();
    for (Interaction event : events) {
      if (event.weight() > 0) {
        double decayed = event.weight() * Math.pow(2, -(now - event.timestamp()) / halfLifeMs);
        popularity.merge(event.itemId(), decayed, Double::sum);
      }
    }
    List<ScoredItem> ranked = new ArrayList<>();
    popularity.forEach((item, score) -> ranked.add(ScoredItem.of(item, score)));
    ranked.sort(NeighbourRanking.BEST_FIRST);
    return List.copyOf(ranked.subList(0, Math.min(config.size(), ranked.size())));
  }
}
