package io.recs.event;

import java.io.Serializable;
import java.util.Objects;
import org.apache.flink.annotation.PublicEvolving;

/**
 * An item's category, as the latest interaction with a category said.
 *
 * @param itemId the item
 * @param category its category
 */
@PublicEvolving
public record ItemCategory(String itemId, String category) implements Serializable {
  /** Validates the fields. */
  public ItemCategory {
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(category, "category");
  }
}
