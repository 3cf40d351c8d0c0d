package io.recs.examples;

import static io.recs.examples.JobOptions.*;

import io.recs.config.RecsSettings;
import io.recs.event.RejectReason;
import io.recs.parse.InteractionParser;
import io.recs.parse.ParsedStreams;
import io.recs.pipeline.RecsPipeline;
import io.recs.pipeline.RecsStreams;
import java.io.PrintStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.common.TopicPartition;

/**
 * The bundled job: interactions from files (local or {@code hdfs://}) or Kafka, the recs pipeline,
 * and any set of outputs (recommendations, similar items, trending, dead letters, the parsed
 * interactions) to files and/or Kafka, every setting from a YAML file and flags.
 *
 * <pre>
 * java -jar recs-examples.jar run --input events.csv --format csv \
 *     --csv-columns user,item,timestamp --timestamp-unit s --default-action view \
 *     --emit final --sinks files --output-dir out
 * java -jar recs-examples.jar run --source kafka --bootstrap-servers host:9092 \
 *     --input-topic interactions --format json --sinks files,kafka --output-dir hdfs://nn:8020/recs
 * java -jar recs-examples.jar run --help
 * </pre>
 *
 * <p>Before the job starts, every setting is checked (a bad one ends the process with exit code 2
 * and one line naming it); while it runs, a progress line every few seconds; at its end, what was
 * read, accepted, rejected by reason and written where, and exit code 1 when the input looked
 * wrong. {@code files-to-files} and {@code kafka-to-kafka} are this job with other defaults.
 */
@PublicEvolving
public final class RunJob {
  private RunJob() {}

  /** A name of the job with the settings it implies. */
  record Variant(String name, String usage, Map<String, String> defaults) {}

  static final Variant RUN =
      new Variant(
          "run",
          "run: interactions from files or Kafka in; recommendations, similar items, trending,"
              + " dead letters and parsed interactions out to files and/or Kafka",
          Map.of());
  static final Variant FILES_TO_FILES =
      new Variant(
          "files-to-files",
          "files-to-files: run with --source files --sinks files",
          Map.of("source", "files", "sinks", "files"));
  static final Variant KAFKA_TO_KAFKA =
      new Variant(
          "kafka-to-kafka",
          "kafka-to-kafka: run with --source kafka --sinks kafka",
          Map.of("source", "kafka", "sinks", "kafka"));

  /** Runs the job; see {@code --help}. */
  public static void main(String[] args) throws Exception {
    Main.exit(Main.run(prepend("run", args), System.out, System.err));
  }

  static String[] prepend(String first, String[] rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  /** Runs {@code variant}; returns the exit code. */
  static int run(Variant variant, String[] args, PrintStream out) throws Exception {
    CommandLine commandLine = new CommandLine(variant.usage(), OptionSection.RUN);
    CommandLine.Invocation invocation = commandLine.parse(withDefaults(variant, args), out);
    if (invocation.done()) {
      return 0;
    }
    RecsSettings s = invocation.settings();
    RunLifecycle lifecycle = RunLifecycle.plan(variant.name(), out, s);
    List<String> header = Preflight.check(s, lifecycle.resumeFrom() != null);
    InteractionParser parser = InputFormats.parser(s, header);
    RecsPipeline pipeline = RunOutputs.needsPipeline(s) ? JobGraph.pipeline(s) : null;

    JobEnvironment environment =
        JobEnvironment.create(s, invocation.flinkConfiguration(), lifecycle.resumeFrom());
    StreamExecutionEnvironment env = environment.env();
    Map<TopicPartition, Long> endOffsets = null;
    if (s.get(SOURCE) == Source.KAFKA && s.get(BOUNDED)) {
      endOffsets =
          BackfillOffsets.endOffsets(
              s.get(BOOTSTRAP_SERVERS), s.get(KAFKA_PROPERTIES), s.get(INPUT_TOPIC));
    }
    // A bounded Kafka run that this process follows is ended by BackfillEnd, not by stopping
    // offsets: restored splits have none (connector 5.0), a finished split cannot be handed over in
    // a savepoint, and a run whose source finished at its stopping offsets while checkpoints were
    // unaligned did not end (a checkpoint taken after a source subtask finished never completed,
    // nor did the final one that commits the Kafka transactions: 24,000 events at parallelism 2,
    // ProcessKillITCase). Submitted detached (flink run -d, REST) nothing follows the job, so its
    // source stops at the end offsets, with aligned checkpoints unless the configuration says.
    boolean followed = env.getConfiguration().get(DeploymentOptions.ATTACHED);
    Map<TopicPartition, Long> stoppingOffsets = followed ? null : endOffsets;
    environment.alignCheckpointsIfBounded(
        stoppingOffsets != null
            || (s.get(SOURCE) == Source.FILES && s.get(MONITOR_INTERVAL) == null));
    ParsedStreams in = JobGraph.counted(JobGraph.source(s, parser, stoppingOffsets, env));
    RecsStreams streams = pipeline == null ? null : pipeline.apply(in.interactions());
    List<RunOutputs.Destination> destinations = RunOutputs.attach(s, in, streams);

    out.printf(
        "%s: %s %s, %s, outputs %s%n",
        variant.name(),
        s.get(SOURCE) == Source.FILES ? "reading" : "consuming",
        s.get(SOURCE) == Source.FILES
            ? String.join(",", s.get(INPUT))
            : s.get(INPUT_TOPIC) + " at " + s.get(BOOTSTRAP_SERVERS),
        pipeline == null
            ? "no recommendation stages"
            : "preset " + io.recs.pipeline.PipelineOptions.PRESET.format(RecsPipeline.preset(s)),
        destinations.stream().map(d -> d.output().label() + "→" + d.sink().label()).toList());
    JobClient client = lifecycle.submit(environment);
    if (!followed) {
      // Submitted to a cluster without waiting (flink run -d, REST): its UI reports progress.
      out.printf("%s: submitted job %s (detached)%n", variant.name(), client.getJobID());
      return 0;
    }
    RunReport report =
        new RunReport(
            out,
            variant.name(),
            destinations,
            explanations(s),
            s.get(InputOptions.JSON_EVENTS) != null);
    lifecycle.stopWithSavepointOnSignal(client, s);
    BackfillEnd end =
        endOffsets == null
            ? null
            : new BackfillEnd(s, client, lifecycle, endOffsets, out, variant.name());
    RunReport.Counts counts;
    try {
      counts = report.follow(client, s.get(PROGRESS_INTERVAL), end == null ? () -> {} : end::check);
    } catch (java.util.concurrent.ExecutionException e) {
      lifecycle.failed();
      out.printf("%s: FAILED: %s%n", variant.name(), Preflight.oneLine(RunLifecycle.rootCause(e)));
      return 1;
    }
    lifecycle.ended(end == null ? null : end.savepoint());
    if (lifecycle.stoppedBySignal()) {
      return 0;
    }
    if (endOffsets != null) {
      // Ended by BackfillEnd, the group holds the offsets of the final savepoint, at or after the
      // end offsets (after them if the topic grew meanwhile): never move it back.
      if (!BackfillOffsets.reached(
          s.get(BOOTSTRAP_SERVERS), s.get(KAFKA_PROPERTIES), s.get(GROUP_ID), endOffsets)) {
        BackfillOffsets.commit(
            s.get(BOOTSTRAP_SERVERS), s.get(KAFKA_PROPERTIES), s.get(GROUP_ID), endOffsets);
      }
      out.printf(
          "%s: committed the end offsets of %s for group %s: a live run with --starting-offsets"
              + " committed continues after them%n",
          variant.name(), s.get(INPUT_TOPIC), s.get(GROUP_ID));
    }
    if (RunOutputs.sinks(s).contains(Sink.FILES)) {
      int orphans = FileOutputs.removeInProgress(s.get(OUTPUT_DIR));
      if (orphans > 0) {
        out.printf(
            "%s: removed %d in-progress part files that killed runs left in %s%n",
            variant.name(), orphans, s.get(OUTPUT_DIR));
      }
    }
    return report.summarize(counts, s.get(MAX_REJECTED_SHARE), environment.restoredFrom() != null);
  }

  /** The variant's defaults before the user's flags; a flag given by the user wins. */
  static String[] withDefaults(Variant variant, String[] args) {
    java.util.List<String> all = new java.util.ArrayList<>();
    variant
        .defaults()
        .forEach(
            (flag, value) -> {
              boolean given =
                  java.util.Arrays.stream(args)
                      .anyMatch(a -> a.equals("--" + flag) || a.startsWith("--" + flag + "="));
              if (!given) {
                all.add("--" + flag);
                all.add(value);
              }
            });
    all.addAll(java.util.Arrays.asList(args));
    return all.toArray(String[]::new);
  }

  static Map<RejectReason, String> explanations(RecsSettings s) {
    Map<RejectReason, String> explanations = new EnumMap<>(RejectReason.class);
    String format = s.get(InputOptions.FORMAT);
    if (format != null && format.startsWith("movielens")) {
      explanations.put(
          RejectReason.BELOW_THRESHOLD,
          "(ratings below "
              + InputOptions.RATING_THRESHOLD.name()
              + " "
              + s.get(InputOptions.RATING_THRESHOLD)
              + "; not counted against the input)");
    }
    explanations.put(RejectReason.HEADER, "(header lines; not counted against the input)");
    return explanations;
  }
}
