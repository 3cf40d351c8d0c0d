package io.recs.examples;

import io.recs.config.Checks;
import io.recs.config.RecsOption;
import io.recs.connectors.file.FileBucketing;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The settings of the bundled jobs' sources, sinks and runs, declared once. */
final class JobOptions {
  private JobOptions() {}

  /** Where interactions come from. */
  enum Source {
    FILES,
    KAFKA
  }

  /** Where outputs go. */
  enum Sink {
    FILES,
    KAFKA;

    /** The name of the sink in flags, uids and summaries, e.g. {@code kafka}. */
    String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** What a run writes. */
  enum Output {
    RECOMMENDATIONS,
    SIMILAR_ITEMS,
    TRENDING,
    DEAD_LETTERS,
    INTERACTIONS;

    /** The name of the output in flags, folders and summaries, e.g. {@code similar-items}. */
    String label() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  /** The outputs whose lists can be written latest-only (one per user, item or scope). */
  enum ListOutput {
    RECOMMENDATIONS,
    SIMILAR_ITEMS,
    TRENDING
  }

  enum StartingOffsetsName {
    EARLIEST,
    LATEST,
    COMMITTED
  }

  enum Guarantee {
    NONE,
    AT_LEAST_ONCE,
    EXACTLY_ONCE
  }

  enum StateBackend {
    HASHMAP,
    ROCKSDB
  }

  static final List<String> DEFAULT_OUTPUTS =
      List.of("recommendations", "similar-items", "trending", "dead-letters");

  // source

  static final RecsOption<Source> SOURCE =
      RecsOption.key("source")
          .flag("source")
          .enumType(Source.class)
          .defaultValue(Source.FILES)
          .description("Where interactions come from: files (local or hdfs://) or kafka.");

  static final RecsOption<List<String>> INPUT =
      RecsOption.key("files.input")
          .flag("input")
          .listType()
          .description(
              "Files or folders to read, comma-separated, local or hdfs:// (--source files).");

  static final RecsOption<Duration> MONITOR_INTERVAL =
      RecsOption.key("files.monitor-interval")
          .flag("monitor-interval")
          .durationType()
          .check(Checks.positiveDuration())
          .description(
              "If set, keep running and read each new file of --input once, scanning this often;"
                  + " unset reads what is there and ends.");

  static final RecsOption<String> BOOTSTRAP_SERVERS =
      RecsOption.key("kafka.bootstrap-servers")
          .flag("bootstrap-servers")
          .stringType()
          .check(Checks.notBlank())
          .description("Kafka brokers, host:port[,host:port] (Kafka source or sink).");

  static final RecsOption<String> INPUT_TOPIC =
      RecsOption.key("kafka.input-topic")
          .flag("input-topic")
          .stringType()
          .check(Checks.notBlank())
          .description("Topic of raw interaction records (--source kafka).");

  static final RecsOption<String> GROUP_ID =
      RecsOption.key("kafka.group-id")
          .flag("group-id")
          .stringType()
          .defaultValue("recs")
          .check(Checks.notBlank())
          .description("Consumer group of the Kafka source.");

  static final RecsOption<StartingOffsetsName> STARTING_OFFSETS =
      RecsOption.key("kafka.starting-offsets")
          .flag("starting-offsets")
          .enumType(StartingOffsetsName.class)
          .defaultValue(StartingOffsetsName.COMMITTED)
          .description(
              "Where the Kafka source starts without a checkpoint: earliest, latest, or the"
                  + " group's committed offsets (earliest where none).");

  static final RecsOption<Boolean> BOUNDED =
      RecsOption.key("kafka.bounded")
          .flag("bounded")
          .booleanType()
          .defaultValue(false)
          .description(
              "Stop at the offsets that are latest at start (a backfill), and commit them to the"
                  + " group. With --checkpoint-dir the run keeps a savepoint there at its end, which"
                  + " the next run with the same --checkpoint-dir resumes from (state and offsets).");

  static final RecsOption<Map<String, String>> KAFKA_PROPERTIES =
      RecsOption.key("kafka.properties")
          .flag("kafka-properties")
          .mapType()
          .defaultValue(Map.of())
          .description(
              "Kafka client properties for the source and every sink, e.g."
                  + " security.protocol=SASL_PLAINTEXT; also one at a time as"
                  + " --kafka.properties.<name> <value> or under kafka.properties in YAML.");

  // sinks

  static final RecsOption<List<String>> SINKS =
      RecsOption.key("sinks")
          .flag("sinks")
          .listType()
          .defaultValue(List.of("files"))
          .check(oneOfEach(Sink.class))
          .description("Where outputs go: files, kafka, or both (files,kafka).");

  static final RecsOption<String> OUTPUT_DIR =
      RecsOption.key("files.output-dir")
          .flag("output-dir")
          .stringType()
          .defaultValue("recs-output")
          .check(Checks.notBlank())
          .description(
              "Base folder of the files sink, local or hdfs://; one sub-folder per output. A"
                  + " non-empty folder is refused unless --overwrite.");

  static final RecsOption<Boolean> OVERWRITE =
      RecsOption.key("files.overwrite")
          .flag("overwrite")
          .booleanType()
          .defaultValue(false)
          .description(
              "Delete the output sub-folders of an earlier run in --output-dir before writing.");

  static final RecsOption<List<String>> FILES_OUTPUTS =
      RecsOption.key("files.outputs")
          .flag("files-outputs")
          .listType()
          .defaultValue(DEFAULT_OUTPUTS)
          .check(oneOfEach(Output.class))
          .description(
              "Outputs the files sink writes: recommendations, similar-items, trending,"
                  + " dead-letters, interactions.");

  static final RecsOption<FileBucketing> BUCKETING =
      RecsOption.key("files.bucketing")
          .flag("bucketing")
          .enumType(FileBucketing.class)
          .defaultValue(FileBucketing.PROCESSING_TIME_HOUR)
          .description(
              "Sub-folders of each output: processing-time-hour (the hour the files were written,"
                  + " UTC), event-day or event-hour (the day or hour of each result's event time,"
                  + " for live streams only: a replay of history opens a file per day or hour it"
                  + " spans at every checkpoint), or none.");

  static final RecsOption<List<String>> LATEST_ONLY =
      RecsOption.key("sinks.latest-only")
          .flag("latest-only")
          .listType()
          .defaultValue(List.of("similar-items", "trending"))
          .check(oneOfEach(ListOutput.class))
          .description(
              "Outputs of which every sink writes, per checkpoint, only the latest list of each"
                  + " item (similar-items), scope (trending) or user (recommendations): the files"
                  + " sink and exactly-once Kafka publish at checkpoints, so a reader misses only"
                  + " lists that a newer one replaced within the same checkpoint interval. Empty:"
                  + " every list is written.");

  static final RecsOption<List<String>> KAFKA_OUTPUTS =
      RecsOption.key("kafka.outputs")
          .flag("kafka-outputs")
          .listType()
          .defaultValue(DEFAULT_OUTPUTS)
          .check(oneOfEach(Output.class))
          .description(
              "Outputs the Kafka sink writes: recommendations, similar-items, trending,"
                  + " dead-letters, interactions.");

  static final RecsOption<String> RECOMMENDATIONS_TOPIC =
      topic("recommendations", "per-user lists, keyed by user");
  static final RecsOption<String> SIMILAR_ITEMS_TOPIC =
      topic("similar-items", "per-item neighbour lists, keyed by item");
  static final RecsOption<String> TRENDING_TOPIC =
      topic("trending", "trending lists, keyed by scope");
  static final RecsOption<String> DEAD_LETTERS_TOPIC =
      topic("dead-letters", "rejected records with their reasons");
  static final RecsOption<String> INTERACTIONS_TOPIC =
      topic("interactions", "parsed interactions as canonical JSON (read back by --format json)");

  static final RecsOption<Guarantee> DELIVERY_GUARANTEE =
      RecsOption.key("kafka.delivery-guarantee")
          .flag("delivery-guarantee")
          .enumType(Guarantee.class)
          .defaultValue(Guarantee.EXACTLY_ONCE)
          .description(
              "Guarantee of the Kafka sink: none, at-least-once or exactly-once (transactions"
                  + " committed on checkpoints; read with isolation.level=read_committed).");

  static final RecsOption<String> TRANSACTIONAL_ID_PREFIX =
      RecsOption.key("kafka.transactional-id-prefix")
          .flag("transactional-id-prefix")
          .stringType()
          .defaultValue("recs")
          .check(Checks.notBlank())
          .description(
              "Prefix of the Kafka sink's transactional ids (exactly-once); unique per job.");

  // run

  static final RecsOption<Integer> PARALLELISM =
      RecsOption.key("job.parallelism")
          .flag("parallelism")
          .intType()
          .check(Checks.positive())
          .description("Parallelism of every operator; unset: the cluster's default.");

  static final RecsOption<Duration> CHECKPOINT_INTERVAL =
      RecsOption.key("job.checkpoint-interval")
          .flag("checkpoint-interval")
          .durationType()
          .defaultValue(Duration.ofSeconds(10))
          .check(Checks.positiveDuration())
          .description("Time between checkpoints; outputs are committed on checkpoints.");

  static final RecsOption<String> CHECKPOINT_DIR =
      RecsOption.key("job.checkpoint-dir")
          .flag("checkpoint-dir")
          .stringType()
          .check(Checks.notBlank())
          .description(
              "Durable checkpoint storage, a local folder, file:///... or hdfs://...; a run given"
                  + " the folder of an earlier one resumes from it (--restore). Unset: the"
                  + " cluster's execution.checkpointing.dir, else a new folder under java.io.tmpdir"
                  + " per run (not resumed).");

  static final RecsOption<String> RESTORE =
      RecsOption.key("job.restore")
          .flag("restore")
          .stringType()
          .defaultValue("latest")
          .check(Checks.notBlank())
          .description(
              "Where the run starts: latest (the newest checkpoint or savepoint in --checkpoint-dir,"
                  + " if it was given and holds one), none (empty state), or the path of a"
                  + " checkpoint or savepoint. flink run -s and execution.state-recovery.path win.");

  static final RecsOption<Boolean> STOP_WITH_SAVEPOINT =
      RecsOption.key("job.stop-with-savepoint")
          .flag("stop-with-savepoint")
          .booleanType()
          .defaultValue(true)
          .description(
              "On SIGTERM or Ctrl-C, stop with a savepoint in <checkpoint-dir>/savepoints, so that"
                  + " the next run resumes where this one stopped (java -jar runs).");

  static final RecsOption<StateBackend> STATE_BACKEND =
      RecsOption.key("job.state-backend")
          .flag("state-backend")
          .enumType(StateBackend.class)
          .defaultValue(StateBackend.HASHMAP)
          .description("hashmap (state in memory) or rocksdb (large state on disk).");

  static final RecsOption<Integer> MAX_RESTARTS =
      RecsOption.key("job.max-restarts")
          .flag("max-restarts")
          .intType()
          .defaultValue(3)
          .check(Checks.atLeast(0))
          .description("Restarts after failures, 10 s apart, before the job gives up.");

  static final RecsOption<Double> MAX_REJECTED_SHARE =
      RecsOption.key("job.max-rejected-share")
          .flag("max-rejected-share")
          .doubleType()
          .defaultValue(0.5)
          .check(Checks.between(0, 1))
          .description(
              "Exit code 1 when more than this share of the records read was rejected (header"
                  + " lines and ratings below a threshold not counted): a wrong format must not"
                  + " look like success.");

  static final RecsOption<Duration> PROGRESS_INTERVAL =
      RecsOption.key("job.progress-interval")
          .flag("progress-interval")
          .durationType()
          .defaultValue(Duration.ofSeconds(5))
          .check(Checks.positiveDuration())
          .description("Time between progress lines (events/s, accepted, rejected).");

  static final List<RecsOption<?>> SOURCE_OPTIONS =
      List.of(
          SOURCE,
          INPUT,
          MONITOR_INTERVAL,
          BOOTSTRAP_SERVERS,
          INPUT_TOPIC,
          GROUP_ID,
          STARTING_OFFSETS,
          BOUNDED,
          KAFKA_PROPERTIES);

  static final List<RecsOption<?>> SINK_OPTIONS =
      List.of(
          SINKS,
          OUTPUT_DIR,
          OVERWRITE,
          FILES_OUTPUTS,
          BUCKETING,
          LATEST_ONLY,
          KAFKA_OUTPUTS,
          RECOMMENDATIONS_TOPIC,
          SIMILAR_ITEMS_TOPIC,
          TRENDING_TOPIC,
          DEAD_LETTERS_TOPIC,
          INTERACTIONS_TOPIC,
          DELIVERY_GUARANTEE,
          TRANSACTIONAL_ID_PREFIX);

  static final List<RecsOption<?>> RUN_OPTIONS =
      List.of(
          PARALLELISM,
          CHECKPOINT_INTERVAL,
          CHECKPOINT_DIR,
          RESTORE,
          STOP_WITH_SAVEPOINT,
          STATE_BACKEND,
          MAX_RESTARTS,
          MAX_REJECTED_SHARE,
          PROGRESS_INTERVAL);

  private static RecsOption<String> topic(String output, String what) {
    return RecsOption.key("kafka." + output + "-topic")
        .flag(output + "-topic")
        .stringType()
        .defaultValue(output)
        .check(Checks.notBlank())
        .description("Topic of " + what + ".");
  }

  static <E extends Enum<E>> RecsOption.Check<List<String>> oneOfEach(Class<E> type) {
    RecsOption<E> names = RecsOption.key("x").flag("x").enumType(type).description("");
    return new RecsOption.Check<>() {
      @Override
      public String problem(List<String> values) {
        for (String value : values) {
          try {
            names.parse(value);
          } catch (IllegalArgumentException e) {
            return "has '" + value + "', not " + names.typeName();
          }
        }
        return null;
      }

      @Override
      public String requirement() {
        return "each " + names.typeName();
      }
    };
  }
}
