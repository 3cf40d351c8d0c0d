package io.recs.evaluation.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recs.event.Interaction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InteractionGeneratorDriftTest {

  /**
   * Fingerprints of sets generated before interest drift existed (computed with the generator of
   * commit 9c4367d): drift is off by default and must not change them.
   */
  @Test
  void withoutDriftTheSetsAreThoseOfBefore() {
    assertThat(fingerprint(InteractionGenerator.tiny(5).generate()))
        .isEqualTo(1736883016446949132L);
    assertThat(fingerprint(InteractionGenerator.small(42).generate()))
        .isEqualTo(-4283464335162316588L);
    assertThat(
            fingerprint(
                InteractionGenerator.builder()
                    .seed(42)
                    .users(500)
                    .items(300)
                    .events(20_000)
                    .clusters(15)
                    .interestDrift(0)
                    .build()
                    .generate()))
        .isEqualTo(-4283464335162316588L);
  }

  @Test
  void driftIsReproducibleFromTheSeed() {
    assertThat(InteractionGenerator.drifting(3).generate())
        .isEqualTo(InteractionGenerator.drifting(3).generate())
        .isNotEqualTo(InteractionGenerator.drifting(4).generate());
  }

  @Test
  void sessionsFocusOnOneClusterAndTastesChangeOverTime() {
    List<Interaction> drifting = InteractionGenerator.drifting(1).generate();
    List<Interaction> steady =
        InteractionGenerator.builder()
            .seed(1)
            .users(500)
            .items(300)
            .events(20_000)
            .clusters(15)
            .tasteStrength(0.8)
            .build()
            .generate();

    // The next event's category is the previous one's much more often than the user's overall
    // favourite: recency carries the signal.
    assertThat(sameAsPrevious(drifting)).isGreaterThan(0.45);
    assertThat(sameAsPrevious(drifting)).isGreaterThan(sameAsFavourite(drifting) + 0.1);
    // Without drift the favourite is at least as good a guess as the previous event.
    assertThat(sameAsFavourite(steady)).isGreaterThanOrEqualTo(sameAsPrevious(steady));
    // Tastes change: the favourite category of a user's first half is often not that of the second.
    assertThat(favouriteKept(drifting)).isLessThan(0.6);
    assertThat(favouriteKept(steady)).isGreaterThan(0.95);
  }

  @Test
  void builderNamesTheBadDriftSetting() {
    assertThatThrownBy(() -> InteractionGenerator.builder().interestDrift(1.5).build())
        .hasMessage("interestDrift must be in [0, 1], was 1.5");
    assertThatThrownBy(() -> InteractionGenerator.builder().interests(0).build())
        .hasMessage("interests must be > 0, was 0");
    assertThatThrownBy(() -> InteractionGenerator.builder().newInterestProbability(-1).build())
        .hasMessage("newInterestProbability must be in [0, 1], was -1.0");
  }

  private static double sameAsPrevious(List<Interaction> events) {
    Map<String, String> previous = new HashMap<>();
    int same = 0;
    int count = 0;
    for (Interaction e : events) {
      String before = previous.put(e.userId(), e.category());
      if (before != null) {
        count++;
        same += before.equals(e.category()) ? 1 : 0;
      }
    }
    return (double) same / count;
  }

  private static double sameAsFavourite(List<Interaction> events) {
    Map<String, List<String>> byUser = byUser(events);
    int same = 0;
    int count = 0;
    for (List<String> categories : byUser.values()) {
      String favourite = favourite(categories);
      for (int k = 1; k < categories.size(); k++) {
        count++;
        same += categories.get(k).equals(favourite) ? 1 : 0;
      }
    }
    return (double) same / count;
  }

  private static double favouriteKept(List<Interaction> events) {
    int kept = 0;
    List<List<String>> users = new ArrayList<>(byUser(events).values());
    for (List<String> categories : users) {
      int half = categories.size() / 2;
      kept +=
          favourite(categories.subList(0, half))
                  .equals(favourite(categories.subList(half, categories.size())))
              ? 1
              : 0;
    }
    return (double) kept / users.size();
  }

  private static Map<String, List<String>> byUser(List<Interaction> events) {
    Map<String, List<String>> byUser = new HashMap<>();
    for (Interaction e : events) {
      byUser.computeIfAbsent(e.userId(), u -> new ArrayList<>()).add(e.category());
    }
    return byUser;
  }

  private static String favourite(List<String> categories) {
    Map<String, Integer> counts = new HashMap<>();
    categories.forEach(c -> counts.merge(c, 1, Integer::sum));
    return counts.entrySet().stream()
        .max(
            Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .orElseThrow()
        .getKey();
  }

  private static long fingerprint(List<Interaction> events) {
    long h = 17;
    for (Interaction e : events) {
      String line =
          e.userId()
              + "|"
              + e.itemId()
              + "|"
              + e.action()
              + "|"
              + e.weight()
              + "|"
              + e.timestamp()
              + "|"
              + e.category();
      h = h * 31 + line.hashCode();
    }
    return h;
  }
}
