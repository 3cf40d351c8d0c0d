package io.recs.request;

import static org.assertj.core.api.Assertions.assertThat;

import io.recs.event.Recommendations;
import io.recs.event.ScoredItem;
import io.recs.event.TrendingItems;
import io.recs.metrics.WallClock;
import io.recs.scoring.ScoringConfig;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * The ranking stage's request parts in a keyed broadcast harness: the {@link RequestAssembly} of
 * seed parts (in any order, latest wins, final requests at the end of input across a restore), the
 * {@link SeenItems}, and the broadcast trending lists and categories.
 */
class RankFunctionTest {

  private static KeyedBroadcastOperatorTestHarness<String, RankInput, RankUpdate, Recommendations>
      harness(ScoringConfig config) throws Exception {
    var harness =
        new KeyedBroadcastOperatorTestHarness<>(
            new CoBroadcastWithKeyedOperator<>(
                new RankFunction(config, WallClock.system()),
                List.of(RankFunction.TRENDING, RankFunction.CATEGORIES, RankFunction.CANDIDATES)),
            RankInput::user,
            Types.STRING,
            128,
            1,
            0);
    harness.setup();
    return harness;
  }

  private static RequestHeader header(long id, boolean isFinal, String category) {
    return new RequestHeader("u", id, 0, 1000 + id, isFinal, category, 0, null, null);
  }

  /** Seed {@code seed}'s part of a request of {@code parts} seeds, with its candidates. */
  private static SeedPart part(
      RequestHeader header, int parts, String seed, double affinity, Object... idsAndScores) {
    String[] ids = new String[idsAndScores.length / 2];
    double[] scores = new double[ids.length];
    for (int k = 0; k < ids.length; k++) {
      ids[k] = (String) idsAndScores[2 * k];
      scores[k] = (Double) idsAndScores[2 * k + 1];
    }
    return new SeedLookup(header, parts, seed, affinity, null).answer(ids, scores);
  }

  private static List<String> items(Recommendations list) {
    return list.items().stream().map(ScoredItem::itemId).toList();
  }

  private static List<Recommendations> lists(
      KeyedBroadcastOperatorTestHarness<String, RankInput, RankUpdate, Recommendations> h) {
    return h.extractOutputValues();
  }

  @Test
  void aRequestIsAnsweredWhenItsLastPartArrivesWhateverTheOrder() throws Exception {
    ScoringConfig config = ScoringConfig.builder().trendingBackfill(false).build();
    List<Recommendations> answers = new java.util.ArrayList<>();
    for (boolean reversed : new boolean[] {false, true}) {
      try (var h = harness(config)) {
        h.open();
        RequestHeader header = header(1, false, null);
        // 0.1 + 0.2 + 0.3 is 0.6000000000000001 in this order and 0.6 in the reverse one.
        List<SeedPart> parts =
            List.of(
                part(header, 3, "s1", 0.1, "c", 1.0),
                part(header, 3, "s2", 0.2, "c", 1.0),
                part(header, 3, "s3", 0.3, "c", 1.0, "d", 0.5));
        for (int k = 0; k < 3; k++) {
          h.processElement(new StreamRecord<>(parts.get(reversed ? 2 - k : k), 1));
          assertThat(lists(h)).hasSize(k == 2 ? 1 : 0);
        }
        answers.add(lists(h).get(0));
      }
    }
    assertThat(answers.get(0)).isEqualTo(answers.get(1));
    assertThat(items(answers.get(0))).containsExactly("c", "d");
    assertThat(answers.get(0).items().get(0).score()).isEqualTo(0.1 + 0.2 + 0.3);
  }

  @Test
  void anOlderRequestCompletingAfterANewerOneIsDropped() throws Exception {
    try (var h = harness(ScoringConfig.builder().trendingBackfill(false).build())) {
      h.open();
      RequestHeader older = header(1, false, null);
      RequestHeader newer = header(2, false, null);
      h.processElement(new StreamRecord<>(part(older, 2, "a", 1.0, "x", 1.0), 1));
      h.processElement(new StreamRecord<>(part(newer, 1, "b", 1.0, "y", 1.0), 2));
      h.processElement(new StreamRecord<>(part(older, 2, "c", 1.0, "x", 1.0), 3));

      assertThat(lists(h))
          .singleElement()
          .satisfies(l -> assertThat(items(l)).containsExactly("y"));
    }
  }

  @Test
  void seenItemsAreExcludedAndTrendingItemsOfTheRequestsCategoryFillUp() throws Exception {
    try (var h = harness(ScoringConfig.builder().n(3).build())) {
      h.open();
      h.processBroadcastElement(new CategoryUpdate("x", "books"), 1);
      h.processBroadcastElement(new CategoryUpdate("t2", "books"), 1);
      h.processBroadcastElement(new CategoryUpdate("t3", "books"), 1);
      h.processBroadcastElement(
          new TrendingUpdate(
              new TrendingItems(
                  "books",
                  List.of(ScoredItem.of("t1", 3), ScoredItem.of("t2", 2), ScoredItem.of("t3", 1)),
                  1)),
          1);
      h.processElement(new StreamRecord<>(new Seen("u", "t2", "view", 1), 1));
      // y is not in the category, t1 is trending but of no known category, t2 is seen.
      RequestHeader header = header(1, false, "books");
      h.processElement(new StreamRecord<>(part(header, 1, "a", 1.0, "x", 1.0, "y", 0.5), 2));

      assertThat(lists(h))
          .singleElement()
          .satisfies(l -> assertThat(items(l)).containsExactly("x", "t3"));
    }
  }

  @Test
  void aFinalRequestIsAnsweredAtTheEndOfInputAcrossARestore() throws Exception {
    ScoringConfig config = ScoringConfig.builder().trendingBackfill(false).build();
    OperatorSubtaskState snapshot;
    RequestHeader header = header(7, true, null);
    try (var h = harness(config)) {
      h.open();
      h.processElement(new StreamRecord<>(part(header, 2, "a", 1.0, "x", 1.0), 1));
      h.processElement(new StreamRecord<>(part(header, 2, "b", 1.0, "y", 0.5), 2));
      h.processElement(new StreamRecord<>(new NoSeeds(header(8, true, null)), 2));
      assertThat(lists(h)).isEmpty();
      snapshot = h.snapshot(1, 3);
    }
    try (var restored = harness(config)) {
      restored.initializeState(snapshot);
      restored.open();
      restored.processWatermark(new Watermark(Long.MAX_VALUE));
      restored.processBroadcastWatermark(new Watermark(Long.MAX_VALUE));

      assertThat(lists(restored))
          .extracting(l -> items(l) + " " + l.isFinal())
          .containsExactlyInAnyOrder("[x, y] true", "[] true");
    }
  }

  /**
   * A final request of many seeds whose parts arrive in reverse order around a restore: answered
   * once, at the end of input, from all its parts, as if they had arrived in order without one.
   */
  @Test
  void aFinalRequestOfManySeedsIsAssembledOnceFromPartsAroundARestore() throws Exception {
    ScoringConfig config = ScoringConfig.builder().trendingBackfill(false).n(301).build();
    int seeds = 300;
    RequestHeader header = header(9, true, null);
    List<SeedPart> parts = new java.util.ArrayList<>();
    for (int s = 0; s < seeds; s++) {
      parts.add(part(header, seeds, "s" + s, 1.0 + s, "c" + s, 1.0, "common", 0.01));
    }
    Recommendations inOrder;
    try (var h = harness(config)) {
      h.open();
      for (SeedPart part : parts) {
        h.processElement(new StreamRecord<>(part, 1));
      }
      h.processWatermark(new Watermark(Long.MAX_VALUE));
      h.processBroadcastWatermark(new Watermark(Long.MAX_VALUE));
      inOrder = lists(h).get(0);
      assertThat(lists(h)).hasSize(1);
    }
    OperatorSubtaskState snapshot;
    try (var h = harness(config)) {
      h.open();
      for (int s = seeds - 1; s >= seeds / 2; s--) {
        h.processElement(new StreamRecord<>(parts.get(s), 1));
      }
      snapshot = h.snapshot(1, 2);
      assertThat(lists(h)).isEmpty();
    }
    try (var restored = harness(config)) {
      restored.initializeState(snapshot);
      restored.open();
      for (int s = seeds / 2 - 1; s >= 0; s--) {
        restored.processElement(new StreamRecord<>(parts.get(s), 1));
      }
      assertThat(lists(restored)).isEmpty();
      restored.processWatermark(new Watermark(Long.MAX_VALUE));
      restored.processBroadcastWatermark(new Watermark(Long.MAX_VALUE));

      assertThat(lists(restored)).containsExactly(inOrder);
      assertThat(items(inOrder)).hasSize(seeds + 1).contains("common", "c0", "c299");
    }
  }

  /**
   * A final request held whole in the map of pending requests, as versions before final parts were
   * appended kept it (in a checkpoint taken during the end of a final run), is still answered.
   */
  @Test
  void aFinalRequestRestoredFromTheMapOfPendingRequestsIsAnswered() throws Exception {
    try (var h = harness(ScoringConfig.builder().trendingBackfill(false).build())) {
      h.open();
      RequestHeader legacy = header(3, true, null);
      PendingRequest whole = new PendingRequest();
      whole.add(part(legacy, 2, "a", 1.0, "x", 1.0));
      whole.add(part(legacy, 2, "b", 1.0, "y", 0.5));
      h.getOperator().setCurrentKey("u");
      h.getOperator()
          .getRuntimeContext()
          .getMapState(
              new org.apache.flink.api.common.state.MapStateDescriptor<>(
                  "pending", Types.LONG, PendingRequestSerializer.TYPE))
          .put(3L, whole);
      // A part of another final request of the user registers the end-of-input timer.
      h.processElement(new StreamRecord<>(new NoSeeds(header(4, true, null)), 2));
      h.processWatermark(new Watermark(Long.MAX_VALUE));
      h.processBroadcastWatermark(new Watermark(Long.MAX_VALUE));

      assertThat(lists(h))
          .extracting(l -> items(l) + " " + l.isFinal())
          .containsExactlyInAnyOrder("[x, y] true", "[] true");
    }
  }

  /**
   * A list answers its request as of the request's time: an item the user interacted with after it,
   * whose seen notice overtook the request's parts, is not excluded; one seen before or at it is,
   * and so is one restored from a checkpoint that kept seen items without their time.
   */
  @Test
  void seenItemsAreExcludedAsOfTheRequestsTime() throws Exception {
    try (var h = harness(ScoringConfig.builder().trendingBackfill(false).build())) {
      h.open();
      h.getOperator().setCurrentKey("u");
      var legacySeen =
          h.getOperator()
              .getRuntimeContext()
              .getMapState(
                  new org.apache.flink.api.common.state.MapStateDescriptor<>(
                      "seen", Types.STRING, Types.BOOLEAN));
      legacySeen.put("old", Boolean.TRUE);
      legacySeen.put("again", Boolean.TRUE);
      RequestHeader header = header(1, false, null); // time 1001
      // seen again after the request, but already seen before the restore: stays excluded
      h.processElement(new StreamRecord<>(new Seen("u", "again", "view", 5000), 1));
      h.processElement(new StreamRecord<>(new Seen("u", "before", "view", 1000), 1));
      h.processElement(new StreamRecord<>(new Seen("u", "at", "view", 1001), 1));
      h.processElement(new StreamRecord<>(new Seen("u", "after", "view", 1002), 1));
      h.processElement(
          new StreamRecord<>(
              part(
                  header, 1, "s", 1.0, "before", 1.0, "at", 0.9, "after", 0.8, "old", 0.7, "again",
                  0.6, "z", 0.1),
              2));
      h.processElement(
          new StreamRecord<>(
              part(header(2, false, null), 1, "s", 1.0, "after", 0.8, "old", 0.7, "z", 0.1), 3));

      assertThat(lists(h))
          .extracting(RankFunctionTest::items)
          .containsExactly(List.of("after", "z"), List.of("z"));
    }
  }
}
