package io.recs.examples;

import java.time.Duration;
import org.apache.flink.configuration.Configuration;
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
        .optional("parallelism", "", "parallelism of every operator; default: the cluster's")
        .optional("state-backend", "hashmap", "hashmap (in memory) or rocksdb (large state)")
        .optional("max-restarts", "3", "restarts after failures, 10 s apart, before giving up");
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
