package io.recs.evaluation.metrics;

import io.recs.event.Interaction;
import org.apache.flink.annotation.PublicEvolving;

/**
 * A {@link Recommender} that learns one event at a time, for the test-then-learn protocol of {@link
 * PrequentialEvaluator}.
 *
 * <pre>{@code
 * IncrementalRecommender recommender = MostPopularRecommender.empty();
 * PrequentialResult result = PrequentialEvaluator.evaluate(events, recommender, 10);
 * }</pre>
 */
@PublicEvolving
public interface IncrementalRecommender extends Recommender {

  /** Learns from one more event; events arrive in the order of the evaluated list. */
  void update(Interaction event);
}
