package io.recs.event;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.apache.flink.annotation.PublicEvolving;

/**
 * An item with a score and, for recommendations, a short explanation.
 *
 * @param itemId the item
 * @param score its score; higher is better; finite
 * @param because why it was chosen: the ids of the history items that contributed most, or {@code
 *     "trending"} for backfill; empty where no explanation applies (for example in {@link
 *     SimilarItems})
 */
@PublicEvolving
public record ScoredItem(String itemId, double score, List<String> because)
    implements Serializable {

  /** Validates the fields and copies {@code because}. */
  public ScoredItem {
    Objects.requireNonNull(itemId, "itemId");
    if (Double.isNaN(score)) {
      throw new IllegalArgumentException("score must not be NaN for item " + itemId);
    }
    because = because == null ? List.of() : List.copyOf(because);
  }

  /** A scored item without explanation. */
  public static ScoredItem of(String itemId, double score) {
    return new ScoredItem(itemId, score, List.of());
  }
}
