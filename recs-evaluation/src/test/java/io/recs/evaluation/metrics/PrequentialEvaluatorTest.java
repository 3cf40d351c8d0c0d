package io.recs.evaluation.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.recs.event.Interaction;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrequentialEvaluatorTest {

  /** Recommends the item of the last event it learned, whoever asks. */
  private static final class LastItem implements IncrementalRecommender {
    private String last;

    @Override
    public List<String> recommend(String userId, int n) {
      return last == null ? List.of() : List.of(last);
    }

    @Override
    public void update(Interaction event) {
      last = event.itemId();
    }
  }

  @Test
  void asksBeforeItLearnsEachEvent() {
    List<Interaction> events = List.of(view("u1", "a", 1), view("u2", "a", 2), view("u1", "b", 3));

    PrequentialResult result = PrequentialEvaluator.evaluate(events, new LastItem(), 10);

    // Learning first would hit every event; test-then-learn hits only the repeated a.
    assertThat(result.requests()).isEqualTo(3);
    assertThat(result.hits()).isEqualTo(1);
    assertThat(result.hitRate()).isEqualTo(1.0 / 3);
  }

  @Test
  void onlyTheFirstKItemsCount() {
    IncrementalRecommender fixed =
        new IncrementalRecommender() {
          @Override
          public List<String> recommend(String userId, int n) {
            return List.of("x", "y", "a"); // longer than asked
          }

          @Override
          public void update(Interaction event) {}
        };

    assertThat(PrequentialEvaluator.evaluate(List.of(view("u1", "a", 1)), fixed, 2).hits())
        .isZero();
    assertThat(PrequentialEvaluator.evaluate(List.of(view("u1", "a", 1)), fixed, 3).hits())
        .isEqualTo(1);
  }

  @Test
  void noEventsNoHitRate() {
    assertThat(PrequentialEvaluator.evaluate(List.of(), new LastItem(), 5).hitRate()).isZero();
  }

  private static Interaction view(String user, String item, long time) {
    return Interaction.of(user, item, "view", 1.0, time);
  }
}
