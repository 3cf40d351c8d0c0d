package io.recs.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.recs.event.Interaction;
import io.recs.event.RecommendationRequest;
import io.recs.metrics.WallClock;
import io.recs.similarity.SimilarityConfig;
import io.recs.similarity.Touch;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.Test;

/**
 * {@link UserPreferencesFunction} in a keyed two-input harness: what it sends to the item stage
 * (touches) and to the user count, with real keyed state and a restore; what it sends for
 * recommendation requests is tested with the request path ({@code io.recs.request}).
 */
class UserPreferencesFunctionTest {
  private static final long HOUR = Duration.ofHours(1).toMillis();

  private static KeyedTwoInputStreamOperatorTestHarness<
          String, Interaction, RecommendationRequest, Touch>
      harness(SimilarityConfig similarity) throws Exception {
    var harness =
        new KeyedTwoInputStreamOperatorTestHarness<
            String, Interaction, RecommendationRequest, Touch>(
            new KeyedCoProcessOperator<>(
                new UserPreferencesFunction(
                    similarity,
                    PreferenceConfig.defaults(),
                    UserRequests.none(),
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
  void aFirstTouchPairsTheItemWithTheRecentHistoryWithinThePairWindow() throws Exception {
    SimilarityConfig similarity =
        SimilarityConfig.builder().pairWindowItems(2).pairWindow(Duration.ofHours(2)).build();
    try (var h = harness(similarity)) {
      h.open();
      event(h, "u", "a", 0);
      event(h, "u", "b", HOUR);
      event(h, "u", "a", 2 * HOUR); // a repeat: no touch when unweighted
      event(h, "u", "c", 3 * HOUR + 1); // a (2 h) and b (3 h ago) are recent; b is outside 2 h
      event(h, "v", "a", 0);

      List<Touch> touches = h.extractOutputValues();
      assertThat(touches)
          .extracting(t -> t.user() + ":" + t.item() + ":" + List.of(t.partners()))
          .containsExactly("u:a:[]", "u:b:[a]", "u:c:[a]", "v:a:[]");
      assertThat(side(h, UserPreferencesFunction.NEW_USERS)).containsExactly("u", "v");
      // Without recommendation stages nothing else is sent (the harness saw no side output).
      assertThat(h.getSideOutput(new OutputTag<>("recs-to-rank", Types.STRING))).isNull();
    }
  }

  @Test
  void weightedARepeatActionSendsTheGrowthOfItsProductsAndOfItsSquaredNorm() throws Exception {
    SimilarityConfig similarity = SimilarityConfig.builder().weighted(true).build();
    try (var h = harness(similarity)) {
      h.open();
      h.processElement1(new StreamRecord<>(Interaction.of("u", "a", "view", 1, 1), 1));
      h.processElement1(new StreamRecord<>(Interaction.of("u", "b", "click", 2, 2), 2));
      h.processElement1(new StreamRecord<>(Interaction.of("u", "a", "cart", 3, 3), 3));
      h.processElement1(new StreamRecord<>(Interaction.of("u", "a", "view", 0, 4), 4));
      h.processElement1(new StreamRecord<>(Interaction.of("u", "b", "purchase", 5, 5), 5));

      List<Touch> touches = h.extractOutputValues();
      // W(a) goes 1 → 4, W(b) 2 → 7; each delta is the growth of W(a)·W(b), each norm delta the
      // growth of W², and the weight-0 view sends nothing.
      assertThat(touches)
          .extracting(
              t ->
                  t.item()
                      + (t.repeat() ? " again " : " first ")
                      + List.of(t.partners())
                      + java.util.Arrays.toString(t.deltas())
                      + " +"
                      + t.normDelta())
          .containsExactly(
              "a first [][] +1.0",
              "b first [a][2.0] +4.0",
              "a again [b][6.0] +15.0",
              "b again [a][20.0] +45.0");
      assertThat(side(h, UserPreferencesFunction.NEW_USERS)).containsExactly("u");
    }
  }

  @Test
  void aRestoredUserKeepsHistoryAndSeenSet() throws Exception {
    OperatorSubtaskState snapshot;
    try (var h = harness(SimilarityConfig.defaults())) {
      h.open();
      event(h, "u", "a", 1);
      event(h, "u", "b", 2);
      snapshot = h.snapshot(1, 3);
    }
    try (var restored = harness(SimilarityConfig.defaults())) {
      restored.initializeState(snapshot);
      restored.open();
      event(restored, "u", "b", 4); // seen before the restore: no touch
      event(restored, "u", "c", 5);

      assertThat(restored.extractOutputValues())
          .singleElement()
          .satisfies(t -> assertThat(t.partners()).containsExactly("b", "a"));
      assertThat(side(restored, UserPreferencesFunction.NEW_USERS)).isEmpty();
    }
  }
}
