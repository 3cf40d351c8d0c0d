package io.recs.evaluation.reference;

import static org.assertj.core.api.Assertions.assertThat;

import io.recs.event.Interaction;
import java.util.List;
import org.junit.jupiter.api.Test;

class MostPopularRecommenderTest {
  /** a: 3 users, b: 2, c: 1, d: 1; u1's repeats of a count once. */
  private static final List<Interaction> TRAIN =
      List.of(
          view("u1", "a"),
          view("u1", "a"),
          view("u1", "a"),
          view("u1", "b"),
          view("u2", "a"),
          view("u2", "b"),
          view("u3", "a"),
          view("u3", "c"),
          view("u4", "d"));

  @Test
  void ranksByDistinctUsersTiesById() {
    MostPopularRecommender recommender = MostPopularRecommender.trainedOn(TRAIN);

    assertThat(recommender.recommend("newcomer", 3)).containsExactly("a", "b", "c");
    assertThat(recommender.userCount("a")).isEqualTo(3);
  }

  @Test
  void excludesWhatTheUserHasSeen() {
    MostPopularRecommender recommender = MostPopularRecommender.trainedOn(TRAIN);

    assertThat(recommender.recommend("u4", 3)).containsExactly("a", "b", "c");
    assertThat(recommender.recommend("u1", 5)).containsExactly("c", "d");
  }

  @Test
  void learnsIncrementally() {
    MostPopularRecommender recommender = MostPopularRecommender.empty();
    assertThat(recommender.recommend("u1", 2)).isEmpty();

    recommender.update(view("u1", "x"));
    recommender.update(view("u2", "y"));
    recommender.update(view("u3", "y"));

    assertThat(recommender.recommend("u4", 2)).containsExactly("y", "x");
  }

  private static Interaction view(String user, String item) {
    return Interaction.of(user, item, "view", 1.0, 1);
  }
}
