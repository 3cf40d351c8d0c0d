package io.recs.event;

import java.io.Serializable;
import java.util.Objects;
import org.apache.flink.annotation.PublicEvolving;

/**
 * An explicit request for a user's recommendations, for example when a page is rendered.
 *
 * @param userId the user
 * @param n how many items to return; 0 means the pipeline's configured N
 * @param category if not null, recommend only items of this category
 * @param timestamp event time of the request, epoch ms
 */
@PublicEvolving
public record RecommendationRequest(String userId, int n, String category, long timestamp)
    implements Serializable {

  /** Validates the fields. */
  public RecommendationRequest {
    Objects.requireNonNull(userId, "userId");
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, was " + n);
    }
    if (category != null && category.isBlank()) {
      category = null;
    }
  }

  /** A request for the configured N items of any category. */
  public static RecommendationRequest of(String userId, long timestamp) {
    return new RecommendationRequest(userId, 0, null, timestamp);
  }
}
