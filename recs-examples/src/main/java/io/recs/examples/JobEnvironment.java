package io.recs.examples;

import static io.recs.examples.JobOptions.*;

import io.recs.config.RecsSettings;
import java.io.File;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ConfigConstants;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.state.rocksdb.RocksDBConfigurableOptions;
import org.apache.flink.state.rocksdb.RocksDBOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The Flink environment of a bundled job: the Flink configuration ({@code FLINK_CONF_DIR} under
 * {@code flink run}, empty under {@code java -jar}), the {@code flink.*} settings on top, then the
 * job's own run settings.
 *
 * <p>Flink's own {@code execution.state-recovery.path} ({@code flink run -s}, the cluster's or a
 * {@code --flink.} setting) wins over the run's {@code resumeFrom}.
 *
 * @param env the environment
 * @param restoredFrom the checkpoint or savepoint the job starts from, or null
 * @param byFlink whether Flink's configuration chose {@code restoredFrom}
 * @param unalignedByDefault whether checkpoints are unaligned because the configuration did not say
 *     (until {@link #alignCheckpointsIfBounded} makes a bounded run's aligned)
 */
record JobEnvironment(
    StreamExecutionEnvironment env,
    String restoredFrom,
    boolean byFlink,
    boolean unalignedByDefault) {

  /** Managed memory of a local run on RocksDB unless Flink's configuration sets it. */
  static final MemorySize LOCAL_ROCKSDB_MANAGED_MEMORY = MemorySize.ofMebiBytes(1024);

  static JobEnvironment create(RecsSettings s, Map<String, String> flink, String resumeFrom) {
    Configuration conf = flinkConfiguration();
    conf.addAll(Configuration.fromMap(flink));
    conf.set(
        StateBackendOptions.STATE_BACKEND, s.get(STATE_BACKEND).name().toLowerCase(Locale.ROOT));
    // With checkpointing Flink's default is to restart forever, which hides a broken input.
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, s.get(MAX_RESTARTS));
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofSeconds(10));
    // A crashed or cancelled run leaves its latest checkpoint for the next run to resume from.
    conf.set(
        CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
        ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    String checkpointDir = s.get(CHECKPOINT_DIR) == null ? null : uri(s.get(CHECKPOINT_DIR));
    if (checkpointDir != null) {
      conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpointDir);
      conf.set(CheckpointingOptions.SAVEPOINT_DIRECTORY, RecoveryPoints.savepoints(checkpointDir));
    } else if (!conf.contains(CheckpointingOptions.CHECKPOINTS_DIRECTORY)) {
      // Without a directory Flink keeps checkpoints in the JobManager's memory, limited to 5 MB:
      // too small for recs state beyond a toy data set. A folder per run: never resumed.
      String run = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
      File dir = new File(System.getProperty("java.io.tmpdir"), "recs-checkpoints/" + run);
      conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir.toURI().toString());
    }
    boolean unalignedByDefault = !conf.contains(CheckpointingOptions.ENABLE_UNALIGNED);
    if (unalignedByDefault) {
      // Aligned barriers queue behind a backpressured pipeline (replayed history, a backlog):
      // checkpoints, and with them every committed output, would wait for the backlog. A run whose
      // input ends goes back to aligned ones: see alignCheckpointsIfBounded.
      conf.set(CheckpointingOptions.ENABLE_UNALIGNED, true);
    }
    if (s.get(STATE_BACKEND) == StateBackend.ROCKSDB
        && !conf.contains(TaskManagerOptions.MANAGED_MEMORY_SIZE)
        && !conf.contains(TaskManagerOptions.MANAGED_MEMORY_FRACTION)) {
      // RocksDB's block cache and write buffers come from managed memory, which a local run
      // (java -jar) otherwise gets 128 MB of: on the standard set scaled 10x the job slowed from
      // 3,000 to 500 events/s as its state grew, and kept ~3,900 events/s with 1 GB
      // (docs/benchmarks.md). A cluster's TaskManagers keep their own setting.
      conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, LOCAL_ROCKSDB_MANAGED_MEMORY);
    }
    if (s.get(STATE_BACKEND) == StateBackend.ROCKSDB
        && !conf.contains(RocksDBConfigurableOptions.USE_BLOOM_FILTER)
        && !conf.contains(RocksDBOptions.USE_PARTITIONED_INDEX_FILTERS)) {
      // Many reads of the similarity stage ask for a pair not in its row yet; a bloom filter
      // answers those without reading a data block. Partitioned, so that the filters are cached in
      // small pieces: one whole filter per file thrashed the managed-memory cache
      // (docs/benchmarks.md).
      conf.set(RocksDBConfigurableOptions.USE_BLOOM_FILTER, true);
      conf.set(RocksDBOptions.USE_PARTITIONED_INDEX_FILTERS, true);
    }
    if (!conf.contains(PipelineOptions.OBJECT_REUSE)) {
      // Chained operators pass records on without a serializer copy (6% less CPU on the standard
      // set, docs/benchmarks.md). Safe because no recs operator changes a record, or an array in
      // one, after emitting or receiving it (docs/architecture.md#records-are-never-changed).
      conf.set(PipelineOptions.OBJECT_REUSE, true);
    }
    if (!conf.contains(HeartbeatManagerOptions.HEARTBEAT_INTERVAL)) {
      // Accumulators travel with heartbeats: a local run's progress lines need them often.
      conf.set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, Duration.ofSeconds(1));
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    String given =
        env.getConfiguration().getOptional(StateRecoveryOptions.SAVEPOINT_PATH).orElse(null);
    if (given == null && resumeFrom != null) {
      conf.set(StateRecoveryOptions.SAVEPOINT_PATH, resumeFrom);
      env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    }
    env.enableCheckpointing(s.get(CHECKPOINT_INTERVAL).toMillis());
    if (s.get(PARALLELISM) != null) {
      env.setParallelism(s.get(PARALLELISM));
    }
    return new JobEnvironment(
        env, given != null ? given : resumeFrom, given != null, unalignedByDefault);
  }

  /**
   * Takes aligned checkpoints if the run's input ends ({@code bounded}) and Flink's configuration
   * did not choose. When a bounded input ends, the user stage fires every user's end-of-input timer
   * in one go and blocks on network buffers while it sends the final lists' requests, so it cannot
   * take part in a checkpoint until its consumers have read them. With unaligned checkpoints the
   * tasks next to it (neighbour lookups, item counts) pass the barrier on at once; Flink aligns
   * every input of the rank and similarity stages, since each has a broadcast input, so those
   * stages stop reading the channels that brought the barrier, the tasks in front of them fill
   * their buffers and stop reading the user stage, and nothing moves until the checkpoint times out
   * (10 minutes) and the job restarts (measured in docs/operations.md). With aligned barriers no
   * task passes a barrier on before it has it from all its inputs, so they keep reading the user
   * stage. A live input has no end of input (a drain ends it with a savepoint, which is aligned)
   * and keeps unaligned checkpoints.
   */
  void alignCheckpointsIfBounded(boolean bounded) {
    if (bounded && unalignedByDefault) {
      env.getCheckpointConfig().enableUnalignedCheckpoints(false);
    }
  }

  /** A path with a scheme: a plain local path becomes a {@code file:} URI. */
  static String uri(String path) {
    return path.contains("://") || path.startsWith("file:")
        ? path
        : new File(path).getAbsoluteFile().toURI().toString();
  }

  /**
   * The configuration of {@code flink run} ({@code FLINK_CONF_DIR}), empty under {@code java -jar}.
   */
  private static Configuration flinkConfiguration() {
    String dir = System.getenv(ConfigConstants.ENV_FLINK_CONF_DIR);
    return dir == null ? new Configuration() : GlobalConfiguration.loadConfiguration(dir);
  }
}
