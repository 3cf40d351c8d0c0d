package io.recs.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.recs.evaluation.data.InteractionGenerator;
import io.recs.event.Interaction;
import io.recs.event.Recommendations;
import io.recs.event.ScoredItem;
import io.recs.testkit.driver.JobOutputs;
import io.recs.testkit.driver.RecsTestDriver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Final lists are reproducible with the default settings: the same input, run three times at
 * parallelism 2 and three times at parallelism 4, gives every user the same final recommendations
 * (items in the same order, scores equal to a relative 1e-9) and every item the same final
 * similar-items list. Scores are compared to 1e-9 because the trending popularity that backfills a
 * short list is a floating-point sum whose last digits depend on the order in which the events of a
 * scope arrive; the order of the items must be the same.
 *
 * <p>The input is large enough that the most popular items have well over 500 users (the old
 * default {@code maxUsersPerItem}, which admitted an item's first 500 users by arrival and so made
 * these lists differ between runs), and a fifth of its events arrive late (their timestamps lie up
 * to a day before the previous event's, behind the driver's watermark), so that nothing here relies
 * on time-ordered input.
 */
@Timeout(600)
class ReproducibleListsITCase {
  private static final int RUNS = 3;

  @Test
  void everyFinalListIsTheSameInThreeRunsAtParallelismTwoAndFour() {
    List<Interaction> events = outOfOrder(input());
    Lists first = null;
    for (int parallelism : new int[] {2, 4}) {
      try (RecsTestDriver driver =
          RecsTestDriver.builder()
              .job(ReproducibleListsITCase::finalListsAndSimilarItems)
              .parallelism(parallelism)
              .timeout(Duration.ofMinutes(3))
              .build()) {
        driver.interactions().addAll(events);
        for (int round = 0; round < RUNS; round++) {
          // Each run starts from empty state over the same input.
          driver.run();
          Lists again = lists(driver);
          if (first == null) {
            first = again;
            assertThat(first.recommendations()).hasSize(2_000);
            assertThat(first.similarItems()).hasSizeGreaterThan(700);
            continue;
          }
          String run = "parallelism " + parallelism + ", round " + (round + 1);
          assertSameLists(
              again.recommendations(), first.recommendations(), "recommendations, " + run);
          assertSameLists(again.similarItems(), first.similarItems(), "similar items, " + run);
        }
      }
    }
  }

  /** 2,000 users, 800 items, 80,000 events: the most popular items reach 500 users. */
  private static List<Interaction> input() {
    return InteractionGenerator.builder()
        .seed(16)
        .users(2_000)
        .items(800)
        .events(80_000)
        .clusters(40)
        .build()
        .generate();
  }

  /** The same events in the same order, a fifth of them stamped up to a day earlier. */
  private static List<Interaction> outOfOrder(List<Interaction> events) {
    Random random = new Random(4);
    long day = Duration.ofDays(1).toMillis();
    List<Interaction> shifted = new ArrayList<>(events.size());
    for (Interaction e : events) {
      long time =
          random.nextDouble() < 0.2
              ? Math.max(
                  Interaction.MIN_TIMESTAMP, e.timestamp() - (long) (random.nextDouble() * day))
              : e.timestamp();
      shifted.add(
          new Interaction(e.userId(), e.itemId(), e.action(), e.weight(), time, e.category()));
    }
    int late = 0;
    for (int k = 1; k < shifted.size(); k++) {
      if (shifted.get(k).timestamp() < shifted.get(k - 1).timestamp()) {
        late++;
      }
    }
    assertThat(late).as("events earlier than their predecessor").isGreaterThan(10_000);
    return shifted;
  }

  private record Lists(
      Map<String, List<ScoredItem>> recommendations, Map<String, List<ScoredItem>> similarItems) {}

  /** The same keys, and for each the same items in the same order with the same scores. */
  private static void assertSameLists(
      Map<String, List<ScoredItem>> actual, Map<String, List<ScoredItem>> expected, String what) {
    assertThat(actual.keySet()).as(what).isEqualTo(expected.keySet());
    int differing = 0;
    String example = null;
    for (Map.Entry<String, List<ScoredItem>> entry : expected.entrySet()) {
      List<ScoredItem> mine = actual.get(entry.getKey());
      if (!sameList(mine, entry.getValue())) {
        differing++;
        if (example == null) {
          example = entry.getKey() + ": " + mine + " vs " + entry.getValue();
        }
      }
    }
    assertThat(differing)
        .as("%s: lists that differ from the first run's, e.g. %s", what, example)
        .isZero();
  }

  private static boolean sameList(List<ScoredItem> a, List<ScoredItem> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int k = 0; k < a.size(); k++) {
      double x = a.get(k).score();
      double y = b.get(k).score();
      if (!a.get(k).itemId().equals(b.get(k).itemId())
          || Math.abs(x - y) > 1e-9 * Math.max(Math.abs(x), Math.abs(y))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The default pipeline; only the final recommendation lists are collected, not the one each
   * interaction triggers, which keeps the six runs' output small.
   */
  private static JobOutputs finalListsAndSimilarItems(DataStream<Interaction> in) {
    RecsStreams streams = RecsPipeline.builder().build().apply(in);
    return JobOutputs.recommendations(streams.recommendations().filter(Recommendations::isFinal))
        .withSimilarItems(streams.similarItems());
  }

  /** Each user's final list and each item's last list of the driver's last run. */
  private static Lists lists(RecsTestDriver driver) {
    Map<String, List<ScoredItem>> finals = new TreeMap<>();
    for (Recommendations r : driver.recommendations().records()) {
      assertThat(finals.put(r.userId(), r.items())).as("second final list").isNull();
    }
    // An item's lists come in order from the one subtask that owns it: the last is the final one.
    Map<String, List<ScoredItem>> lastLists = new TreeMap<>();
    driver.similarItems().latestByKey().forEach((item, s) -> lastLists.put(item, s.neighbours()));
    return new Lists(finals, lastLists);
  }
}
