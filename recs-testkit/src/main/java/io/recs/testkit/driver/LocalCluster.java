package io.recs.testkit.driver;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobmaster.JobResult;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** One MiniCluster with a task manager of {@code slots} slots, on random ports. */
final class LocalCluster implements AutoCloseable {
  private final MiniCluster cluster;

  private LocalCluster(MiniCluster cluster) {
    this.cluster = cluster;
  }

  static LocalCluster start(int slots) {
    Configuration conf = new Configuration();
    // Enough for RocksDB at a few slots; the HashMap backend does not use managed memory.
    conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.ofMebiBytes(256));
    MiniCluster cluster =
        new MiniCluster(
            new MiniClusterConfiguration.Builder()
                .setConfiguration(conf)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(slots)
                .withRandomPorts()
                .build());
    try {
      cluster.start();
    } catch (Exception e) {
      throw new IllegalStateException("could not start the MiniCluster", e);
    }
    return new LocalCluster(cluster);
  }

  /** Runs the job of {@code env} to its end; a failure or a timeout is an exception. */
  void execute(StreamExecutionEnvironment env, Duration timeout) {
    JobGraph job = env.getStreamGraph().getJobGraph();
    JobID id = job.getJobID();
    try {
      cluster.submitJob(job).get();
      JobResult result =
          cluster.requestJobResult(id).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      result.toJobExecutionResult(Thread.currentThread().getContextClassLoader());
    } catch (TimeoutException e) {
      cluster.cancelJob(id);
      throw new IllegalStateException("the job did not finish within " + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the job ran", e);
    } catch (Exception e) {
      // A failed job arrives as JobExecutionException; a refused submission as ExecutionException.
      throw new IllegalStateException("the job failed: " + rootMessage(e), e);
    }
  }

  @Override
  public void close() {
    try {
      cluster.close();
    } catch (Exception e) {
      throw new IllegalStateException("could not stop the MiniCluster", e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.toString();
  }
}
