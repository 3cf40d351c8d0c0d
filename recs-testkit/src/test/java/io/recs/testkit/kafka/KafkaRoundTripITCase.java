package io.recs.testkit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.recs.connectors.json.RecsJson;
import io.recs.connectors.kafka.KafkaInteractionSource;
import io.recs.connectors.kafka.RecsKafkaSink;
import io.recs.connectors.kafka.StartingOffsets;
import io.recs.event.Interaction;
import io.recs.event.Recommendations;
import io.recs.event.RecordOrigin;
import io.recs.event.RejectedRecord;
import io.recs.parse.ParsedStreams;
import io.recs.testkit.CsvTestParser;
import io.recs.testkit.StandInPipeline;
import io.recs.testkit.TestData;
import io.recs.testkit.TestJobs;
import io.recs.testkit.kafka.EmbeddedKafkaExtension.KeyValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Kafka in, the (stand-in) recs pipeline, Kafka out, with dead letters, on a real broker. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KafkaRoundTripITCase {
  @RegisterExtension static final MiniClusterExtension FLINK = TestJobs.miniCluster();
  @RegisterExtension static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

  private static KafkaInteractionSource source(String topic) {
    return KafkaInteractionSource.builder()
        .bootstrapServers(KAFKA.bootstrapServers())
        .topics(topic)
        .groupId("test-" + topic)
        .startingOffsets(StartingOffsets.earliest())
        .boundedAtLatest(true)
        .parser(new CsvTestParser())
        .build();
  }

  private static List<KeyValue> keyedByUser(List<Interaction> interactions) {
    return interactions.stream()
        .map(i -> new KeyValue(i.userId(), CsvTestParser.line(i)))
        .collect(Collectors.toList());
  }

  @Test
  void everyInteractionBecomesOneRecommendationKeyedByUser() throws Exception {
    KAFKA.createTopic("round-in", 2);
    KAFKA.createTopic("round-out", 2, Map.of("cleanup.policy", "compact"));
    List<Interaction> interactions = TestData.interactions(40, 5, 1_700_000_000_000L);
    KAFKA.produce("round-in", keyedByUser(interactions));

    StreamExecutionEnvironment env = TestJobs.noRestarts();
    ParsedStreams in = source("round-in").attach(env);
    StandInPipeline.recommend(in.interactions())
        .sinkTo(
            RecsKafkaSink.<Recommendations>builder()
                .bootstrapServers(KAFKA.bootstrapServers())
                .topic("round-out")
                .format(RecsJson.recommendations())
                .build());
    env.execute("kafka round trip");

    List<ConsumerRecord<String, String>> out = KAFKA.readAll("round-out", false);
    assertThat(out).hasSize(interactions.size());
    // Per key, the last record is what a compacted topic keeps: the user's latest list.
    Map<String, String> latest = new HashMap<>();
    out.forEach(r -> latest.put(r.key(), r.value()));
    Map<String, String> expected = new HashMap<>();
    TestData.lastPerUser(interactions)
        .forEach(
            (user, recs) ->
                expected.put(
                    user,
                    new String(RecsJson.recommendations().toJson(recs), StandardCharsets.UTF_8)));
    assertThat(latest).isEqualTo(expected);
    assertThat(out).allSatisfy(r -> assertThat(r.value()).contains("\"userId\":\"" + r.key()));
  }

  @Test
  void badRecordsAllArriveAsDeadLettersWithTheirPosition() throws Exception {
    KAFKA.createTopic("dlq-in", 3);
    KAFKA.createTopic("dlq-out", 1);
    KAFKA.createTopic("dlq-dead", 1);
    List<KeyValue> produced = new ArrayList<>(keyedByUser(TestData.interactions(30, 4, 0L)));
    produced.add(new KeyValue("u0", "not,a,valid,record"));
    produced.add(new KeyValue("u1", ""));
    produced.add(new KeyValue("u2", null));
    produced.add(new KeyValue(null, null));
    produced.add(new KeyValue(null, "u9,i9,view,1,not-a-number"));
    produced.add(new KeyValue(null, "u9,i9,view,1,5000"));
    produced.add(new KeyValue("u3", "\u0000\u00ff garbage"));
    KAFKA.produce("dlq-in", produced);
    Set<String> badPositions =
        KAFKA.readAll("dlq-in", false).stream()
            .filter(r -> !isValid(r.value()))
            .map(r -> r.partition() + "@" + r.offset())
            .collect(Collectors.toSet());
    assertThat(badPositions).hasSize(6);

    StreamExecutionEnvironment env = TestJobs.noRestarts();
    ParsedStreams in = source("dlq-in").attach(env);
    StandInPipeline.recommend(in.interactions())
        .sinkTo(
            RecsKafkaSink.<Recommendations>builder()
                .bootstrapServers(KAFKA.bootstrapServers())
                .topic("dlq-out")
                .format(RecsJson.recommendations())
                .build());
    in.deadLetters()
        .sinkTo(
            RecsKafkaSink.<RejectedRecord>builder()
                .bootstrapServers(KAFKA.bootstrapServers())
                .topic("dlq-dead")
                .format(RecsJson.rejectedRecords())
                .build());
    env.execute("kafka dead letters");

    List<ConsumerRecord<String, String>> accepted = KAFKA.readAll("dlq-out", false);
    List<ConsumerRecord<String, String>> rejected = KAFKA.readAll("dlq-dead", false);
    assertThat(accepted.size() + rejected.size()).isEqualTo(produced.size());
    assertThat(accepted).hasSize(31);
    assertThat(rejected)
        .allSatisfy(
            r -> {
              assertThat(r.key()).isEqualTo("dlq-in");
              assertThat(r.value()).contains("\"source\":\"dlq-in\"").contains("\"reason\":\"");
            });
    assertThat(rejected.stream().map(r -> position(r.value())).collect(Collectors.toSet()))
        .isEqualTo(badPositions);
    assertThat(rejected)
        .anySatisfy(
            r ->
                assertThat(r.value())
                    .contains("\"reason\":\"EMPTY\",\"detail\":\"record value is null"))
        .anySatisfy(
            r ->
                assertThat(r.value())
                    .contains("\"reason\":\"MALFORMED_CSV\"")
                    .contains("\"raw\":\"not,a,valid,record\""));
  }

  private static boolean isValid(String value) {
    return value != null
        && new CsvTestParser()
            .parse(value.getBytes(StandardCharsets.UTF_8), RecordOrigin.UNKNOWN)
            .isAccepted();
  }

  // "partition@offset" of a dead letter's JSON.
  private static String position(String json) {
    String partition = json.replaceAll(".*\"partition\":(-?\\d+).*", "$1");
    String offset = json.replaceAll(".*\"offset\":(-?\\d+).*", "$1");
    return partition + "@" + offset;
  }
}
