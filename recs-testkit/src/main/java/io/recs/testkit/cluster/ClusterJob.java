package io.recs.testkit.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.common.JobStatus;

/**
 * A job submitted to a {@link FlinkClusterExtension}: its status, checkpoints and restores, and the
 * operations of {@code flink stop} and {@code flink cancel}. Only the cluster creates them ({@link
 * FlinkClusterExtension#submit(JobSubmission)}).
 *
 * <p>The waiting methods poll the REST API every 200 ms. They fail at once, with the job's latest
 * exception and the log folder, when the job reaches a terminal state other than the awaited one.
 */
@PublicEvolving
public final class ClusterJob {
  private final FlinkClusterExtension cluster;
  private final Rest rest;
  private final String id;

  ClusterJob(FlinkClusterExtension cluster, Rest rest, String id) {
    this.cluster = cluster;
    this.rest = rest;
    this.id = id;
  }

  /** The job id. */
  public String id() {
    return id;
  }

  /** The job's current status, for example {@code RUNNING} or {@code RESTARTING}. */
  public JobStatus status() throws IOException {
    return JobStatus.valueOf(rest.get("/jobs/" + id).path("state").asText());
  }

  /**
   * Waits until the job has {@code status}.
   *
   * @throws IllegalStateException if the job ends in another terminal status, or on timeout; both
   *     name the job's latest exception and the cluster's log folder
   */
  public void awaitStatus(JobStatus status, Duration timeout) throws IOException {
    cluster.awaitCondition(
        () -> {
          JobStatus now = status();
          if (now == status) {
            return true;
          }
          if (now.isGloballyTerminalState()) {
            throw new IllegalStateException(
                "job " + id + " ended " + now + " while waiting for " + status + failure());
          }
          return false;
        },
        timeout,
        () -> "job " + id + " to be " + status + " (it is " + status() + ")" + failure());
  }

  /**
   * Waits until the job is {@code RUNNING} with every task {@code RUNNING} (or already {@code
   * FINISHED}), that is, deployed and restored.
   */
  public void awaitAllTasksRunning(Duration timeout) throws IOException {
    cluster.awaitCondition(
        () -> {
          JsonNode job = rest.get("/jobs/" + id);
          JobStatus now = JobStatus.valueOf(job.path("state").asText());
          if (now.isGloballyTerminalState()) {
            throw new IllegalStateException(
                "job " + id + " ended " + now + " while waiting for its tasks" + failure());
          }
          if (now != JobStatus.RUNNING) {
            return false;
          }
          for (JsonNode vertex : job.path("vertices")) {
            JsonNode tasks = vertex.path("tasks");
            int parallelism = vertex.path("parallelism").asInt();
            if (tasks.path("RUNNING").asInt() + tasks.path("FINISHED").asInt() != parallelism) {
              return false;
            }
          }
          return true;
        },
        timeout,
        () -> "every task of job " + id + " to run (job " + status() + ")" + failure());
  }

  /** The number of checkpoints completed so far, savepoints included. */
  public long completedCheckpoints() throws IOException {
    return rest.get("/jobs/" + id + "/checkpoints").path("counts").path("completed").asLong();
  }

  /** Waits until at least {@code count} checkpoints have completed. */
  public void awaitCompletedCheckpoints(long count, Duration timeout) throws IOException {
    cluster.awaitCondition(
        () -> {
          if (status().isGloballyTerminalState()) {
            throw new IllegalStateException(
                "job " + id + " ended before " + count + " checkpoints" + failure());
          }
          return completedCheckpoints() >= count;
        },
        timeout,
        () -> count + " completed checkpoints of job " + id + " (" + completedCheckpoints() + ")");
  }

  /**
   * The completed checkpoints and savepoints in the JobManager's history (the last {@code
   * web.checkpoints.history}, 1000 by default on this cluster), oldest first.
   */
  public List<CheckpointStats> checkpoints() throws IOException {
    List<CheckpointStats> completed = new ArrayList<>();
    for (JsonNode checkpoint : rest.get("/jobs/" + id + "/checkpoints").path("history")) {
      if (!checkpoint.path("status").asText().equals("COMPLETED")) {
        continue;
      }
      boolean unaligned =
          checkpoint.path("is_unaligned").asBoolean(false)
              || checkpoint.path("checkpoint_type").asText().contains("UNALIGNED");
      completed.add(
          new CheckpointStats(
              checkpoint.path("id").asLong(),
              checkpoint.path("is_savepoint").asBoolean(),
              unaligned,
              Instant.ofEpochMilli(checkpoint.path("trigger_timestamp").asLong()),
              Duration.ofMillis(checkpoint.path("end_to_end_duration").asLong()),
              checkpoint.path("checkpointed_size").asLong(),
              checkpoint.path("state_size").asLong()));
    }
    completed.sort(Comparator.comparingLong(CheckpointStats::id));
    return completed;
  }

  /** The latest restore from a checkpoint or savepoint, if the job has restored one. */
  public Optional<RestoreStats> lastRestore() throws IOException {
    JsonNode restored = rest.get("/jobs/" + id + "/checkpoints").path("latest").path("restored");
    if (restored.isMissingNode() || restored.isNull()) {
      return Optional.empty();
    }
    return Optional.of(
        new RestoreStats(
            restored.path("id").asLong(),
            restored.path("is_savepoint").asBoolean(),
            Instant.ofEpochMilli(restored.path("restore_timestamp").asLong()),
            restored.path("external_path").asText(null)));
  }

  /** How often the job has restarted after failures ({@code numRestarts}). */
  public long numRestarts() throws IOException {
    for (JsonNode metric : rest.get("/jobs/" + id + "/metrics?get=numRestarts")) {
      return metric.path("value").asLong();
    }
    return 0;
  }

  /** The resource ids of the TaskManagers that run the job's current task attempts. */
  public Set<String> taskManagerIds() throws IOException {
    Set<String> ids = new TreeSet<>();
    for (JsonNode vertex : rest.get("/jobs/" + id).path("vertices")) {
      String path = "/jobs/" + id + "/vertices/" + vertex.path("id").asText() + "/taskmanagers";
      for (JsonNode tm : rest.get(path).path("taskmanagers")) {
        String tmId = tm.path("taskmanager-id").asText();
        if (!tmId.isEmpty() && !tmId.equals("(unassigned)")) {
          ids.add(tmId);
        }
      }
    }
    return ids;
  }

  /**
   * {@code flink stop}: takes a savepoint into the cluster's savepoint folder, commits the sinks'
   * pending output, and ends the job ({@code FINISHED}). With {@code drain}, the sources first emit
   * the end-of-time watermark, so event-time timers fire as at the end of a bounded input.
   *
   * @return the savepoint's path, for {@link JobSubmission.Builder#fromSavepoint(String)}
   */
  public String stopWithSavepoint(boolean drain, Duration timeout) throws IOException {
    JsonNode trigger =
        rest.post(
            "/jobs/" + id + "/stop",
            Map.of(
                "targetDirectory", cluster.savepointFolder().toUri().toString(), "drain", drain));
    String request = trigger.path("request-id").asText();
    String[] location = new String[1];
    cluster.awaitCondition(
        () -> {
          JsonNode answer = rest.get("/jobs/" + id + "/savepoints/" + request);
          if (!answer.path("status").path("id").asText().equals("COMPLETED")) {
            return false;
          }
          JsonNode operation = answer.path("operation");
          if (operation.has("failure-cause")) {
            throw new IllegalStateException(
                "stop-with-savepoint of job "
                    + id
                    + " failed: "
                    + operation
                        .path("failure-cause")
                        .path("stack-trace")
                        .asText(operation.path("failure-cause").toString())
                    + "; "
                    + cluster.diagnostics());
          }
          location[0] = operation.path("location").asText();
          return true;
        },
        timeout,
        () -> "the savepoint of job " + id + failure());
    awaitStatus(JobStatus.FINISHED, timeout);
    return location[0];
  }

  /** {@code flink cancel}: cancels the job and waits until it is {@code CANCELED}. */
  public void cancel(Duration timeout) throws IOException {
    rest.patch("/jobs/" + id + "?mode=cancel");
    awaitStatus(JobStatus.CANCELED, timeout);
  }

  /** The job's latest exception as the JobManager reports it, or an empty string. */
  public String latestException() throws IOException {
    JsonNode entries = rest.get("/jobs/" + id + "/exceptions").path("exceptionHistory");
    JsonNode first = entries.path("entries").path(0);
    return first.isMissingNode() ? "" : first.path("stacktrace").asText();
  }

  private String failure() {
    String exception;
    try {
      exception = latestException();
    } catch (IOException e) {
      exception = "(exceptions unavailable: " + e.getMessage() + ")";
    }
    return (exception.isEmpty() ? "" : "; latest exception: " + exception)
        + "; "
        + cluster.diagnostics();
  }

  @Override
  public String toString() {
    return "job " + id;
  }
}
