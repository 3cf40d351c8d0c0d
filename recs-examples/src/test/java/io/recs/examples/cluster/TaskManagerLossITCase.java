package io.recs.examples.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.recs.event.Interaction;
import io.recs.examples.cluster.RecsCluster.Outputs;
import io.recs.testkit.cluster.ClusterJob;
import io.recs.testkit.cluster.FlinkClusterExtension;
import io.recs.testkit.cluster.JobSubmission;
import io.recs.testkit.cluster.RestoreStats;
import io.recs.testkit.cluster.TaskManagerProcess;
import io.recs.testkit.kafka.EmbeddedKafkaExtension;
import io.recs.testkit.kafka.EmbeddedKafkaExtension.KeyValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The kafka-to-kafka job, submitted as a jar to a cluster of two one-slot TaskManagers, loses the
 * TaskManager that runs it ({@code kill -9}) mid-stream, restores its last checkpoint on the other
 * one, and commits exactly the outputs of a run without failure.
 *
 * <p>What is compared: the run is configured so that every output sequence is deterministic
 * (parallelism 1, one input partition, the co-occurrence measure, which needs no broadcast counts
 * whose arrival order would vary, and row updates sent unmerged, {@code --row-batch-size 1}),
 * except the contents of interaction-triggered recommendations, which read the neighbour store as
 * it is when the lookup arrives. So trending lists, similar-items lists and dead letters are
 * compared record for record, per key in order; recommendations by the event times of the
 * interactions that triggered them (each exactly once, in order) and by each user's final list.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class TaskManagerLossITCase {
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  @RegisterExtension static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

  @RegisterExtension
  static final FlinkClusterExtension CLUSTER =
      RecsCluster.cluster().taskManagers(2).slotsPerTaskManager(1).build();

  @Test
  void committedOutputsOfARunThatLostATaskManagerEqualThoseOfARunWithout() throws Exception {
    RecsCluster.log("cluster up");
    List<KeyValue> input = input();
    KAFKA.createTopic("tm-loss-in", 1);
    Outputs killed = new Outputs("tm-loss-killed");
    Outputs reference = new Outputs("tm-loss-reference");
    killed.create(KAFKA);
    reference.create(KAFKA);
    // Row updates are sent one by one: merged, the batches (and so the intermediate similar-items
    // lists) would depend on when checkpoints and timers cut them, which differs between the runs;
    // for the same reason every list is written, not only the latest of each checkpoint.
    Map<String, String> flags =
        Map.of(
            "parallelism",
            "1",
            "measure",
            "cooccurrence",
            "row-batch-size",
            "1",
            "latest-only",
            "");
    int half = input.size() / 2;
    KAFKA.produce("tm-loss-in", input.subList(0, half));

    ClusterJob job =
        CLUSTER.submit(
            JobSubmission.builder(RecsCluster.jobJar())
                .args(killed.args(KAFKA, "tm-loss-in", flags))
                .build());
    RecsCluster.log("submitted");
    job.awaitCompletedCheckpoints(2, TIMEOUT);
    RecsCluster.log("two checkpoints completed");
    Set<String> running = job.taskManagerIds();
    assertThat(running).hasSize(1);
    TaskManagerProcess victim = CLUSTER.taskManager(running.iterator().next());
    long killedAt = System.currentTimeMillis();
    victim.kill();
    KAFKA.produce("tm-loss-in", input.subList(half, input.size()));

    RecsCluster.await(() -> status(job) == JobStatus.RESTARTING, TIMEOUT, "a restart");
    long detectedAt = System.currentTimeMillis();
    job.awaitAllTasksRunning(TIMEOUT);
    long runningAt = System.currentTimeMillis();
    RestoreStats restore = job.lastRestore().orElseThrow();
    assertThat(restore.savepoint()).isFalse();
    assertThat(restore.checkpointId()).isPositive();
    assertThat(job.numRestarts()).isPositive();
    assertThat(job.taskManagerIds()).doesNotContain(victim.id());
    CLUSTER.startTaskManager();
    CLUSTER.awaitTaskManagers(2, TIMEOUT);

    RecsCluster.await(
        () -> KAFKA.consumerLag(killed.run(), "tm-loss-in") == 0, TIMEOUT, "the whole input");
    RecsCluster.log("input consumed");
    job.stopWithSavepoint(true, TIMEOUT);
    RecsCluster.log("stopped, drained");
    System.out.printf(
        "TaskManager loss: restart after %.1f s, checkpoint %d restored at +%.1f s, all tasks"
            + " running at +%.1f s (restart delay of the job: 10 s)%n",
        (detectedAt - killedAt) / 1000.0,
        restore.checkpointId(),
        (restore.time().toEpochMilli() - killedAt) / 1000.0,
        (runningAt - killedAt) / 1000.0);

    CLUSTER
        .submit(
            JobSubmission.builder(RecsCluster.jobJar())
                .args(reference.args(KAFKA, "tm-loss-in", withBounded(flags)))
                .build())
        .awaitStatus(JobStatus.FINISHED, TIMEOUT);
    RecsCluster.log("reference run finished");

    RecsCluster.assertSameEntries(
        Outputs.byKey(KAFKA, killed.trending()),
        Outputs.byKey(KAFKA, reference.trending()),
        "trending lists per scope");
    RecsCluster.assertSameEntries(
        Outputs.byKey(KAFKA, killed.similarItems()),
        Outputs.byKey(KAFKA, reference.similarItems()),
        "similar-items lists per item");
    Map<String, List<String>> deadLetters = Outputs.byKey(KAFKA, killed.deadLetters());
    assertThat(deadLetters).isEqualTo(Outputs.byKey(KAFKA, reference.deadLetters()));
    assertThat(deadLetters.get("tm-loss-in")).hasSize(BAD_LINES);
    Map<String, List<Long>> triggers = triggerTimes(killed);
    RecsCluster.assertSameEntries(
        triggers, triggerTimes(reference), "event times of recommendation lists per user");
    assertThat(triggers.values().stream().mapToInt(List::size).sum())
        .as("one list per interaction and a final one per user")
        .isEqualTo(input.size() - BAD_LINES + triggers.size());
    RecsCluster.assertSameEntries(
        Outputs.latest(KAFKA, killed.recommendations()),
        Outputs.latest(KAFKA, reference.recommendations()),
        "final recommendations per user");
  }

  private static final int BAD_LINES = 3;

  /** A generated set, with three unparseable lines among it. */
  private static List<KeyValue> input() {
    List<Interaction> events = RecsCluster.generated(11, 8_000);
    List<KeyValue> lines = new ArrayList<>(RecsCluster.csv(events));
    for (int k = 0; k < BAD_LINES; k++) {
      lines.add((k + 1) * lines.size() / (BAD_LINES + 1), new KeyValue("bad", "broken line " + k));
    }
    return lines;
  }

  private static Map<String, String> withBounded(Map<String, String> flags) {
    Map<String, String> bounded = new java.util.HashMap<>(flags);
    bounded.put("bounded", "true");
    return bounded;
  }

  /** Per user, the event times of the committed recommendation lists, in order. */
  private static Map<String, List<Long>> triggerTimes(Outputs outputs) {
    Map<String, List<Long>> times = new java.util.TreeMap<>();
    Outputs.byKey(KAFKA, outputs.recommendations())
        .forEach(
            (user, lists) ->
                times.put(
                    user,
                    lists.stream()
                        .map(l -> RecsCluster.json(l).path("timestamp").asLong())
                        .toList()));
    return times;
  }

  private static JobStatus status(ClusterJob job) {
    try {
      return job.status();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
