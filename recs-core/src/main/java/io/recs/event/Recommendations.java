package io.recs.event;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * The current top-N recommendations for one user.
 *
 * @param userId the user
 * @param items ranked best first; each carries its score and explanation
 * @param timestamp the event time of the interaction or request that triggered this list
 * @param isFinal whether this is the user's final list, computed from the final state when a
 *     bounded input ended (its timestamp is the user's latest event time)
 */
@PublicEvolving
@TypeInfo(SerializerTypeInfo.RecommendationsFactory.class)
public record Recommendations(
    String userId, List<ScoredItem> items, long timestamp, boolean isFinal)
    implements Serializable {

  /** Validates the fields and copies {@code items}. */
  public Recommendations {
    Objects.requireNonNull(userId, "userId");
    items = items == null ? List.of() : List.copyOf(items);
  }

  /** A list that is not final. */
  public Recommendations(String userId, List<ScoredItem> items, long timestamp) {
    this(userId, items, timestamp, false);
  }
}
