package io.recs.event;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * The current top-K neighbours of one item.
 *
 * @param itemId the item
 * @param neighbours most similar first; ties in {@link TieBreak} order
 * @param timestamp the event time of the update that produced this list
 */
@PublicEvolving
@TypeInfo(SerializerTypeInfo.SimilarItemsFactory.class)
public record SimilarItems(String itemId, List<ScoredItem> neighbours, long timestamp)
    implements Serializable {

  /** Validates the fields and copies {@code neighbours}. */
  public SimilarItems {
    Objects.requireNonNull(itemId, "itemId");
    neighbours = neighbours == null ? List.of() : List.copyOf(neighbours);
  }
}
