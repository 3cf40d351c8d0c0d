package io.recs.examples;

import static io.recs.examples.JobOptions.*;

import io.recs.config.RecsSettings;
import java.io.File;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.kafka.common.TopicPartition;

/**
 * How a bounded Kafka run (a backfill) ends: once its consumer group has committed the end offsets
 * read before the first run started (the source commits on every completed checkpoint, so
 * everything up to there is processed and its output committed), the run takes a savepoint for the
 * run that follows (with a checkpoint folder) and then stops with a draining savepoint, which ends
 * it as the end of the input would, final lists included. The first savepoint holds the state and
 * the source's offsets; a live run resumed from it continues with both. The draining one is not
 * kept: draining fires every end-of-input timer, so a run resumed from it would have none left for
 * its own end (and Flink advises against resuming from a drained savepoint). If the topic grows
 * meanwhile, what the run reads between the two savepoints is processed again by the run that
 * resumes.
 *
 * <p>Why not the source's stopping offsets: a split that reaches them is finished and dropped from
 * the source's state, so a run resumed from a later savepoint would never read that partition
 * again; flink-connector-kafka 5.0 keeps no stopping offsets for restored splits, so a resumed
 * bounded source would not end anyway; and a run whose source finished at its stopping offsets
 * while checkpoints were unaligned (the bundled jobs' default) did not end: a checkpoint taken
 * after one source subtask had finished never completed, and neither did the final checkpoint that
 * commits the Kafka transactions (24,000 events at parallelism 2; with aligned checkpoints the same
 * run ended in 42 s).
 */
final class BackfillEnd {
  private static final long SAVEPOINT_TIMEOUT_MINUTES = 5;

  private final RecsSettings s;
  private final JobClient client;
  private final Map<TopicPartition, Long> endOffsets;
  private final PrintStream out;
  private final String job;
  private final boolean keep;
  private final String savepoints;
  private CompletableFuture<String> savepoint;

  BackfillEnd(
      RecsSettings s,
      JobClient client,
      RunLifecycle lifecycle,
      Map<TopicPartition, Long> endOffsets,
      PrintStream out,
      String job) {
    this.s = s;
    this.client = client;
    this.endOffsets = endOffsets;
    this.out = out;
    this.job = job;
    this.keep = lifecycle.checkpointDir() != null;
    this.savepoints =
        RecoveryPoints.savepoints(
            keep
                ? lifecycle.checkpointDir()
                : new File(System.getProperty("java.io.tmpdir"), "recs-drain").toURI().toString());
  }

  /**
   * Once the group has committed the end offsets: takes the savepoint to keep, then stops the job
   * with a draining one.
   */
  void check() {
    if (savepoint != null && savepoint.isCompletedExceptionally()) {
      String why =
          savepoint
              .handle((path, e) -> Preflight.oneLine(RunLifecycle.rootCause(e)))
              .getNow("unknown");
      out.printf("%s: the savepoint at the end failed (%s); trying again%n", job, why);
      savepoint = null;
    }
    if (savepoint != null) {
      return;
    }
    try {
      if (BackfillOffsets.reached(
          s.get(BOOTSTRAP_SERVERS), s.get(KAFKA_PROPERTIES), s.get(GROUP_ID), endOffsets)) {
        out.printf(
            "%s: read to the end offsets of %s: %sdraining (final lists follow)%n",
            job, s.get(INPUT_TOPIC), keep ? "a savepoint for the next run, then " : "");
        CompletableFuture<String> kept =
            keep
                ? client.triggerSavepoint(savepoints, SavepointFormatType.CANONICAL)
                : CompletableFuture.completedFuture(null);
        savepoint =
            kept.thenCompose(
                path ->
                    client
                        .stopWithSavepoint(true, savepoints, SavepointFormatType.CANONICAL)
                        .thenApply(drained -> path));
      }
    } catch (Exception e) {
      out.printf("%s: cannot check the group's offsets yet: %s%n", job, Preflight.oneLine(e));
    }
  }

  /**
   * After the job ended: the savepoint to keep that it took before draining, or null if it ended
   * otherwise or has no checkpoint folder.
   */
  String savepoint() {
    if (savepoint == null) {
      return null;
    }
    try {
      return savepoint.get(SAVEPOINT_TIMEOUT_MINUTES, TimeUnit.MINUTES);
    } catch (Exception e) {
      out.printf(
          "%s: the savepoint at the end did not complete: %s%n",
          job, Preflight.oneLine(RunLifecycle.rootCause(e)));
      return null;
    }
  }
}
