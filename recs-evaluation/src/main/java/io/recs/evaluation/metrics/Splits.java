package io.recs.evaluation.metrics;

import io.recs.event.Interaction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import org.apache.flink.annotation.PublicEvolving;

/**
 * Per-user train/test splits for offline evaluation.
 *
 * <pre>{@code
 * Split byTime = Splits.lastNPerUser(events, 5);
 * Split random = Splits.randomPerUser(events, 0.25, 42);
 * }</pre>
 *
 * <p>Both keep the order of the input list within each part.
 */
@PublicEvolving
public final class Splits {
  private Splits() {}

  /**
   * Holds out each user's last {@code n} events by timestamp (events of equal timestamp in list
   * order). Users with {@code n} events or fewer cannot be evaluated, so all their events go to the
   * training part.
   */
  public static Split lastNPerUser(List<Interaction> events, int n) {
    Objects.requireNonNull(events, "events");
    if (n <= 0) {
      throw new IllegalArgumentException("n must be > 0, was " + n);
    }
    Set<Interaction> test = Collections.newSetFromMap(new IdentityHashMap<>());
    for (List<Interaction> userEvents : byUser(events).values()) {
      if (userEvents.size() > n) {
        List<Interaction> byTime = new ArrayList<>(userEvents);
        byTime.sort(Comparator.comparingLong(Interaction::timestamp)); // stable
        test.addAll(byTime.subList(byTime.size() - n, byTime.size()));
      }
    }
    return partition(events, test);
  }

  /**
   * Holds out a random {@code testFraction} of each user's events (rounded, and always leaving at
   * least one event for training), for example 0.25 for the usual 75/25 split. The same seed and
   * list always give the same split.
   */
  public static Split randomPerUser(List<Interaction> events, double testFraction, long seed) {
    Objects.requireNonNull(events, "events");
    if (!(testFraction > 0 && testFraction < 1)) {
      throw new IllegalArgumentException("testFraction must be in (0, 1), was " + testFraction);
    }
    Random random = new Random(seed);
    Set<Interaction> test = Collections.newSetFromMap(new IdentityHashMap<>());
    for (List<Interaction> userEvents : byUser(events).values()) {
      int testCount =
          (int) Math.min(Math.round(userEvents.size() * testFraction), userEvents.size() - 1);
      List<Interaction> shuffled = new ArrayList<>(userEvents);
      Collections.shuffle(shuffled, random);
      test.addAll(shuffled.subList(0, testCount));
    }
    return partition(events, test);
  }

  /** Each user's events in list order; users in order of first appearance. */
  private static Map<String, List<Interaction>> byUser(List<Interaction> events) {
    Map<String, List<Interaction>> byUser = new LinkedHashMap<>();
    for (Interaction event : events) {
      byUser.computeIfAbsent(event.userId(), u -> new ArrayList<>()).add(event);
    }
    return byUser;
  }

  // By identity, so that two equal events of one user (same item, action and time) are each
  // assigned exactly once.
  private static Split partition(List<Interaction> events, Set<Interaction> test) {
    List<Interaction> trainPart = new ArrayList<>();
    List<Interaction> testPart = new ArrayList<>();
    for (Interaction event : events) {
      (test.contains(event) ? testPart : trainPart).add(event);
    }
    return new Split(trainPart, testPart);
  }
}
