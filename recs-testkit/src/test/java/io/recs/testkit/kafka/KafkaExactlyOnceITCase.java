package io.recs.testkit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.recs.connectors.json.RecsJson;
import io.recs.connectors.kafka.KafkaInteractionSource;
import io.recs.connectors.kafka.RecsKafkaSink;
import io.recs.connectors.kafka.StartingOffsets;
import io.recs.event.Interaction;
import io.recs.event.Recommendations;
import io.recs.testkit.CsvTestParser;
import io.recs.testkit.StandInPipeline;
import io.recs.testkit.TestData;
import io.recs.testkit.TestJobs;
import io.recs.testkit.internal.FailOnceAfterCheckpoint;
import io.recs.testkit.kafka.EmbeddedKafkaExtension.KeyValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A job that fails once after a completed checkpoint and restarts still gives a {@code
 * read_committed} consumer every output exactly once.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KafkaExactlyOnceITCase {
  @RegisterExtension static final MiniClusterExtension FLINK = TestJobs.miniCluster();
  @RegisterExtension static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

  @Test
  void failureAndRestartNeitherLoseNorDuplicateCommittedOutput() throws Exception {
    KAFKA.createTopic("eo-in", 2);
    KAFKA.createTopic("eo-out", 2);
    List<Interaction> interactions = TestData.interactions(200, 7, 1_700_000_000_000L);
    List<KeyValue> records =
        interactions.stream()
            .map(i -> new KeyValue(i.userId(), CsvTestParser.line(i)))
            .collect(Collectors.toList());
    FailOnceAfterCheckpoint.reset();

    StreamExecutionEnvironment env = TestJobs.twoRestarts();
    DataStream<Interaction> in =
        KafkaInteractionSource.builder()
            .bootstrapServers(KAFKA.bootstrapServers())
            .topics("eo-in")
            .groupId("eo")
            .startingOffsets(StartingOffsets.earliest())
            .parser(new CsvTestParser())
            .build()
            .attach(env)
            .interactions()
            .map(new FailOnceAfterCheckpoint<>(), TypeInformation.of(Interaction.class))
            .name("fail-once");
    StandInPipeline.recommend(in)
        .sinkTo(
            RecsKafkaSink.<Recommendations>builder()
                .bootstrapServers(KAFKA.bootstrapServers())
                .topic("eo-out")
                .format(RecsJson.recommendations())
                .deliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .transactionalIdPrefix("eo-test")
                .build());
    JobClient job = env.executeAsync("kafka exactly once");
    try {
      // Half the input, a completed checkpoint, then the rest: its first record fails the job.
      KAFKA.produce("eo-in", records.subList(0, 100));
      TestJobs.await(job, () -> FailOnceAfterCheckpoint.completedCheckpoints() > 0);
      KAFKA.produce("eo-in", records.subList(100, 200));
      TestJobs.await(job, () -> KAFKA.readAll("eo-out", true).size() >= interactions.size());
      // Two more checkpoints: late duplicates would be committed by now.
      int seen = FailOnceAfterCheckpoint.completedCheckpoints();
      TestJobs.await(job, () -> FailOnceAfterCheckpoint.completedCheckpoints() >= seen + 4);

      List<ConsumerRecord<String, String>> out = KAFKA.readAll("eo-out", true);
      assertThat(FailOnceAfterCheckpoint.failed()).as("the job failed once").isTrue();
      assertThat(out.stream().map(ConsumerRecord::value))
          .hasSize(interactions.size())
          .doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(
              interactions.stream().map(i -> json(interactions, i)).toList());
    } finally {
      job.cancel().get();
    }
  }

  // The stand-in's output for the user's history up to and including this interaction.
  private static String json(List<Interaction> all, Interaction last) {
    List<Interaction> history =
        all.stream()
            .filter(i -> i.userId().equals(last.userId()) && i.timestamp() <= last.timestamp())
            .toList();
    return new String(
        RecsJson.recommendations().toJson(StandInPipeline.expected(history)),
        StandardCharsets.UTF_8);
  }
}
