package io.recs.recommendations;

import static org.assertj.core.api.Assertions.assertThat;

import io.recs.evaluation.data.InteractionGenerator;
import io.recs.evaluation.flink.CollectingSink;
import io.recs.event.Interaction;
import io.recs.event.Recommendations;
import io.recs.pipeline.RecsPipeline;
import io.recs.pipeline.RecsStreams;
import io.recs.request.NeighbourLookup;
import io.recs.request.RequestConfig;
import io.recs.scoring.LearnedWeights;
import io.recs.scoring.LinearScoring;
import io.recs.scoring.ScoringConfig;
import io.recs.similarity.SimilarityConfig;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The pipeline with learned scoring, with either neighbour lookup, at parallelism 2, with Flink's
 * Kryo fallback disabled: every ranking subtask learns from its users' next interactions and emits
 * its weights at the end of the input, and the weights load back from their JSON form.
 */
@Timeout(180)
class LearnedScoringPipelineITCase {

  @RegisterExtension
  static final MiniClusterExtension CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  @ParameterizedTest
  @EnumSource(NeighbourLookup.class)
  void everyRankingSubtaskLearnsAndExportsItsWeights(NeighbourLookup lookup) throws Exception {
    List<Interaction> events =
        InteractionGenerator.builder()
            .seed(5)
            .users(100)
            .items(60)
            .events(3_000)
            .clusters(5)
            .interestDrift(0.2)
            .build()
            .generate();
    RecsPipeline pipeline =
        RecsPipeline.builder()
            .similarity(SimilarityConfig.builder().historySize(30).build())
            .requests(RequestConfig.builder().seedItems(30).neighbourLookup(lookup).build())
            .scoring(
                ScoringConfig.builder()
                    .linear(LinearScoring.builder().actions(List.of("purchase", "cart")).build())
                    .build())
            .build();
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    CollectingSink<Recommendations> lists = CollectingSink.create();
    CollectingSink<LearnedWeights> weights = CollectingSink.create();
    // Replayed at 2,000 events/s: at full speed requests overtake the neighbour lists they need
    // (evaluation.md, "Replay speed matters"), and with replicated lookups a subtask could see no
    // candidates at all.
    RecsStreams streams =
        pipeline.apply(
            env.fromData(events).setParallelism(1).map(new Throttle()).setParallelism(1));
    streams.recommendations().sinkTo(lists);
    streams.learnedWeights().sinkTo(weights);

    env.execute("learned scoring");

    // At most one list per interaction (an older request answered late is dropped) and one final
    // list per user.
    assertThat(lists.records()).hasSizeLessThanOrEqualTo(events.size() + 100);
    assertThat(lists.records().stream().map(Recommendations::userId).distinct()).hasSize(100);
    List<LearnedWeights> copies = weights.records();
    assertThat(copies).hasSize(2);
    for (LearnedWeights copy : copies) {
      assertThat(copy.updates()).isPositive();
      assertThat(copy.features()).contains("ACTION_purchase", "ACTION_cart");
      assertThat(copy.weightOf("DECAYED")).isNotEqualTo(1.0);
    }
    LearnedWeights mean = LearnedWeights.average(copies);
    LinearScoring serving =
        LinearScoring.builder()
            .actions(List.of("purchase", "cart"))
            .learning(false)
            .initialWeights(LearnedWeights.fromJson(mean.toJson()))
            .build();
    assertThat(serving.initialWeights()).isEqualTo(mean);
    lists.clear();
    weights.clear();
  }

  /** Passes events on at most one per half millisecond. */
  private static final class Throttle implements MapFunction<Interaction, Interaction> {
    private static final long serialVersionUID = 1L;

    @Override
    public Interaction map(Interaction event) {
      LockSupport.parkNanos(500_000);
      return event;
    }
  }
}
