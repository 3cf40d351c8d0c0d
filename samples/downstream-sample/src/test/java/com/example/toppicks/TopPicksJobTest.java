package com.example.toppicks;

import static io.recs.testkit.assertions.RecsAssertions.assertThatRecommendationsFor;
import static io.recs.testkit.assertions.RecsAssertions.assertThatSimilarItemsOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.recs.event.Interaction;
import io.recs.event.RejectReason;
import io.recs.event.RejectedRecord;
import io.recs.testkit.driver.JobOutputs;
import io.recs.testkit.driver.RecsTestDriver;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The team's job, run by the recs test driver on a MiniCluster and checked with recs assertions.
 */
@Timeout(120)
class TopPicksJobTest {
  private static final Instant T0 = Instant.parse("2024-01-01T10:00:00Z");

  /** sku-2 and sku-3 were bought with sku-1; sku-4 is popular on its own. */
  private static final List<Interaction> HISTORY =
      List.of(
          Interaction.of("ann", "sku-1", "purchase", 8, T0.toEpochMilli()),
          Interaction.of("ann", "sku-2", "purchase", 8, T0.plusSeconds(60).toEpochMilli()),
          Interaction.of("bob", "sku-1", "purchase", 8, T0.plusSeconds(120).toEpochMilli()),
          Interaction.of("bob", "sku-2", "view", 1, T0.plusSeconds(180).toEpochMilli()),
          Interaction.of("bob", "sku-3", "purchase", 8, T0.plusSeconds(240).toEpochMilli()),
          Interaction.of("cat", "sku-4", "view", 1, T0.plusSeconds(300).toEpochMilli()),
          Interaction.of("dan", "sku-4", "view", 1, T0.plusSeconds(360).toEpochMilli()),
          Interaction.of("eve", "sku-1", "view", 1, T0.plusSeconds(420).toEpochMilli()));

  @Test
  void picksItemsBoughtTogetherAndNeverAnOutOfStockOne() {
    try (RecsTestDriver driver =
        RecsTestDriver.builder()
            .job(in -> JobOutputs.recommendations(TopPicksJob.topPicks(in, Set.of("sku-2"))))
            .parallelism(2)
            .build()) {
      driver.interactions().addAll(HISTORY);
      driver.run();

      assertThatRecommendationsFor(driver.recommendations(), "eve")
          .startsWithItems("sku-3")
          .explainsItemBy("sku-3", "sku-1")
          .excludes("sku-2")
          .excludesSeen(HISTORY)
          .backfilledFromTrending("sku-4")
          .hasScoresDescending();
    }
  }

  @Test
  void withEverythingInStockTheStrongerNeighbourComesFirst() {
    try (RecsTestDriver driver =
        RecsTestDriver.builder().pipeline(TopPicksJob.pipeline(Set.of())).build()) {
      driver.interactions().addAll(HISTORY);
      driver.run();

      assertThatSimilarItemsOf(driver.similarItems(), "sku-1").startsWithItems("sku-2", "sku-3");
      assertThatRecommendationsFor(driver.recommendations(), "eve")
          .startsWithItems("sku-2", "sku-3")
          .hasSize(3);
    }
  }

  @Test
  void malformedClickLogLinesBecomeDeadLetters() {
    try (RecsTestDriver driver =
        RecsTestDriver.builder()
            .job(in -> JobOutputs.recommendations(TopPicksJob.topPicks(in, Set.of())))
            .parser(new ClickLogParser())
            .build()) {
      driver
          .rawRecords()
          .add("ann,sku-1,purchase," + T0.toEpochMilli())
          .add("ann,sku-2,wishlist," + T0.plusSeconds(60).toEpochMilli())
          .add("ann;sku-3");
      driver.run();

      assertThat(driver.deadLetters().records())
          .extracting(RejectedRecord::reason)
          .containsExactly(RejectReason.UNKNOWN_ACTION, RejectReason.MALFORMED_CSV);
      assertThat(driver.recommendations().keys()).containsExactly("ann");
    }
  }
}
