package io.recs.examples;

import static io.recs.examples.JobOptions.*;

import io.recs.config.RecsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ConfigConstants;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The Flink environment of a bundled job: the Flink configuration ({@code FLINK_CONF_DIR} under
 * {@code flink run}, empty under {@code java -jar}), the {@code flink.*} settings on top, then the
 * job's own run settings.
 */
final class JobEnvironment {
  private JobEnvironment() {}

  static StreamExecutionEnvironment create(RecsSettings s, Map<String, String> flink) {
    Configuration conf = flinkConfiguration();
    conf.addAll(Configuration.fromMap(flink));
    conf.set(
        StateBackendOptions.STATE_BACKEND, s.get(STATE_BACKEND).name().toLowerCase(Locale.ROOT));
    // With checkpointing Flink's default is to restart forever, which hides a broken input.
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, s.get(MAX_RESTARTS));
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofSeconds(10));
    if (s.get(CHECKPOINT_DIR) != null) {
      conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, s.get(CHECKPOINT_DIR));
    } else if (!conf.contains(CheckpointingOptions.CHECKPOINTS_DIRECTORY)) {
      // Without a directory Flink keeps checkpoints in the JobManager's memory, limited to 5 MB:
      // too small for recs state beyond a toy data set.
      Path dir = Path.of(System.getProperty("java.io.tmpdir"), "recs-checkpoints");
      conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir.toUri().toString());
    }
    if (!conf.contains(HeartbeatManagerOptions.HEARTBEAT_INTERVAL)) {
      // Accumulators travel with heartbeats: a local run's progress lines need them often.
      conf.set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, Duration.ofSeconds(1));
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.enableCheckpointing(s.get(CHECKPOINT_INTERVAL).toMillis());
    if (s.get(PARALLELISM) != null) {
      env.setParallelism(s.get(PARALLELISM));
    }
    return env;
  }

  /**
   * The configuration of {@code flink run} ({@code FLINK_CONF_DIR}), empty under {@code java -jar}.
   */
  private static Configuration flinkConfiguration() {
    String dir = System.getenv(ConfigConstants.ENV_FLINK_CONF_DIR);
    return dir == null ? new Configuration() : GlobalConfiguration.loadConfiguration(dir);
  }
}
