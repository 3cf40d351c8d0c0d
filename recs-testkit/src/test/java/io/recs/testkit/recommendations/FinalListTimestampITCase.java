package io.recs.testkit.recommendations;

import static org.assertj.core.api.Assertions.assertThat;

import io.recs.evaluation.data.InteractionGenerator;
import io.recs.evaluation.flink.CollectingSink;
import io.recs.event.Interaction;
import io.recs.event.Recommendations;
import io.recs.pipeline.RecsPipeline;
import io.recs.similarity.SimilarityConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each user's final list is stamped with the user's latest event time and marked final, whatever
 * the order in which the events arrive: here fully shuffled, with a history shorter than most
 * users' item counts so that late arrivals evict the entry of the latest event.
 */
@Timeout(120)
class FinalListTimestampITCase {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  @Test
  void finalListsCarryTheLatestEventTimeOfShuffledInput() throws Exception {
    List<Interaction> events = new ArrayList<>(InteractionGenerator.small(11).generate());
    Collections.shuffle(events, new Random(5));
    Map<String, Long> latest = new HashMap<>();
    for (Interaction e : events) {
      latest.merge(e.userId(), e.timestamp(), Math::max);
    }
    RecsPipeline pipeline =
        RecsPipeline.builder()
            .similarity(SimilarityConfig.builder().historySize(10).pairWindowItems(10).build())
            .requests(io.recs.request.RequestConfig.builder().seedItems(10).build())
            .build();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    CollectingSink<Recommendations> sink = CollectingSink.create();
    pipeline.apply(env.fromData(events)).recommendations().sinkTo(sink);
    env.execute("final list timestamps");

    Map<String, Recommendations> finals = new HashMap<>();
    for (Recommendations r : sink.records()) {
      if (r.isFinal()) {
        assertThat(finals.put(r.userId(), r)).as("second final list of " + r.userId()).isNull();
      }
    }
    sink.clear();
    assertThat(finals).hasSameSizeAs(latest);
    List<String> wrong = new ArrayList<>();
    latest.forEach(
        (user, time) -> {
          if (finals.get(user).timestamp() != time) {
            wrong.add(user + ": " + finals.get(user).timestamp() + " instead of " + time);
          }
        });
    assertThat(wrong).as("users whose final list is not stamped at their latest event").isEmpty();
  }
}
