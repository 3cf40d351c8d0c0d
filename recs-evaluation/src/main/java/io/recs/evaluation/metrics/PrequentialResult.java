package io.recs.evaluation.metrics;

import java.util.Locale;
import org.apache.flink.annotation.PublicEvolving;

/**
 * The outcome of a test-then-learn evaluation; see {@link PrequentialEvaluator}.
 *
 * @param k the list length asked for
 * @param requests the number of evaluated events
 * @param hits the events whose item was in the list recommended just before them
 */
@PublicEvolving
public record PrequentialResult(int k, long requests, long hits) {

  /** hits / requests, or 0 without requests. */
  public double hitRate() {
    return requests == 0 ? 0 : (double) hits / requests;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "HR@%d=%.4f (%d/%d)", k, hitRate(), hits, requests);
  }
}
