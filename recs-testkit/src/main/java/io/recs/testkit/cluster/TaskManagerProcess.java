package io.recs.testkit.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.flink.annotation.PublicEvolving;

/**
 * One TaskManager JVM of a {@link FlinkClusterExtension}. Only the cluster creates them ({@link
 * FlinkClusterExtension#startTaskManager()}).
 */
@PublicEvolving
public final class TaskManagerProcess {
  private final String id;
  private final ClusterProcess process;
  private final FlinkClusterExtension cluster;

  TaskManagerProcess(String id, ClusterProcess process, FlinkClusterExtension cluster) {
    this.id = id;
    this.process = process;
    this.cluster = cluster;
  }

  /** The resource id ({@code taskmanager.resource-id}) under which the JobManager knows it. */
  public String id() {
    return id;
  }

  /** The operating system's process id. */
  public long pid() {
    return process.pid();
  }

  /** Whether the process is running. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** The TaskManager's log file. */
  public Path logFile() {
    return process.logFile();
  }

  /**
   * Kills the process with {@code SIGKILL} ({@code kill -9}) and waits until it has exited: no
   * shutdown hook runs and nothing is flushed, as when a machine dies. Its slots are lost; the
   * JobManager notices within the heartbeat timeout.
   */
  public void kill() {
    process.kill();
  }

  /**
   * A metric of this TaskManager as the JobManager last fetched it, for example {@code
   * Status.JVM.Memory.Heap.Used}; empty if unknown.
   */
  public Optional<String> metric(String name) throws IOException {
    return cluster.taskManagerMetric(id, name);
  }

  ClusterProcess process() {
    return process;
  }

  @Override
  public String toString() {
    return id + " (pid " + pid() + (isAlive() ? ")" : ", exited)");
  }
}
