package io.recs.event;

import java.io.Serializable;
import java.util.Objects;
import org.apache.flink.annotation.PublicEvolving;

/**
 * The number of distinct users who interacted with an item so far (capped per user by {@code
 * maxItemsPerUser}, see {@link io.recs.similarity.SimilarityConfig}).
 *
 * @param itemId the item
 * @param users the number of users
 * @param timestamp event time of the interaction that raised the count, epoch ms
 */
@PublicEvolving
public record ItemCount(String itemId, long users, long timestamp) implements Serializable {
  /** Validates the fields. */
  public ItemCount {
    Objects.requireNonNull(itemId, "itemId");
  }
}
