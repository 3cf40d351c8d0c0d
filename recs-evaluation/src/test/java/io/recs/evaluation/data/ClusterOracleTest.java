package io.recs.evaluation.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.recs.evaluation.metrics.PrequentialEvaluator;
import io.recs.evaluation.reference.MostPopularRecommender;
import io.recs.event.Interaction;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClusterOracleTest {

  @Test
  void recommendsTheUnseenItemsOfTheLastItemsClusterMostPopularFirst() {
    InteractionGenerator generator = InteractionGenerator.tiny(1); // 60 items, 5 clusters
    ClusterOracle oracle = ClusterOracle.of(generator);
    assertThat(oracle.recommend("u1", 3)).isEmpty();
    oracle.update(Interaction.of("u1", "i7", "view", 1.0, 1));
    oracle.update(Interaction.of("u1", "i2", "view", 1.0, 2));
    oracle.update(Interaction.of("u1", "i12", "view", 1.0, 3));

    // Cluster 2 is i2, i7, i12, i17, ...: the seen ones are left out.
    assertThat(oracle.recommend("u1", 3)).containsExactly("i17", "i22", "i27");
    assertThat(generator.clusterItemsOf("i12")).hasSize(12).startsWith("i2", "i7");
  }

  /** On the drifting set the oracle bounds what learning from the events reaches. */
  @Test
  void isFarAboveMostPopularOnTheDriftingSet() {
    InteractionGenerator generator = InteractionGenerator.drifting(42);
    List<Interaction> events = generator.generate();
    double oracle =
        PrequentialEvaluator.evaluate(events, ClusterOracle.of(generator), 10).hitRate();
    double popular =
        PrequentialEvaluator.evaluate(events, MostPopularRecommender.empty(), 10).hitRate();

    assertThat(oracle).isGreaterThan(2 * popular);
    Set<String> firstTouches = new HashSet<>();
    long first =
        events.stream().filter(e -> firstTouches.add(e.userId() + " " + e.itemId())).count();
    assertThat(oracle).isLessThan((double) first / events.size());
  }
}
