package io.recs.scoring;

import io.recs.event.TrendingItems;
import org.apache.flink.annotation.Internal;

/**
 * Broadcast to every ranking subtask: either a trending list, or an item's category.
 *
 * @param trending a trending list, or null
 * @param item an item whose category is known, or null
 * @param category that item's category, or null
 */
@Internal
public record RankContext(TrendingItems trending, String item, String category) {

  /** A trending list. */
  public static RankContext of(TrendingItems trending) {
    return new RankContext(trending, null, null);
  }

  /** An item's category. */
  public static RankContext category(String item, String category) {
    return new RankContext(null, item, category);
  }
}
