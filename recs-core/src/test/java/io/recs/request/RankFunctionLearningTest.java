package io.recs.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.recs.event.Recommendations;
import io.recs.metrics.WallClock;
import io.recs.scoring.LearnedWeights;
import io.recs.scoring.LearningSignal;
import io.recs.scoring.LinearScoring;
import io.recs.scoring.RankingFeature;
import io.recs.scoring.ScoringConfig;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * The learned weights in a running {@link RankFunction}: learning from the next interaction, and
 * the rule by which restored copies are merged at another parallelism (operator test harness: real
 * operator state, snapshots and redistribution).
 */
class RankFunctionLearningTest {
  private static final int MAX_PARALLELISM = 128;

  private static ScoringConfig config(LearnedWeights start) {
    return ScoringConfig.builder()
        .trendingBackfill(false)
        .linear(LinearScoring.builder().initialWeights(start).learningRate(0.5).build())
        .build();
  }

  /** A harness of one subtask, with the function it runs. */
  private record Subtask(
      KeyedBroadcastOperatorTestHarness<String, RankInput, RankUpdate, Recommendations> harness,
      RankFunction function) {}

  private static Subtask subtask(ScoringConfig config, int parallelism, int index)
      throws Exception {
    RankFunction function = new RankFunction(config, WallClock.system());
    KeyedBroadcastOperatorTestHarness<String, RankInput, RankUpdate, Recommendations> harness =
        new KeyedBroadcastOperatorTestHarness<>(
            new CoBroadcastWithKeyedOperator<>(
                function,
                List.of(RankFunction.TRENDING, RankFunction.CATEGORIES, RankFunction.CANDIDATES)),
            RankInput::user,
            Types.STRING,
            MAX_PARALLELISM,
            parallelism,
            index);
    return new Subtask(harness, function);
  }

  /** A request of user u at time t whose only seed is the most recent item {@code seed}. */
  private static RankInput request(String user, long t, String seed, String seenItem) {
    return new WholeRequest(
        new RequestHeader(user, t, 2, t, false, null, 0, seenItem, "view"),
        new String[] {seed},
        new double[] {1.0},
        new SeedFeatures(new int[] {0}, new double[] {1.0}, new String[] {"view"}));
  }

  /**
   * User u sees a, whose neighbours are b (0.9), c (0.5) and d (0.1); the decayed start model ranks
   * b first, then the user picks d. The update must raise d's score relative to b's.
   */
  private static void learnOnce(Subtask subtask, String user) throws Exception {
    var harness = subtask.harness();
    harness.processBroadcastElement(
        new CandidateList("a", new String[] {"b", "c", "d"}, new double[] {0.9, 0.5, 0.1}), 1);
    harness.processElement(new StreamRecord<>(request(user, 1, "a", "a"), 1));
    harness.processElement(new StreamRecord<>(request(user, 2, "d", "d"), 2));
  }

  @Test
  void theNextInteractionIsThePositiveOfPairwiseUpdates() throws Exception {
    Subtask subtask = subtask(config(null), 1, 0);
    subtask.harness().open();
    LearnedWeights before = subtask.function().weights();

    learnOnce(subtask, "u");

    LearnedWeights after = subtask.function().weights();
    assertThat(after.updates()).isPositive();
    // d had the smallest similarity features and no trending score: the update lowers the weight
    // of the similarity features that preferred b.
    assertThat(after.weightOf("DECAYED")).isLessThan(before.weightOf("DECAYED"));
    assertThat(after.weightOf("MAX_SIMILARITY")).isNegative();
    subtask.harness().close();
  }

  @Test
  void theHeldOutSignalLearnsFromTheRequestItself() throws Exception {
    // Seeds a (most recent) and e, each a candidate of the other: whichever is held out is the
    // positive, scored from the other; no later interaction is needed.
    for (LearningSignal signal : LearningSignal.values()) {
      ScoringConfig config =
          ScoringConfig.builder()
              .trendingBackfill(false)
              .linear(LinearScoring.builder().signal(signal).learningRate(0.5).build())
              .build();
      Subtask subtask = subtask(config, 1, 0);
      var harness = subtask.harness();
      harness.open();
      harness.processBroadcastElement(
          new CandidateList("a", new String[] {"e", "b"}, new double[] {0.9, 0.5}), 1);
      harness.processBroadcastElement(
          new CandidateList("e", new String[] {"a", "c"}, new double[] {0.8, 0.3}), 1);

      harness.processElement(
          new StreamRecord<>(
              new WholeRequest(
                  new RequestHeader("u", 1, 2, 1, false, null, 0, "a", "view"),
                  new String[] {"a", "e"},
                  new double[] {1.0, 0.5},
                  new SeedFeatures(
                      new int[] {0, 1}, new double[] {1.0, 1.0}, new String[] {"view", "view"})),
              1));

      long updates = subtask.function().weights().updates();
      if (signal == LearningSignal.HELD_OUT) {
        assertThat(updates).as("held out").isPositive();
      } else {
        assertThat(updates).as("next event, before the next interaction").isZero();
      }
      harness.close();
    }
  }

  @Test
  void restoredCopiesAreAveragedAtAnyParallelism() throws Exception {
    // Two subtasks at parallelism 2: one learns, one keeps its start weights.
    Subtask first = subtask(config(null), 2, 0);
    Subtask second = subtask(config(LearnedWeights.only(RankingFeature.LAST_3)), 2, 1);
    first.harness().open();
    second.harness().open();
    learnOnce(first, userOfSubtask(0, 2));
    LearnedWeights w0 = first.function().weights();
    LearnedWeights w1 = second.function().weights();
    assertThat(w0).isNotEqualTo(w1);
    OperatorSubtaskState merged =
        AbstractStreamOperatorTestHarness.repackageState(
            first.harness().snapshot(1, 10), second.harness().snapshot(1, 10));
    first.harness().close();
    second.harness().close();
    LearnedWeights expected = LearnedWeights.average(List.of(w0, w1));

    for (int parallelism : new int[] {1, 2, 3}) {
      for (int index = 0; index < parallelism; index++) {
        // Start weights of the new job differ: restored weights win over them.
        Subtask restored =
            subtask(config(LearnedWeights.only(RankingFeature.WHOLE)), parallelism, index);
        restored.harness().setup();
        restored
            .harness()
            .initializeState(
                AbstractStreamOperatorTestHarness.repartitionOperatorState(
                    merged, MAX_PARALLELISM, 2, parallelism, index));
        restored.harness().open();

        LearnedWeights weights = restored.function().weights();
        for (String feature : expected.features()) {
          assertThat(weights.weightOf(feature))
              .as("%s at parallelism %d, subtask %d", feature, parallelism, index)
              .isCloseTo(expected.weightOf(feature), within(1e-12));
        }
        assertThat(weights.updates()).isEqualTo(expected.updates());
        restored.harness().close();
      }
    }
  }

  @Test
  void withoutRestoredStateTheConfiguredWeightsServe() throws Exception {
    Subtask subtask = subtask(config(LearnedWeights.only(RankingFeature.LAST_10)), 1, 0);
    subtask.harness().open();

    assertThat(subtask.function().weights().weightOf("LAST_10")).isEqualTo(1.0);
    assertThat(subtask.function().weights().weightOf("DECAYED")).isZero();
    subtask.harness().close();
  }

  /** A user id whose key group belongs to the given subtask. */
  private static String userOfSubtask(int index, int parallelism) {
    for (int k = 0; ; k++) {
      String user = "u" + k;
      int keyGroup =
          org.apache.flink.runtime.state.KeyGroupRangeAssignment.assignToKeyGroup(
              user, MAX_PARALLELISM);
      if (org.apache.flink.runtime.state.KeyGroupRangeAssignment.computeOperatorIndexForKeyGroup(
              MAX_PARALLELISM, parallelism, keyGroup)
          == index) {
        return user;
      }
    }
  }
}
