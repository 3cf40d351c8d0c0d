package io.recs.evaluation.reference;

import io.recs.evaluation.metrics.IncrementalRecommender;
import io.recs.event.Interaction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.annotation.PublicEvolving;

/**
 * The most-popular baseline: items ranked by how many distinct users interacted with them.
 *
 * <pre>{@code
 * Recommender popular = MostPopularRecommender.trainedOn(split.train());
 * PrequentialResult online =
 *     PrequentialEvaluator.evaluate(events, MostPopularRecommender.empty(), 10);
 * }</pre>
 *
 * <p>Recommends the items with the most distinct users, excluding those the user interacted with,
 * ties by item id. It is incremental: {@link #update(Interaction)} counts one more event, so the
 * same class serves the offline split and the prequential protocol. Not thread-safe.
 */
@PublicEvolving
public final class MostPopularRecommender implements IncrementalRecommender {
  private record Popularity(String itemId, int users) {}

  private static final Comparator<Popularity> MOST_POPULAR_FIRST =
      Comparator.comparingInt(Popularity::users).reversed().thenComparing(Popularity::itemId);

  private final Map<String, Set<String>> itemsOfUser = new HashMap<>();
  private final Map<String, Popularity> popularity = new HashMap<>();
  private final TreeSet<Popularity> ranking = new TreeSet<>(MOST_POPULAR_FIRST);

  private MostPopularRecommender() {}

  /** A recommender that has seen nothing yet and recommends nothing until updated. */
  public static MostPopularRecommender empty() {
    return new MostPopularRecommender();
  }

  /** A recommender that has seen the events. */
  public static MostPopularRecommender trainedOn(List<Interaction> train) {
    Objects.requireNonNull(train, "train");
    MostPopularRecommender recommender = new MostPopularRecommender();
    train.forEach(recommender::update);
    return recommender;
  }

  @Override
  public void update(Interaction event) {
    boolean newUserOfItem =
        itemsOfUser.computeIfAbsent(event.userId(), u -> new HashSet<>()).add(event.itemId());
    if (newUserOfItem) {
      Popularity before = popularity.get(event.itemId());
      if (before != null) {
        ranking.remove(before);
      }
      Popularity after = new Popularity(event.itemId(), before == null ? 1 : before.users() + 1);
      popularity.put(event.itemId(), after);
      ranking.add(after);
    }
  }

  @Override
  public List<String> recommend(String userId, int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("n must be > 0, was " + n);
    }
    Set<String> seen = itemsOfUser.getOrDefault(userId, Set.of());
    List<String> top = new ArrayList<>(n);
    for (Popularity item : ranking) {
      if (top.size() == n) {
        break;
      }
      if (!seen.contains(item.itemId())) {
        top.add(item.itemId());
      }
    }
    return top;
  }

  /** The number of distinct users of the item so far. */
  public int userCount(String itemId) {
    Popularity item = popularity.get(itemId);
    return item == null ? 0 : item.users();
  }
}
