package io.recs.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;

/** Environments for the connector ITCases: fast checkpoints, and restarts that cannot loop. */
public final class TestJobs {
  /** The checkpoint interval of the tests. */
  public static final Duration CHECKPOINT_INTERVAL = Duration.ofMillis(500);

  private TestJobs() {}

  /** A shared MiniCluster with 4 slots for a test class. */
  public static MiniClusterExtension miniCluster() {
    return new MiniClusterExtension(
        new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(4)
            .build());
  }

  /** Parallelism 2, checkpoints every 500 ms, no restarts: a failure fails the test. */
  public static StreamExecutionEnvironment noRestarts() {
    Configuration conf = new Configuration();
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
    return env(conf);
  }

  /** Parallelism 2, checkpoints every 500 ms, at most 2 restarts 200 ms apart. */
  public static StreamExecutionEnvironment twoRestarts() {
    Configuration conf = new Configuration();
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 2);
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
    return env(conf);
  }

  /**
   * Waits until {@code condition} holds, failing fast if the job ends first (for example because it
   * ran out of restarts). The test's {@code @Timeout} bounds the wait.
   */
  public static void await(JobClient job, BooleanSupplier condition) throws Exception {
    while (!condition.getAsBoolean()) {
      JobStatus status = job.getJobStatus().get();
      if (status.isGloballyTerminalState()) {
        job.getJobExecutionResult().get();
        throw new IllegalStateException("job ended with " + status + " before the condition held");
      }
      Thread.sleep(200);
    }
  }

  private static StreamExecutionEnvironment env(Configuration conf) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    env.enableCheckpointing(CHECKPOINT_INTERVAL.toMillis());
    return env;
  }
}
