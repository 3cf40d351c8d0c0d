package io.recs.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UserHistoryTest {
  private static final long DAY = 86_400_000L;

  @Test
  void keepsMostRecentDistinctItemsFirst() {
    UserHistory history = new UserHistory();
    history.record("a", 1, 1, DAY, 3);
    history.record("b", 1, 2, DAY, 3);
    history.record("c", 1, 3, DAY, 3);
    history.record("a", 2, 4, DAY, 3);
    history.record("d", 1, 5, DAY, 3);

    assertThat(Arrays.copyOf(history.items, history.size)).containsExactly("d", "a", "c");
    assertThat(history.weights[1]).isEqualTo(3.0);
    assertThat(history.lastTimes[1]).isEqualTo(4);
  }

  @Test
  void affinityHalvesEveryHalfLifeInEventTime() {
    UserHistory history = new UserHistory();
    history.record("a", 4, 0, DAY, 10);
    history.record("a", 2, DAY, DAY, 10);

    assertThat(history.affinities[0]).isCloseTo(4 * 0.5 + 2, within(1e-12));
    assertThat(history.affinityAt(0, 3 * DAY, DAY))
        .isCloseTo(4 * 0.5 * 0.25 + 2 * 0.25, within(1e-12));
  }

  @Test
  void lateEventIsDecayedToTheLatestTimeInsteadOfMovingTimeBack() {
    UserHistory history = new UserHistory();
    history.record("a", 1, 2 * DAY, DAY, 10);
    history.record("a", 1, DAY, DAY, 10);

    assertThat(history.lastTimes[0]).isEqualTo(2 * DAY);
    assertThat(history.affinities[0]).isCloseTo(1.5, within(1e-12));
  }

  @Test
  void latestTimeIsTheLatestEventEvenWhenLateArrivalsEvictedIt() {
    UserHistory history = new UserHistory();
    history.record("a", 1, 5_000, DAY, 2);
    history.record("b", 1, 1_000, DAY, 2); // late: arrives after a, happened before it
    history.record("c", 1, 2_000, DAY, 2); // evicts a, the latest event so far
    assertThat(Arrays.copyOf(history.items, history.size)).containsExactly("c", "b");
    assertThat(history.latestTime()).isEqualTo(5_000);
  }

  @Test
  void aMillionEventsOfOneUserKeepTheHistoryWithinItsCap() {
    UserHistory history = new UserHistory();
    SplittableRandom random = new SplittableRandom(7);
    int capacity = 100;
    for (int k = 0; k < 1_000_000; k++) {
      history.record("i" + random.nextInt(50_000), 1, k, DAY, capacity);
    }
    assertThat(history.size).isEqualTo(capacity);
    assertThat(history.items.length).isEqualTo(capacity);
    assertThat(Arrays.stream(history.items).distinct().count()).isEqualTo(capacity);
  }
}
