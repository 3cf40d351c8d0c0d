package io.recs.evaluation.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recs.evaluation.data.InteractionGenerator;
import io.recs.event.Interaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SplitsTest {

  @Test
  void lastNHoldsOutTheLatestEventsByTimeInListOrder() {
    Interaction a3 = view("u1", "a", 3);
    Interaction b1 = view("u1", "b", 1);
    Interaction c4 = view("u1", "c", 4);
    Interaction d2 = view("u1", "d", 2);
    Interaction e1 = view("u2", "e", 1);
    Interaction f2 = view("u2", "f", 2);

    Split split = Splits.lastNPerUser(List.of(a3, b1, e1, c4, f2, d2), 2);

    assertThat(split.test()).containsExactly(a3, c4);
    // u2 has only 2 events, not more than n, so it cannot be evaluated and trains only.
    assertThat(split.train()).containsExactly(b1, e1, f2, d2);
  }

  @Test
  void equalEventsAreAssignedOnceEach() {
    Interaction first = view("u1", "a", 5);
    Interaction copy = view("u1", "a", 5);

    Split split = Splits.lastNPerUser(List.of(first, copy), 1);

    assertThat(split.train()).hasSize(1);
    assertThat(split.test()).hasSize(1);
  }

  @Test
  void randomSplitHoldsOutAQuarterOfEachUserReproducibly() {
    List<Interaction> events = InteractionGenerator.tiny(1).generate();

    Split split = Splits.randomPerUser(events, 0.25, 7);

    assertThat(split).isEqualTo(Splits.randomPerUser(events, 0.25, 7));
    assertThat(split).isNotEqualTo(Splits.randomPerUser(events, 0.25, 8));
    Map<String, Long> all = countByUser(events);
    Map<String, Long> test = countByUser(split.test());
    all.forEach(
        (user, n) -> assertThat(test.getOrDefault(user, 0L)).isEqualTo(Math.round(n * 0.25)));
    List<Interaction> union = new ArrayList<>(split.train());
    union.addAll(split.test());
    assertThat(union).containsExactlyInAnyOrderElementsOf(events);
  }

  @Test
  void randomSplitLeavesEveryUserATrainingEvent() {
    Interaction only = view("u1", "a", 1);
    Split split =
        Splits.randomPerUser(List.of(only, view("u2", "a", 1), view("u2", "b", 2)), 0.9, 1);

    assertThat(split.train()).contains(only);
    assertThat(split.test()).hasSize(1);
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> Splits.lastNPerUser(List.of(), 0)).hasMessage("n must be > 0, was 0");
    assertThatThrownBy(() -> Splits.randomPerUser(List.of(), 1.0, 1))
        .hasMessage("testFraction must be in (0, 1), was 1.0");
  }

  private static Map<String, Long> countByUser(List<Interaction> events) {
    return events.stream()
        .collect(Collectors.groupingBy(Interaction::userId, Collectors.counting()));
  }

  private static Interaction view(String user, String item, long time) {
    return Interaction.of(user, item, "view", 1.0, time);
  }
}
