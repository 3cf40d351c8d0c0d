package io.recs.evaluation.data;

import io.recs.evaluation.metrics.IncrementalRecommender;
import io.recs.event.Interaction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.flink.annotation.PublicEvolving;

/**
 * A ceiling for next-event lists on the generator's sets, not a recommender: it knows the model
 * that drew the events. It recommends the items of the taste cluster of the user's last item that
 * the user has not interacted with, most popular first; with interest drift, a session's events are
 * mostly drawn from one cluster by that popularity, so this is about the best list a recommender
 * that learns from the events could give.
 *
 * <pre>{@code
 * InteractionGenerator generator = InteractionGenerator.drifting(42);
 * PrequentialResult ceiling =
 *     PrequentialEvaluator.evaluate(generator.generate(), ClusterOracle.of(generator), 10);
 * }</pre>
 *
 * <p>Not thread-safe.
 */
@PublicEvolving
public final class ClusterOracle implements IncrementalRecommender {
  private final InteractionGenerator generator;
  private final Map<String, Set<String>> seen = new HashMap<>();
  private final Map<String, String> lastItem = new HashMap<>();

  private ClusterOracle(InteractionGenerator generator) {
    this.generator = generator;
  }

  /** The oracle of the generator that drew the events. */
  public static ClusterOracle of(InteractionGenerator generator) {
    return new ClusterOracle(Objects.requireNonNull(generator, "generator"));
  }

  @Override
  public void update(Interaction event) {
    seen.computeIfAbsent(event.userId(), u -> new HashSet<>()).add(event.itemId());
    lastItem.put(event.userId(), event.itemId());
  }

  @Override
  public List<String> recommend(String userId, int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("n must be > 0, was " + n);
    }
    String last = lastItem.get(userId);
    if (last == null) {
      return List.of();
    }
    Set<String> excluded = seen.get(userId);
    List<String> top = new ArrayList<>(n);
    for (String item : generator.clusterItemsOf(last)) {
      if (top.size() == n) {
        break;
      }
      if (!excluded.contains(item)) {
        top.add(item);
      }
    }
    return top;
  }
}
