package io.recs.examples.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.recs.event.Interaction;
import io.recs.examples.cluster.RecsCluster.Outputs;
import io.recs.testkit.cluster.ClusterJob;
import io.recs.testkit.cluster.FlinkClusterExtension;
import io.recs.testkit.cluster.JobSubmission;
import io.recs.testkit.kafka.EmbeddedKafkaExtension;
import io.recs.testkit.kafka.EmbeddedKafkaExtension.KeyValue;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobStatus;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The kafka-to-kafka job, stopped with a savepoint at parallelism 2, resumed at 1, stopped again
 * and resumed at 4, ends with the final state of a run that was never stopped: every user's final
 * recommendations, every item's final neighbours and every final trending list, on both state
 * backends. The input arrives in three parts; each run reads the parts produced so far and is
 * stopped once a checkpoint covers them all, so that each parallelism processes a third.
 *
 * <p>Only final lists are compared: at parallelism above 1 the intermediate lists depend on the
 * order in which partitions' updates arrive. Exactly-once output is checked as no interaction
 * triggering more than one committed list.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class RescaleITCase {
  private static final Duration TIMEOUT = Duration.ofMinutes(3);
  private static final List<Interaction> EVENTS = RecsCluster.generated(23, 6_000);

  @RegisterExtension static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

  @RegisterExtension
  static final FlinkClusterExtension CLUSTER =
      RecsCluster.cluster().taskManagers(2).slotsPerTaskManager(2).build();

  /** The final lists of a failure-free run, computed once for both backends. */
  private static Map<String, Map<String, String>> reference;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void stopAtTwoResumeAtOneThenAtFourEndsWithTheStateOfARunWithoutStops(String backend)
      throws Exception {
    RecsCluster.log("%s: start", backend);
    String input = "rescale-" + backend + "-in";
    KAFKA.createTopic(input, 4);
    Outputs outputs = new Outputs("rescale-" + backend);
    outputs.create(KAFKA);
    List<KeyValue> lines = RecsCluster.csv(EVENTS);
    int third = lines.size() / 3;
    Map<String, String> flags = Map.of("state-backend", backend);

    KAFKA.produce(input, lines.subList(0, third));
    String savepoint = runUntilConsumed(outputs, input, flags, 2, null, false);
    KAFKA.produce(input, lines.subList(third, 2 * third));
    savepoint = runUntilConsumed(outputs, input, flags, 1, savepoint, false);
    KAFKA.produce(input, lines.subList(2 * third, lines.size()));
    runUntilConsumed(outputs, input, flags, 4, savepoint, true);

    Map<String, Map<String, String>> expected = reference(input);
    RecsCluster.assertSameEntries(
        Outputs.latest(KAFKA, outputs.recommendations()),
        expected.get("recommendations"),
        "final recommendations per user",
        RecsCluster::sameList);
    RecsCluster.assertSameEntries(
        Outputs.latest(KAFKA, outputs.similarItems()),
        expected.get("similar-items"),
        "final similar items per item",
        RecsCluster::sameListAnyTime);
    RecsCluster.assertSameEntries(
        Outputs.latest(KAFKA, outputs.trending()),
        expected.get("trending"),
        "final trending lists per scope",
        RecsCluster::sameList);
    assertNoInteractionTriggeredTwoLists(outputs);
  }

  /**
   * Runs the job at {@code parallelism} (from {@code savepoint} if given) until a checkpoint covers
   * the whole input topic, then stops it with a savepoint; with {@code drain}, as at the end of a
   * bounded input.
   */
  private static String runUntilConsumed(
      Outputs outputs,
      String input,
      Map<String, String> flags,
      int parallelism,
      String savepoint,
      boolean drain)
      throws IOException {
    Map<String, String> withParallelism = new HashMap<>(flags);
    withParallelism.put("parallelism", Integer.toString(parallelism));
    JobSubmission.Builder submission =
        JobSubmission.builder(RecsCluster.jobJar())
            .args(outputs.args(KAFKA, input, withParallelism));
    if (savepoint != null) {
      submission.fromSavepoint(savepoint);
    }
    ClusterJob job = CLUSTER.submit(submission.build());
    job.awaitAllTasksRunning(TIMEOUT);
    RecsCluster.log("%s: running at parallelism %d", outputs.run(), parallelism);
    if (savepoint != null) {
      assertThat(job.lastRestore()).hasValueSatisfying(r -> assertThat(r.savepoint()).isTrue());
    }
    RecsCluster.await(() -> KAFKA.consumerLag(outputs.run(), input) == 0, TIMEOUT, input);
    RecsCluster.log("%s: input consumed", outputs.run());
    String taken = job.stopWithSavepoint(drain, TIMEOUT);
    RecsCluster.log("%s: stopped with savepoint%s", outputs.run(), drain ? " (drained)" : "");
    return taken;
  }

  private static synchronized Map<String, Map<String, String>> reference(String input)
      throws IOException {
    if (reference == null) {
      Outputs outputs = new Outputs("rescale-reference");
      outputs.create(KAFKA);
      CLUSTER
          .submit(
              JobSubmission.builder(RecsCluster.jobJar())
                  .args(outputs.args(KAFKA, input, Map.of("parallelism", "2", "bounded", "true")))
                  .build())
          .awaitStatus(JobStatus.FINISHED, TIMEOUT);
      RecsCluster.log("reference run finished");
      reference =
          Map.of(
              "recommendations", Outputs.latest(KAFKA, outputs.recommendations()),
              "similar-items", Outputs.latest(KAFKA, outputs.similarItems()),
              "trending", Outputs.latest(KAFKA, outputs.trending()));
    }
    return reference;
  }

  /**
   * Each interaction triggers at most one committed list (a lost transaction replayed twice would
   * show here); the final list of a user repeats the time of the user's last interaction.
   */
  private static void assertNoInteractionTriggeredTwoLists(Outputs outputs) {
    Map<String, List<String>> lists = Outputs.byKey(KAFKA, outputs.recommendations());
    int interactionTriggered = 0;
    for (Map.Entry<String, List<String>> user : lists.entrySet()) {
      List<String> values = user.getValue();
      Set<Long> times = new HashSet<>();
      for (String list : values.subList(0, values.size() - 1)) {
        assertThat(times.add(RecsCluster.json(list).path("timestamp").asLong()))
            .as("a second list for %s at the same event time: %s", user.getKey(), list)
            .isTrue();
      }
      interactionTriggered += values.size() - 1;
    }
    assertThat(lists).hasSize((int) EVENTS.stream().map(Interaction::userId).distinct().count());
    assertThat(interactionTriggered).isLessThanOrEqualTo(EVENTS.size());
    System.out.printf(
        "%s: %d of %d interactions' lists committed (an older request completing after a newer"
            + " one is dropped)%n",
        outputs.run(), interactionTriggered, EVENTS.size());
  }
}
