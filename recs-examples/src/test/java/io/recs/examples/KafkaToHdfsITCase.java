package io.recs.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recs.evaluation.data.InteractionFiles;
import io.recs.evaluation.data.InteractionGenerator;
import io.recs.event.Interaction;
import io.recs.testkit.hdfs.EmbeddedHdfsExtension;
import io.recs.testkit.kafka.EmbeddedKafkaExtension;
import io.recs.testkit.kafka.EmbeddedKafkaExtension.KeyValue;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobID;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.client.JobStatusMessage;
import org.apache.flink.runtime.executiongraph.AccessExecutionGraph;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The mission's flow as a user writes it — {@code run --source kafka ... --format json --sinks
 * files,kafka --output-dir hdfs://...} — survives the loss of a TaskManager mid-stream: every
 * committed output is there exactly once, in Kafka ({@code read_committed}) and on HDFS.
 *
 * <p>How the failure is injected: the job runs through {@link Main}, as in production, on the
 * MiniCluster of a {@link MiniClusterExtension} (its context environment is what {@code
 * getExecutionEnvironment} returns, and {@code --flink.execution.attached true} makes the run wait
 * and summarise as {@code java -jar} does). Once a checkpoint has completed and committed output
 * exists while input is still unread, the test terminates the cluster's only TaskManager and starts
 * a fresh one: Flink fails the job, restarts it ({@code --max-restarts 1}) and restores the latest
 * checkpoint, exactly as after a lost machine. Neither product code nor the input format is changed
 * for the test, so {@code --format json} stays as the user writes it; the alternative, a test
 * {@code --parser-class} that throws once, would replace the format under test and break the rule
 * that no input throws out of an operator.
 *
 * <p>The failure lands mid-stream whatever the machine's speed: half the input is produced before
 * the job starts, the other half after the TaskManager was lost; the test checks that a checkpoint
 * was restored. The run is live (unbounded), as the command is written; once every per-event list
 * is committed, the test stops it with a draining savepoint, as an operator would, so that final
 * lists are emitted and every sink commits. Unaligned checkpoints are on: with aligned ones no
 * checkpoint completed before the end of the backpressured input, so nothing was committed
 * mid-stream.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class KafkaToHdfsITCase {
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  @RegisterExtension static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();
  @RegisterExtension static final EmbeddedHdfsExtension HDFS = new EmbeddedHdfsExtension();

  @Test
  void aTaskManagerLostMidStreamNeitherLosesNorDuplicatesCommittedOutput(
      @InjectMiniCluster MiniCluster cluster) throws Exception {
    List<Interaction> events = InteractionGenerator.small(11).generate().subList(0, 5000);
    List<String> bad = new ArrayList<>();
    List<KeyValue> records = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      Interaction e = events.get(i);
      records.add(new KeyValue(e.userId(), InteractionFiles.toJsonLine(e)));
      if (i % 100 == 50) {
        String broken =
            switch ((i / 100) % 3) {
              case 0 -> "not json " + i;
              case 1 -> "{\"userId\":\"u" + i + "\",\"action\":\"view\",\"timestamp\":1}";
              default ->
                  "{\"userId\":\"u1\",\"itemId\":\"i1\",\"action\":\"view\",\"weight\":\"x"
                      + i
                      + "\",\"timestamp\":1}";
            };
        bad.add(broken);
        records.add(new KeyValue("bad", broken));
      }
    }
    KAFKA.createTopic("interactions", 2);
    // Half the input before the job starts, the rest only after the failure: the failure lands
    // mid-stream however fast the machine is.
    int half = records.size() / 2;
    KAFKA.produce("interactions", records.subList(0, half));

    CompletableFuture<MainTest.Result> run =
        CompletableFuture.supplyAsync(
            () ->
                runUnchecked(
                    "run",
                    "--source",
                    "kafka",
                    "--bootstrap-servers",
                    KAFKA.bootstrapServers(),
                    "--input-topic",
                    "interactions",
                    "--format",
                    "json",
                    "--sinks",
                    "files,kafka",
                    "--output-dir",
                    HDFS.uri("/recs"),
                    // test-only: a read from the start, distinct names, fast checkpoints
                    "--starting-offsets",
                    "earliest",
                    "--group-id",
                    "kafka-hdfs",
                    "--recommendations-topic",
                    "kh-recommendations",
                    "--similar-items-topic",
                    "kh-similar-items",
                    "--trending-topic",
                    "kh-trending",
                    "--dead-letters-topic",
                    "kh-dead-letters",
                    "--transactional-id-prefix",
                    "kafka-hdfs",
                    "--checkpoint-interval",
                    "300",
                    "--checkpoint-dir",
                    HDFS.uri("/checkpoints"),
                    "--parallelism",
                    "2",
                    "--max-restarts",
                    "1",
                    // Aligned barriers queue behind a backpressured pipeline: no checkpoint
                    // completed before the end of the input without this.
                    "--flink.execution.checkpointing.unaligned.enabled",
                    "true",
                    "--flink.execution.attached",
                    "true"));

    JobID job = awaitRunningJob(cluster, run);
    // Transactions commit when a checkpoint completes: committed lists mean a completed
    // checkpoint that covers some input.
    await(
        run,
        "a completed checkpoint with committed output",
        () -> !KAFKA.readAll("kh-recommendations", true).isEmpty());
    int committedBeforeFailure = KAFKA.readAll("kh-recommendations", true).size();
    cluster.terminateTaskManager(0).get();
    cluster.startTaskManager();
    KAFKA.produce("interactions", records.subList(half, records.size()));

    // Every per-event list committed: the restarted job has read all the input. A stop with a
    // draining savepoint then ends the live run as an operator would (the run's shutdown hook does
    // the same without draining): final lists are emitted and every sink commits.
    await(
        run,
        "a committed list for every interaction",
        () ->
            KAFKA.readAll("kh-recommendations", true).stream()
                    .filter(r -> !json(r.value()).get("final").asBoolean())
                    .count()
                >= events.size());
    cluster
        .stopWithSavepoint(job, HDFS.uri("/savepoints"), true, SavepointFormatType.CANONICAL)
        .get();

    MainTest.Result result = run.get();
    assertThat(committedBeforeFailure)
        .as("lists committed before the failure, of %s interactions", events.size())
        .isLessThan(events.size());
    AccessExecutionGraph graph = cluster.getExecutionGraph(job).get();
    assertThat(graph.getFailureInfo()).as("the job failed once").isNotNull();
    assertThat(graph.getCheckpointStatsSnapshot().getLatestRestoredCheckpoint())
        .as("and restarted from a checkpoint")
        .isNotNull();

    // Kafka, read_committed: one list per accepted interaction (user, time), one final list per
    // user, one dead letter per bad record, and no similar-items or trending record twice.
    List<ConsumerRecord<String, String>> recs = KAFKA.readAll("kh-recommendations", true);
    List<JsonNode> lists = recs.stream().map(r -> json(r.value())).toList();
    assertThat(
            lists.stream()
                .filter(l -> !l.get("final").asBoolean())
                .map(l -> l.get("userId").asText() + "@" + l.get("timestamp").asLong())
                .sorted()
                .toList())
        .isEqualTo(events.stream().map(e -> e.userId() + "@" + e.timestamp()).sorted().toList());
    List<String> users = events.stream().map(Interaction::userId).distinct().sorted().toList();
    assertThat(
            lists.stream()
                .filter(l -> l.get("final").asBoolean())
                .map(l -> l.get("userId").asText())
                .sorted()
                .toList())
        .isEqualTo(users);
    List<JsonNode> deadLetters =
        KAFKA.readAll("kh-dead-letters", true).stream().map(r -> json(r.value())).toList();
    assertThat(deadLetters.stream().map(d -> d.get("raw").asText()))
        .containsExactlyInAnyOrderElementsOf(bad);
    assertThat(deadLetters.stream().map(d -> d.get("partition") + ":" + d.get("offset")))
        .doesNotHaveDuplicates();
    assertThat(values(KAFKA.readAll("kh-similar-items", true)))
        .isNotEmpty()
        .doesNotHaveDuplicates();
    assertThat(values(KAFKA.readAll("kh-trending", true))).isNotEmpty().doesNotHaveDuplicates();

    // HDFS: only committed part files count; they hold the same lists and dead letters.
    for (String output : List.of("recommendations", "similar-items", "trending", "dead-letters")) {
      assertThat(HDFS.listCommittedFiles("/recs/" + output))
          .as(output)
          .isNotEmpty()
          .allSatisfy(f -> assertThat(f).doesNotContain("inprogress"));
    }
    List<String> fileLists = HDFS.readCommittedLines("/recs/recommendations");
    assertThat(fileLists).containsExactlyInAnyOrderElementsOf(values(recs));
    assertThat(
            fileLists.stream()
                .map(KafkaToHdfsITCase::json)
                .filter(l -> l.get("final").asBoolean())
                .map(l -> l.get("userId").asText())
                .sorted()
                .toList())
        .isEqualTo(users);
    assertThat(
            HDFS.readCommittedLines("/recs/dead-letters").stream()
                .map(d -> json(d).get("raw").asText()))
        .containsExactlyInAnyOrderElementsOf(bad);
    assertThat(HDFS.readCommittedLines("/recs/similar-items"))
        .containsExactlyInAnyOrderElementsOf(values(KAFKA.readAll("kh-similar-items", true)));
    assertThat(HDFS.readCommittedLines("/recs/trending"))
        .containsExactlyInAnyOrderElementsOf(values(KAFKA.readAll("kh-trending", true)));
    // The summary's counts are kept in checkpointed state: after the failover they cover the
    // whole input, each record once.
    assertThat(result.exitCode()).as(result.out()).isZero();
    assertThat(result.out())
        .contains(
            String.format(
                "  read:     %,d records: %,d accepted, %,d rejected",
                events.size() + bad.size(), events.size(), bad.size()))
        .contains(
            String.format("  wrote:    %,d dead-letters to topic kh-dead-letters", bad.size()));
  }

  private static MainTest.Result runUnchecked(String... args) {
    try {
      return MainTest.run(args);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JobID awaitRunningJob(MiniCluster cluster, CompletableFuture<?> run)
      throws Exception {
    await(
        run,
        "the job to run",
        () ->
            cluster.listJobs().join().stream()
                .anyMatch(j -> !j.getJobState().isGloballyTerminalState()));
    return cluster.listJobs().get().stream()
        .filter(j -> !j.getJobState().isGloballyTerminalState())
        .map(JobStatusMessage::getJobId)
        .findFirst()
        .orElseThrow();
  }

  /** Waits until {@code condition} holds; fails if the run ends first. */
  private static void await(CompletableFuture<?> run, String what, BooleanSupplier condition)
      throws Exception {
    while (!condition.getAsBoolean()) {
      if (run.isDone()) {
        throw new AssertionError("the run ended before " + what + ": " + run.get());
      }
      Thread.sleep(Duration.ofMillis(250).toMillis());
    }
  }

  private static List<String> values(List<ConsumerRecord<String, String>> records) {
    return records.stream().map(ConsumerRecord::value).collect(Collectors.toList());
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
