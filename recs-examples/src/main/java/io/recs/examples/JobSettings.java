package io.recs.examples;

import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ConfigConstants;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.ParameterTool;

/** The flags every example job shares, and the environment they configure. */
final class JobSettings {
  private JobSettings() {}

  static Flags declare(Flags flags) {
    return flags
        .optional("format", "", "input format: built-in parser name, see Formats")
        .optional("parser-class", "", "class name of an InteractionParser (instead of --format)")
        .optional("checkpoint-interval", "10000", "milliseconds between checkpoints")
        .optional(
            "checkpoint-dir",
            "",
            "checkpoint storage, e.g. file:///... or hdfs://...; default: the cluster's"
                + " execution.checkpointing.dir, else a folder under java.io.tmpdir")
        .optional("parallelism", "", "parallelism of every operator; default: the cluster's")
        .optional("state-backend", "hashmap", "hashmap (in memory) or rocksdb (large state)")
        .optional("max-restarts", "3", "restarts after failures, 10 s apart, before giving up");
  }

  /**
   * The configuration of {@code flink run} ({@code FLINK_CONF_DIR}), empty under {@code java -jar}.
   */
  private static Configuration flinkConfiguration() {
    String dir = System.getenv(ConfigConstants.ENV_FLINK_CONF_DIR);
    return dir == null ? new Configuration() : GlobalConfiguration.loadConfiguration(dir);
  }

  static StreamExecutionEnvironment environment(ParameterTool params) {
    String backend = params.get("state-backend");
    if (!backend.equals("hashmap") && !backend.equals("rocksdb")) {
      throw new IllegalArgumentException(
          "--state-backend must be hashmap or rocksdb, was " + backend);
    }
    Configuration conf = new Configuration();
    conf.set(StateBackendOptions.STATE_BACKEND, backend);
    // With checkpointing Flink's default is to restart forever, which hides a broken input.
    int restarts = params.getInt("max-restarts");
    if (restarts < 0) {
      throw new IllegalArgumentException("--max-restarts must be >= 0, was " + restarts);
    }
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, restarts);
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofSeconds(10));
    if (params.has("checkpoint-dir")) {
      conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, params.get("checkpoint-dir"));
    } else if (!flinkConfiguration().contains(CheckpointingOptions.CHECKPOINTS_DIRECTORY)) {
      // Without a directory Flink keeps checkpoints in the JobManager's memory, limited to 5 MB:
      // too small for recs state beyond a toy data set.
      Path dir = Path.of(System.getProperty("java.io.tmpdir"), "recs-checkpoints");
      conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir.toUri().toString());
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    long interval = params.getLong("checkpoint-interval");
    if (interval <= 0) {
      throw new IllegalArgumentException("--checkpoint-interval must be > 0, was " + interval);
    }
    env.enableCheckpointing(Duration.ofMillis(interval).toMillis());
    if (params.has("parallelism")) {
      env.setParallelism(params.getInt("parallelism"));
    }
    env.getConfig().setGlobalJobParameters(params);
    return env;
  }
}
