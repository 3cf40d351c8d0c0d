package io.recs.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.recs.event.Interaction;
import io.recs.event.RecommendationRequest;
import io.recs.metrics.WallClock;
import io.recs.scoring.LinearScoring;
import io.recs.scoring.ScoringConfig;
import io.recs.similarity.SimilarityConfig;
import io.recs.similarity.Touch;
import io.recs.state.PreferenceConfig;
import io.recs.state.UserPreferencesFunction;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.Test;

/**
 * What the user stage sends for requests, through {@link RequestStarter}, in a keyed two-input
 * harness of the {@link UserPreferencesFunction}: seeds, the messages of each lookup topology, seen
 * notices, and the final request at the end of input.
 */
class RequestStarterTest {

  private static KeyedTwoInputStreamOperatorTestHarness<
          String, Interaction, RecommendationRequest, Touch>
      harness(RequestConfig requests, ScoringConfig scoring) throws Exception {
    PreferenceConfig preferences = PreferenceConfig.defaults();
    var harness =
        new KeyedTwoInputStreamOperatorTestHarness<
            String, Interaction, RecommendationRequest, Touch>(
            new KeyedCoProcessOperator<>(
                new UserPreferencesFunction(
                    SimilarityConfig.defaults(),
                    preferences,
                    new RequestPath(requests, scoring, preferences, WallClock.system())
                        .userRequests(),
                    WallClock.system())),
            Interaction::userId,
            RecommendationRequest::userId,
            Types.STRING);
    harness.setup();
    return harness;
  }

  private static void event(
      KeyedTwoInputStreamOperatorTestHarness<String, Interaction, RecommendationRequest, Touch> h,
      String user,
      String item,
      long t)
      throws Exception {
    h.processElement1(new StreamRecord<>(Interaction.of(user, item, "view", 1.0, t), t));
  }

  private static <T> List<T> side(
      KeyedTwoInputStreamOperatorTestHarness<String, Interaction, RecommendationRequest, Touch> h,
      OutputTag<T> tag) {
    var records = h.getSideOutput(tag);
    return records == null ? List.of() : records.stream().map(StreamRecord::getValue).toList();
  }

  @Test
  void partitionedEveryInteractionRequestsWithOneLookupPerSeedAndTheEndOfInputAFinalRequest()
      throws Exception {
    try (var h = harness(RequestConfig.builder().seedItems(2).build(), ScoringConfig.defaults())) {
      h.open();
      event(h, "u", "a", 1);
      event(h, "u", "b", 2);
      event(h, "u", "c", 3);
      h.processElement2(new StreamRecord<>(new RecommendationRequest("u", 5, null, 4), 4));

      List<SeedLookup> lookups = side(h, PartitionedLookup.LOOKUPS);
      // 1 + 2 + 2 seeds for the three interactions, 2 for the explicit request.
      assertThat(lookups).hasSize(7);
      assertThat(lookups).allSatisfy(l -> assertThat(l.header().finalRequest()).isFalse());
      assertThat(lookups).allSatisfy(l -> assertThat(l.features()).isNull());
      // Interaction-triggered requests ask for the configured N, the explicit one for its own.
      assertThat(lookups.get(0).header().n()).isZero();
      assertThat(lookups.get(lookups.size() - 1).header().n()).isEqualTo(5);
      assertThat(lookups.get(1).parts()).isEqualTo(2);
      // Seen notices go straight to the ranking stage; the lookups do not carry the trigger,
      // because their answers reach the ranking stage in an order that depends on timing.
      assertThat(side(h, RequestStarter.TO_RANK))
          .map(message -> ((Seen) message).item())
          .containsExactly("a", "b", "c");
      assertThat(lookups).allSatisfy(l -> assertThat(l.header().seenItem()).isNull());

      h.processBothWatermarks(new Watermark(Long.MAX_VALUE));
      List<SeedLookup> finals =
          side(h, PartitionedLookup.LOOKUPS).stream()
              .filter(l -> l.header().finalRequest())
              .toList();
      assertThat(finals).extracting(SeedLookup::seed).containsExactlyInAnyOrder("b", "c");
      assertThat(finals).allSatisfy(l -> assertThat(l.header().time()).isEqualTo(3));
    }
  }

  @Test
  void replicatedARequestIsOneMessageThatCarriesItsTrigger() throws Exception {
    RequestConfig requests =
        RequestConfig.builder().seedItems(2).neighbourLookup(NeighbourLookup.REPLICATED).build();
    try (var h = harness(requests, ScoringConfig.defaults())) {
      h.open();
      event(h, "u", "a", 1);
      event(h, "u", "b", 2);

      List<RankInput> toRank = side(h, RequestStarter.TO_RANK);
      assertThat(toRank).allSatisfy(m -> assertThat(m).isInstanceOf(WholeRequest.class));
      assertThat(toRank).map(m -> ((WholeRequest) m).header().seenItem()).containsExactly("a", "b");
      WholeRequest second = (WholeRequest) toRank.get(1);
      // Without linear scoring: the seeds of highest affinity, and no features.
      assertThat(second.seeds()).containsExactlyInAnyOrder("a", "b");
      assertThat(second.features()).isNull();
      assertThat(side(h, PartitionedLookup.LOOKUPS)).isEmpty();
    }
  }

  @Test
  void withLinearScoringTheSeedsAreTheMostRecentItemsWithTheirFeatures() throws Exception {
    RequestConfig requests =
        RequestConfig.builder().seedItems(2).neighbourLookup(NeighbourLookup.REPLICATED).build();
    ScoringConfig scoring = ScoringConfig.builder().linear(LinearScoring.builder().build()).build();
    try (var h = harness(requests, scoring)) {
      h.open();
      event(h, "u", "a", 1);
      event(h, "u", "a", 2);
      event(h, "u", "b", 3);
      event(h, "u", "c", 4);

      WholeRequest last = (WholeRequest) side(h, RequestStarter.TO_RANK).get(3);
      assertThat(last.seeds()).containsExactly("c", "b");
      assertThat(last.features().recencies()).containsExactly(0, 1);
      assertThat(last.features().weights()).containsExactly(1.0, 1.0);
      assertThat(last.features().actions()).containsExactly("view", "view");
    }
  }

  @Test
  void withRecencyWeightsTheSeedsAreTheMostRecentItemsWeighingTheirRecency() throws Exception {
    RequestConfig.Builder requests =
        RequestConfig.builder().seedItems(2).neighbourLookup(NeighbourLookup.REPLICATED);
    long hour = 3_600_000L;
    long week = 7 * 24 * hour; // PreferenceConfig's default half-life
    try (var byRecency =
            harness(requests.seedWeights(SeedWeights.RECENCY).build(), ScoringConfig.defaults());
        var byAffinity =
            harness(RequestConfig.builder().seedItems(2).build(), ScoringConfig.defaults())) {
      for (var h : List.of(byRecency, byAffinity)) {
        h.open();
        // A purchase weighing 5, then two views a week later.
        h.processElement1(new StreamRecord<>(Interaction.of("u", "a", "purchase", 5.0, 0), 0));
        event(h, "u", "b", week);
        event(h, "u", "c", week + hour);
      }

      WholeRequest last = (WholeRequest) side(byRecency, RequestStarter.TO_RANK).get(2);
      assertThat(last.seeds()).containsExactly("c", "b");
      // At the request (c's time): c is 0 old, b one hour.
      assertThat(last.affinities()[0]).isEqualTo(1.0);
      assertThat(last.affinities()[1]).isCloseTo(Math.pow(0.5, 1.0 / 168), within(1e-12));
      // By affinity the purchase, decayed to a bit less than 2.5, outweighs the view of b.
      List<SeedLookup> lookups = side(byAffinity, PartitionedLookup.LOOKUPS);
      assertThat(lookups.subList(lookups.size() - 2, lookups.size()))
          .extracting(SeedLookup::seed)
          .containsExactlyInAnyOrder("a", "c");
    }
  }

  @Test
  void aUserWithoutHistoryGetsARequestWithoutSeeds() throws Exception {
    try (var h = harness(RequestConfig.defaults(), ScoringConfig.defaults())) {
      h.open();
      h.processElement2(new StreamRecord<>(new RecommendationRequest("new", 3, null, 1), 1));

      assertThat(side(h, RequestStarter.TO_RANK))
          .singleElement()
          .isInstanceOfSatisfying(
              NoSeeds.class, none -> assertThat(none.header().n()).isEqualTo(3));
      assertThat(side(h, PartitionedLookup.LOOKUPS)).isEmpty();
    }
  }
}
