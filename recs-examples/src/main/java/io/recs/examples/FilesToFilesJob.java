package io.recs.examples;

import io.recs.connectors.ParsedStreams;
import io.recs.connectors.file.FileInteractionSource;
import io.recs.connectors.file.RecsFileSink;
import io.recs.connectors.json.RecsJson;
import io.recs.event.Recommendations;
import io.recs.event.RejectedRecord;
import java.io.PrintStream;
import java.time.Duration;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.ParameterTool;

/**
 * Reads interaction files or folders (local or {@code hdfs://}) and writes each user's recent-items
 * list and the dead letters as hourly JSON lines under {@code --output-dir}.
 *
 * <pre>
 * java -jar recs-examples.jar files-to-files --input data/ratings.csv \
 *     --parser-class com.example.MyParser --output-dir out
 * flink run -c io.recs.examples.FilesToFilesJob recs-examples.jar --input hdfs://nn:8020/in ...
 * </pre>
 *
 * <p>Without {@code --monitor-interval} the job reads the files present at start and ends; with it,
 * the job keeps running and reads each new file once. Output files are committed on checkpoints:
 * {@code <output-dir>/recommendations/yyyy-MM-dd--HH/part-*.jsonl} and {@code
 * <output-dir>/dead-letters/...}. {@code --help} lists every flag.
 */
@PublicEvolving
public final class FilesToFilesJob {
  private FilesToFilesJob() {}

  static Flags flags() {
    return JobSettings.declare(
        new Flags("files-to-files: interaction files in, recent items and dead letters out")
            .required("input", "files or folders, comma-separated, local or hdfs://")
            .required("output-dir", "base folder of the output, local or hdfs://")
            .optional(
                "monitor-interval", "", "milliseconds between scans for new files; unbounded"));
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
    String outputDir = params.get("output-dir");
    RecentItems.of(in.interactions(), params.getInt("history"))
        .sinkTo(
            RecsFileSink.<Recommendations>builder()
                .path(outputDir + "/recommendations")
                .format(RecsJson.recommendations())
                .build())
        .name("recommendations-files")
        .uid("recommendations-files");
    in.deadLetters()
        .sinkTo(
            RecsFileSink.<RejectedRecord>builder()
                .path(outputDir + "/dead-letters")
                .format(RecsJson.rejectedRecords())
                .build())
        .name("dead-letters-files")
        .uid("dead-letters-files");
    env.execute("recs files-to-files");
  }
}
