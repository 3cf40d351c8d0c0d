package io.recs.evaluation.metrics;

import io.recs.event.Interaction;
import java.util.List;
import org.apache.flink.annotation.PublicEvolving;

/**
 * A train/test split of interactions; see {@link Splits}.
 *
 * @param train the events to learn from, in the order of the split list
 * @param test the held-out events, in the order of the split list
 */
@PublicEvolving
public record Split(List<Interaction> train, List<Interaction> test) {

  /** Copies both lists. */
  public Split {
    train = List.copyOf(train);
    test = List.copyOf(test);
  }
}
