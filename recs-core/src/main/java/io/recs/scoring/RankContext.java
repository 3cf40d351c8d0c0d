package io.recs.scoring;

import io.recs.event.TrendingItems;
import org.apache.flink.annotation.Internal;

/**
 * Broadcast to every ranking subtask: a trending list, an item's category, or an item's top
 * candidates (with {@link NeighbourLookup#REPLICATED}).
 *
 * @param trending a trending list, or null
 * @param item the item whose category or candidates these are, or null
 * @param category that item's category, or null
 * @param candidates that item's top neighbours, best first, or null
 * @param similarities their similarities, parallel to {@code candidates}, or null
 */
@Internal
public record RankContext(
    TrendingItems trending,
    String item,
    String category,
    String[] candidates,
    double[] similarities) {

  /** A trending list. */
  public static RankContext of(TrendingItems trending) {
    return new RankContext(trending, null, null, null, null);
  }

  /** An item's category. */
  public static RankContext category(String item, String category) {
    return new RankContext(null, item, category, null, null);
  }

  /** An item's top candidates. */
  public static RankContext candidates(String item, String[] candidates, double[] similarities) {
    return new RankContext(null, item, null, candidates, similarities);
  }
}
