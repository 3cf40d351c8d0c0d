package io.recs.evaluation.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.recs.event.Interaction;
import java.util.List;
import org.junit.jupiter.api.Test;

class ItemCosineRecommenderTest {
  /** U(a) = U(b) = {u1, u2}, U(c) = {u2, u3}, U(d) = {u3}; u1 saw a twice. */
  private static final List<Interaction> TRAIN =
      List.of(
          view("u1", "a"),
          view("u1", "b"),
          view("u1", "a"),
          view("u2", "a"),
          view("u2", "b"),
          view("u2", "c"),
          view("u3", "c"),
          view("u3", "d"));

  private final ItemCosineRecommender recommender = ItemCosineRecommender.trainedOn(TRAIN);

  @Test
  void cosineOfBinaryUserVectors() {
    assertThat(recommender.similarity("a", "b")).isCloseTo(2 / Math.sqrt(2 * 2), within(1e-12));
    assertThat(recommender.similarity("a", "c")).isCloseTo(1 / Math.sqrt(2 * 2), within(1e-12));
    assertThat(recommender.similarity("c", "d")).isCloseTo(1 / Math.sqrt(2 * 1), within(1e-12));
    assertThat(recommender.similarity("a", "d")).isZero();
    assertThat(recommender.similarity("a", "unknown")).isZero();
  }

  @Test
  void scoresSumSimilaritiesToTheUsersItemsAndExcludeThem() {
    // u1: c scores sim(a,c) + sim(b,c) = 1; d scores 0 and is left out.
    assertThat(recommender.recommend("u1", 5)).containsExactly("c");
    // u2: only d is new, through c.
    assertThat(recommender.recommend("u2", 5)).containsExactly("d");
  }

  @Test
  void tiesGoToTheLowerItemIdAndTheListIsCutAtN() {
    // u3: a and b both score sim(c, ·) = 0.5.
    assertThat(recommender.recommend("u3", 5)).containsExactly("a", "b");
    assertThat(recommender.recommend("u3", 1)).containsExactly("a");
  }

  @Test
  void unknownUserGetsNothing() {
    assertThat(recommender.recommend("nobody", 10)).isEmpty();
  }

  private static Interaction view(String user, String item) {
    return Interaction.of(user, item, "view", 1.0, 1);
  }
}
