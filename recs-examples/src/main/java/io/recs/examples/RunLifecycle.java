package io.recs.examples;

import io.recs.config.RecsSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.util.FlinkException;

/**
 * Start, stop and restart of a run: where it resumes from ({@code --restore}), the savepoint it
 * stops with on SIGTERM or Ctrl-C ({@code --stop-with-savepoint}), and the cleanup after a run that
 * drained its input.
 */
final class RunLifecycle {
  private static final long STOP_TIMEOUT_MINUTES = 5;

  private final String job;
  private final PrintStream out;
  private final String checkpointDir;
  private final String resumeFrom;
  private final AtomicBoolean stoppedBySignal = new AtomicBoolean();
  private final AtomicBoolean ended = new AtomicBoolean();
  private Thread hook;

  private RunLifecycle(String job, PrintStream out, String checkpointDir, String resumeFrom) {
    this.job = job;
    this.out = out;
    this.checkpointDir = checkpointDir;
    this.resumeFrom = resumeFrom;
  }

  /**
   * Decides where the run resumes from, before anything else is checked or built.
   *
   * @throws BadSettingException for a {@code --restore} path that is not a checkpoint or savepoint,
   *     or a checkpoint or savepoint that cannot be read
   */
  static RunLifecycle plan(String job, PrintStream out, RecsSettings s) {
    String checkpointDir =
        s.get(JobOptions.CHECKPOINT_DIR) == null
            ? null
            : JobEnvironment.uri(s.get(JobOptions.CHECKPOINT_DIR));
    String restore = s.get(JobOptions.RESTORE);
    String from;
    switch (restore) {
      case "none" -> from = null;
      case "latest" -> {
        try {
          from = checkpointDir == null ? null : RecoveryPoints.latest(checkpointDir);
        } catch (IOException e) {
          throw new BadSettingException(
              JobOptions.CHECKPOINT_DIR.name()
                  + " "
                  + checkpointDir
                  + " cannot be read: "
                  + Preflight.oneLine(e),
              e);
        }
        if (checkpointDir != null && from == null) {
          out.printf(
              "%s: no checkpoint in %s yet: starting from empty state%n", job, checkpointDir);
        }
      }
      default -> {
        RecoveryPoints.check(restore);
        from = restore;
      }
    }
    if (from != null) {
      RecoveryPoints.checkReadable(from);
    }
    return new RunLifecycle(job, out, checkpointDir, from);
  }

  /** The durable checkpoint folder ({@code --checkpoint-dir}) as a URI, or null. */
  String checkpointDir() {
    return checkpointDir;
  }

  /** The checkpoint or savepoint the run resumes from, or null. */
  String resumeFrom() {
    return resumeFrom;
  }

  /**
   * Submits the job, saying where it resumes from.
   *
   * @throws BadSettingException when Flink refuses the checkpoint or savepoint, for example one of
   *     a job whose operators differ
   */
  JobClient submit(JobEnvironment environment) throws Exception {
    if (environment.restoredFrom() == null) {
      return environment.env().executeAsync("recs " + job);
    }
    out.printf(
        "%s: resuming from %s%s%n",
        job,
        environment.restoredFrom(),
        environment.byFlink() ? " (execution.state-recovery.path, e.g. flink run -s)" : "");
    try {
      return environment.env().executeAsync("recs " + job);
    } catch (FlinkException e) {
      // The JobMaster restores the checkpoint when it starts: a refused one fails the submission.
      throw new BadSettingException(
          "cannot resume from "
              + environment.restoredFrom()
              + ": "
              + Preflight.oneLine(rootCause(e))
              + " (--restore none starts from empty state)",
          e);
    }
  }

  /**
   * On SIGTERM or Ctrl-C while the job runs, stops it with a savepoint in the checkpoint folder, so
   * that the next run resumes there and replays nothing.
   */
  void stopWithSavepointOnSignal(JobClient client, RecsSettings s) {
    if (checkpointDir == null || !s.get(JobOptions.STOP_WITH_SAVEPOINT)) {
      return;
    }
    hook =
        new Thread(
            () -> {
              if (ended.get()) {
                return;
              }
              stoppedBySignal.set(true);
              out.printf("%s: stopping with a savepoint (signal) ...%n", job);
              try {
                String savepoint =
                    client
                        .stopWithSavepoint(
                            false,
                            RecoveryPoints.savepoints(checkpointDir),
                            SavepointFormatType.CANONICAL)
                        .get(STOP_TIMEOUT_MINUTES, TimeUnit.MINUTES);
                out.printf(
                    "%s: stopped with savepoint %s; a run with --checkpoint-dir %s resumes"
                        + " from it%n",
                    job, savepoint, checkpointDir);
              } catch (Exception e) {
                out.printf(
                    "%s: stop with savepoint failed (%s); a run with --checkpoint-dir %s resumes"
                        + " from the latest checkpoint%n",
                    job, Preflight.oneLine(rootCause(e)), checkpointDir);
              }
              out.flush();
            },
            "recs-stop-with-savepoint");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Whether the run ended because of a signal (and was stopped with a savepoint). */
  boolean stoppedBySignal() {
    return stoppedBySignal.get();
  }

  /**
   * After the job ended: without a signal it drained its input. The checkpoints of earlier runs are
   * removed; so is everything else in the checkpoint folder except the savepoint a bounded Kafka
   * run took at its end to hand over, which stays for the next run to resume from.
   *
   * @param finalSavepoint the savepoint to hand over, or null
   */
  void ended(String finalSavepoint) throws IOException {
    ended.set(true);
    if (!stoppedBySignal.get()) {
      removeHook();
    }
    if (checkpointDir == null || stoppedBySignal.get()) {
      return;
    }
    if (finalSavepoint != null) {
      RecoveryPoints.clearAllBut(checkpointDir, finalSavepoint);
      out.printf(
          "%s: input drained; kept its final savepoint %s, other checkpoints in %s removed: a run"
              + " with --checkpoint-dir %s resumes from it (state and offsets)%n",
          job, finalSavepoint, checkpointDir, checkpointDir);
    } else {
      RecoveryPoints.clearAllBut(checkpointDir, null);
      out.printf(
          "%s: input drained; checkpoints in %s removed (nothing to resume)%n", job, checkpointDir);
    }
  }

  /** After the job failed: its checkpoints stay for the next run to resume from. */
  void failed() {
    ended.set(true);
    removeHook();
  }

  private void removeHook() {
    if (hook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is exiting anyway
      }
    }
  }

  static Throwable rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }
}
