package io.recs.testkit.reference;

import io.recs.event.ScoredItem;
import java.util.Comparator;

/** The one ordering of ranked lists in recs: higher score first, then item id ascending. */
final class NeighbourRanking {
  static final Comparator<ScoredItem> BEST_FIRST =
      Comparator.comparingDouble(ScoredItem::score).reversed().thenComparing(ScoredItem::itemId);

  private NeighbourRanking() {}
}
