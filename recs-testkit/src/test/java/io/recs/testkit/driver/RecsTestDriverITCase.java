package io.recs.testkit.driver;

import static io.recs.testkit.assertions.RecsAssertions.assertThatRecommendationsFor;
import static io.recs.testkit.assertions.RecsAssertions.assertThatSimilarItemsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recs.evaluation.data.InteractionGenerator;
import io.recs.evaluation.reference.BatchReference;
import io.recs.event.Interaction;
import io.recs.event.RejectReason;
import io.recs.event.RejectedRecord;
import io.recs.event.ScoredItem;
import io.recs.event.SimilarItems;
import io.recs.event.TrendingItems;
import io.recs.pipeline.RecsPipeline;
import io.recs.similarity.SimilarityConfig;
import io.recs.testkit.CsvTestParser;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(180)
class RecsTestDriverITCase {
  private static final Instant T0 = Instant.parse("2024-01-01T10:00:00Z");

  /** u2 and u3 viewed i1 and i2, u3 also i3; u1 viewed only i1; u4 only an unrelated i4. */
  private static void feed(TestInput input) {
    input
        .add("u2", "i1", "view", 1.0, T0)
        .add("u2", "i2", "view", 1.0, T0.plusSeconds(60))
        .add("u3", "i1", "view", 1.0, T0.plusSeconds(120))
        .add("u3", "i2", "view", 1.0, T0.plusSeconds(180))
        .add("u3", "i3", "view", 1.0, T0.plusSeconds(240))
        .add("u1", "i1", "view", 1.0, T0.plusSeconds(300))
        .add("u4", "i4", "view", 1.0, T0.plusSeconds(360));
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2})
  void runsThePipelineToItsFinalState(int parallelism) {
    try (RecsTestDriver driver =
        RecsTestDriver.builder()
            .pipeline(RecsPipeline.builder().build())
            .parallelism(parallelism)
            .build()) {
      feed(driver.interactions());
      driver.run();

      // i2 co-occurs with i1 for two users, i3 for one: both neighbours of u1's only item; the
      // short list is filled up from trending.
      assertThatRecommendationsFor(driver.recommendations(), "u1")
          .containsExactlyItems("i2", "i3", "i4")
          .explainsItemBy("i2", "i1")
          .explainsItemBy("i3", "i1")
          .backfilledFromTrending("i4")
          .excludes("i1")
          .hasScoresDescending();
      // u4's item co-occurs with nothing: the list is filled from trending, i1 the most popular.
      assertThatRecommendationsFor(driver.recommendations(), "u4")
          .startsWithItems("i1")
          .backfilledFromTrending("i1")
          .excludes("i4");
      assertThatSimilarItemsOf(driver.similarItems(), "i1").startsWithItems("i2", "i3");
      assertThat(driver.trending().latestFor(TrendingItems.GLOBAL).items().get(0).itemId())
          .isEqualTo("i1");
      assertThat(driver.recommendations().keys()).containsExactlyInAnyOrder("u1", "u2", "u3", "u4");
      assertThat(driver.deadLetters().isEmpty()).isTrue();
    }
  }

  @Test
  void drainedSimilarItemsEqualTheBatchReferenceOnGeneratedData() {
    List<Interaction> events = InteractionGenerator.tiny(7).generate();
    SimilarityConfig config = SimilarityConfig.defaults();
    try (RecsTestDriver driver =
        RecsTestDriver.builder()
            .pipeline(RecsPipeline.builder().similarity(config).build())
            .parallelism(2)
            .build()) {
      driver.interactions().addAll(events);
      driver.run();

      BatchReference reference = BatchReference.compute(events, config);
      Map<String, SimilarItems> drained = driver.similarItems().latestByKey();
      assertThat(drained).isNotEmpty();
      drained.forEach(
          (item, latest) ->
              assertThat(scores(latest.neighbours()))
                  .as("neighbour scores of %s", item)
                  .usingElementComparator(WITHIN_1E9)
                  .containsExactlyElementsOf(scores(reference.similarItems(item))));
    }
  }

  private static final Comparator<Double> WITHIN_1E9 =
      (a, b) -> Math.abs(a - b) <= 1e-9 ? 0 : Double.compare(a, b);

  private static List<Double> scores(List<ScoredItem> items) {
    return items.stream().map(ScoredItem::score).toList();
  }

  @Test
  void parsesRawRecordsInFeedingOrderAndCollectsDeadLetters() {
    try (RecsTestDriver driver =
        RecsTestDriver.builder()
            .pipeline(RecsPipeline.builder().build())
            .parser(new CsvTestParser())
            .build()) {
      driver.interactions().add("u2", "i1", "view", 1.0, T0);
      driver.rawRecords().add("u2,i2,view,1.0," + T0.plusSeconds(60).toEpochMilli()).add("oops");
      driver.interactions().add("u1", "i1", "view", 1.0, T0.plusSeconds(120));
      driver.rawRecords().add("u1,i1,view");
      driver.run();

      assertThat(driver.deadLetters().records())
          .extracting(RejectedRecord::reason, RejectedRecord::raw, RejectedRecord::offset)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(RejectReason.MALFORMED_CSV, "oops", 1L),
              org.assertj.core.groups.Tuple.tuple(RejectReason.MALFORMED_CSV, "u1,i1,view", 2L));
      assertThat(driver.deadLetters().records())
          .allSatisfy(dead -> assertThat(dead.source()).isEqualTo(TestRawInput.SOURCE));
      assertThatRecommendationsFor(driver.recommendations(), "u1").startsWithItems("i2");
    }
  }

  @Test
  void runsATeamsOwnJobAndSaysWhichOutputsItLacks() {
    RecsPipeline pipeline = RecsPipeline.builder().build();
    try (RecsTestDriver driver =
        RecsTestDriver.builder()
            .job(
                in ->
                    JobOutputs.recommendations(
                        pipeline
                            .apply(
                                in.filter(event -> !event.itemId().equals("i3"))
                                    .returns(TypeInformation.of(Interaction.class)))
                            .recommendations()))
            .build()) {
      feed(driver.interactions());
      driver.run();

      assertThatRecommendationsFor(driver.recommendations(), "u1")
          .containsExactlyItems("i2", "i4")
          .excludes("i3");
      assertThatThrownBy(() -> driver.similarItems().records())
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "the job under test names no similarItems output;"
                  + " add it to the JobOutputs that the job returns");
    }
  }

  @Test
  void eachRunStartsFromEmptyStateOverEverythingFedSoFar() {
    try (RecsTestDriver driver =
        RecsTestDriver.builder().pipeline(RecsPipeline.builder().build()).build()) {
      KeyedTestOutput<io.recs.event.Recommendations> recommendations = driver.recommendations();
      assertThatThrownBy(recommendations::records)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("no run yet: call run() before reading recommendations()");

      driver.interactions().add("u2", "i1", "view", 1.0, T0);
      driver.run();
      assertThat(recommendations.keys()).containsExactly("u2");
      assertThatThrownBy(() -> recommendations.latestFor("u1"))
          .isInstanceOf(NoSuchElementException.class)
          .hasMessage("no recommendations for 'u1'; keys with records: [u2]");

      driver.interactions().add("u1", "i1", "view", 1.0, T0.plusSeconds(60));
      driver.run();
      assertThat(recommendations.keys()).containsExactlyInAnyOrder("u1", "u2");
      assertThat(recommendations.historyFor("u2")).isNotEmpty();
    }
  }

  @Test
  void aFailingJobFailsTheRun() {
    try (RecsTestDriver driver =
        RecsTestDriver.builder()
            .job(
                in ->
                    JobOutputs.recommendations(
                        RecsPipeline.builder()
                            .build()
                            .apply(
                                in.map(RecsTestDriverITCase::refuseU9)
                                    .returns(TypeInformation.of(Interaction.class)))
                            .recommendations()))
            .build()) {
      driver.interactions().add("u9", "i1", "view", 1.0, T0);
      assertThatThrownBy(driver::run)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("the job failed: ")
          .hasMessageContaining("u9 is refused");
    }
  }

  @Test
  void aClosedDriverRefusesUse() {
    RecsTestDriver driver =
        RecsTestDriver.builder().pipeline(RecsPipeline.builder().build()).build();
    driver.close();
    assertThatThrownBy(driver::run).hasMessage("the driver is closed");
    assertThatThrownBy(driver::rawRecords).hasMessage("the driver is closed");
  }

  @Test
  void rawRecordsNeedAParser() {
    try (RecsTestDriver driver =
        RecsTestDriver.builder().pipeline(RecsPipeline.builder().build()).build()) {
      assertThatThrownBy(driver::rawRecords)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("rawRecords() needs a parser: set Builder.parser(...)");
      assertThat(List.of(driver.interactions())).hasSize(1);
    }
  }

  private static Interaction refuseU9(Interaction event) {
    if (event.userId().equals("u9")) {
      throw new IllegalArgumentException(event.userId() + " is refused");
    }
    return event;
  }
}
