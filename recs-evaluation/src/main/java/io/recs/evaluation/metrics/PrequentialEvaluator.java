package io.recs.evaluation.metrics;

import io.recs.event.Interaction;
import java.util.List;
import java.util.Objects;
import org.apache.flink.annotation.PublicEvolving;

/**
 * Prequential (test-then-learn) evaluation: predict each user's next event before learning it.
 *
 * <pre>{@code
 * PrequentialResult result =
 *     PrequentialEvaluator.evaluate(events, MostPopularRecommender.empty(), 10);
 * System.out.println(result.hitRate());
 * }</pre>
 *
 * <p>For each event in list order: ask the recommender for the event's user's top {@code k}, count
 * a hit if the event's item is among them, then {@link IncrementalRecommender#update feed} the
 * event. Every event is a request, including a user's first one and revisits of items that a
 * recommender excluding seen items cannot hit: the denominator is the same for every recommender,
 * so their hit rates compare directly.
 */
@PublicEvolving
public final class PrequentialEvaluator {
  private PrequentialEvaluator() {}

  /** Runs the protocol over the events, feeding each of them to the recommender. */
  public static PrequentialResult evaluate(
      List<Interaction> events, IncrementalRecommender recommender, int k) {
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(recommender, "recommender");
    if (k <= 0) {
      throw new IllegalArgumentException("k must be > 0, was " + k);
    }
    long hits = 0;
    for (Interaction event : events) {
      List<String> top = recommender.recommend(event.userId(), k);
      if (top.subList(0, Math.min(k, top.size())).contains(event.itemId())) {
        hits++;
      }
      recommender.update(event);
    }
    return new PrequentialResult(k, events.size(), hits);
  }
}
