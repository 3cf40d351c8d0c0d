package io.recs.examples;

import io.recs.connectors.ParsedStreams;
import io.recs.connectors.file.FileInteractionSource;
import io.recs.pipeline.RecsStreams;
import java.io.PrintStream;
import java.time.Duration;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.ParameterTool;

/**
 * Reads interaction files or folders (local or {@code hdfs://}), runs the recs pipeline, and writes
 * recommendations, similar items, trending lists and dead letters as hourly JSON lines under {@code
 * --output-dir}.
 *
 * <pre>
 * java -jar recs-examples.jar files-to-files --input data/ratings.csv \
 *     --parser-class com.example.MyParser --output-dir out
 * flink run -c io.recs.examples.FilesToFilesJob recs-examples.jar --input hdfs://nn:8020/in ...
 * </pre>
 *
 * <p>Without {@code --monitor-interval} the job reads the files present at start and ends; with it,
 * the job keeps running and reads each new file once. Output files are committed on checkpoints:
 * {@code <output-dir>/recommendations/yyyy-MM-dd--HH/part-*.jsonl}, and likewise {@code
 * similar-items}, {@code trending} and {@code dead-letters}. {@code --help} lists every flag.
 */
@PublicEvolving
public final class FilesToFilesJob {
  private FilesToFilesJob() {}

  static Flags flags() {
    return PipelineSettings.declare(
        JobSettings.declare(
            new Flags(
                    "files-to-files: interaction files in; recommendations, similar items, trending"
                        + " and dead letters out")
                .required("input", "files or folders, comma-separated, local or hdfs://")
                .required("output-dir", "base folder of the output, local or hdfs://")
                .optional(
                    "monitor-interval",
                    "",
                    "milliseconds between scans for new files; unbounded")));
  }

  /** Runs the job; see {@code --help}. */
  public static void main(String[] args) throws Exception {
    run(args, System.out);
  }

  static void run(String[] args, PrintStream out) throws Exception {
    ParameterTool params = flags().parse(args, out);
    if (params == Flags.HELP) {
      return;
    }
    StreamExecutionEnvironment env = JobSettings.environment(params);
    FileInteractionSource.Builder source =
        FileInteractionSource.builder()
            .paths(params.get("input").split(","))
            .parser(Formats.parser(params.get("format"), params.get("parser-class")));
    if (params.has("monitor-interval")) {
      source.monitorContinuously(Duration.ofMillis(params.getLong("monitor-interval")));
    }
    ParsedStreams in = source.build().attach(env);
    RecsStreams streams = PipelineSettings.pipeline(params).apply(in.interactions());
    FileOutputs.attach(streams, in.deadLetters(), params.get("output-dir"));
    env.execute("recs files-to-files");
  }
}
