package io.recs.event;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.apache.flink.annotation.PublicEvolving;

/**
 * The currently most popular items, globally or within one category.
 *
 * @param scope {@link #GLOBAL} or a category name
 * @param items most popular first, scored by decayed or windowed popularity; ties in {@link
 *     TieBreak} order
 * @param timestamp the event time at which the list was computed
 */
@PublicEvolving
public record TrendingItems(String scope, List<ScoredItem> items, long timestamp)
    implements Serializable {

  /** The scope of the catalogue-wide list. */
  public static final String GLOBAL = "*";

  /** Validates the fields and copies {@code items}. */
  public TrendingItems {
    Objects.requireNonNull(scope, "scope");
    items = items == null ? List.of() : List.copyOf(items);
  }
}
