package io.recs.examples;

import io.recs.connectors.ParsedStreams;
import io.recs.connectors.file.FileInteractionSource;
import io.recs.event.Interaction;
import io.recs.event.Recommendations;
import io.recs.event.ScoredItem;
import io.recs.event.TrendingItems;
import io.recs.pipeline.RecsPipeline;
import io.recs.pipeline.RecsStreams;
import io.recs.scoring.ScoringConfig;
import io.recs.similarity.SimilarityConfig;
import io.recs.testkit.data.InteractionGenerator;
import io.recs.trending.TrendingConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.ParameterTool;

/**
 * The main job: runs the whole recs pipeline on an embedded Flink MiniCluster, by default over the
 * testkit generator's small set (500 users, 300 items, 20,000 events), prints progress and a table
 * of recommendations with explanations for a few users and the trending list, and writes every
 * output as JSON lines under {@code --output-dir}.
 *
 * <pre>
 * java -jar recs-examples.jar                         # the demo, on generated data
 * java -jar recs-examples.jar demo --input ratings.csv --format movielens-csv --measure llr
 * java -jar recs-examples.jar demo --unbounded true --rate 2000   # endless replay
 * </pre>
 */
@PublicEvolving
public final class DemoJob {
  private static final int SEED = 42;

  private DemoJob() {}

  static Flags flags() {
    return PipelineSettings.declare(
        JobSettings.declare(
            new Flags("demo: the whole recs pipeline on generated data or your files")
                .optional("input", "", "files or folders of interactions; default: generated")
                .optional(
                    "generated",
                    "small",
                    "generated data set without --input: small (500 users, 300 items, 20,000"
                        + " events) or standard (5,000 users, 2,000 items, 200,000 events)")
                .optional("output-dir", "recs-output", "where the JSON lines are written")
                .optional(
                    "unbounded",
                    "false",
                    "true: watch --input for new files, or replay generated data forever")
                .optional(
                    "rate", "0", "events per second of generated data; 0: as fast as possible")
                .optional("show-users", "5", "users whose final recommendations are printed")));
  }

  /** Runs the demo; see {@code --help}. */
  public static void main(String[] args) throws Exception {
    run(args, System.out);
  }

  static void run(String[] args, PrintStream out) throws Exception {
    ParameterTool params = flags().parse(args, out);
    if (params == Flags.HELP) {
      return;
    }
    StreamExecutionEnvironment env = JobSettings.environment(params);
    boolean unbounded = params.getBoolean("unbounded");
    DataStream<Interaction> interactions;
    DataStream<io.recs.event.RejectedRecord> deadLetters = null;
    Set<String> shown;
    int showUsers = params.getInt("show-users");
    if (params.has("input")) {
      FileInteractionSource.Builder source =
          FileInteractionSource.builder()
              .paths(params.get("input").split(","))
              .parser(Formats.parser(params.get("format"), params.get("parser-class")));
      if (unbounded) {
        source.monitorContinuously(Duration.ofSeconds(5));
      }
      ParsedStreams parsed = source.build().attach(env);
      interactions = parsed.interactions();
      deadLetters = parsed.deadLetters();
      shown = null;
      out.println("recs demo: reading " + params.get("input"));
    } else {
      List<Interaction> events = generated(params.get("generated"));
      out.printf(
          "recs demo: %,d generated interactions of %,d users on %,d items%n",
          events.size(),
          events.stream().map(Interaction::userId).distinct().count(),
          events.stream().map(Interaction::itemId).distinct().count());
      interactions =
          GeneratedInteractions.replay(
              env, events, unbounded ? Long.MAX_VALUE : 1, params.getDouble("rate"));
      shown =
          events.stream()
              .map(Interaction::userId)
              .distinct()
              .limit(showUsers)
              .collect(Collectors.toSet());
    }
    interactions = interactions.map(new Progress()).name("progress").setParallelism(1);

    RecsStreams streams = pipeline(params).apply(interactions);
    Path outputDir = Path.of(params.get("output-dir")).toAbsolutePath();
    FileOutputs.attach(streams, deadLetters, outputDir.toString());

    Set<String> sample = shown;
    DataStream<String> table =
        streams
            .recommendations()
            .filter(
                r ->
                    sample == null
                        ? Math.floorMod(r.userId().hashCode(), 997) == 0
                        : sample.contains(r.userId()))
            .map(DemoJob::row)
            .returns(Types.STRING)
            .union(
                streams
                    .trending()
                    .filter(t -> t.scope().equals(TrendingItems.GLOBAL))
                    .map(DemoJob::row)
                    .returns(Types.STRING));
    out.println("recs demo: writing JSON lines under " + outputDir);
    Map<String, String> lastRows = new LinkedHashMap<>();
    try (CloseableIterator<String> rows = table.collectAsync()) {
      env.executeAsync("recs demo");
      while (rows.hasNext()) {
        String row = rows.next();
        lastRows.put(row.substring(0, row.indexOf('\t')), row);
        if (lastRows.size() > showUsers + 1 && sample == null) {
          lastRows.remove(lastRows.keySet().iterator().next());
        }
      }
    }
    print(lastRows, out);
    out.println();
    out.println("outputs (JSON lines, hourly folders):");
    for (String name :
        List.of(
            FileOutputs.RECOMMENDATIONS,
            FileOutputs.SIMILAR_ITEMS,
            FileOutputs.TRENDING,
            FileOutputs.DEAD_LETTERS)) {
      if (java.nio.file.Files.isDirectory(outputDir.resolve(name))) {
        out.println("  " + outputDir.resolve(name));
      }
    }
  }

  private static List<Interaction> generated(String size) {
    return switch (size) {
      case "small" -> InteractionGenerator.small(SEED).generate();
      case "standard" -> InteractionGenerator.standard(SEED).generate();
      default ->
          throw new IllegalArgumentException("--generated must be small or standard, was " + size);
    };
  }

  private static RecsPipeline pipeline(ParameterTool params) {
    RecsPipeline defaults = PipelineSettings.pipeline(params);
    // A list at most once per day of event time per item and scope keeps the demo's files small;
    // the final lists are written when the input ends either way.
    return RecsPipeline.builder()
        .similarity(
            SimilarityConfig.builder()
                .measure(defaults.similarity().measure())
                .neighbours(defaults.similarity().neighbours())
                .emitInterval(Duration.ofDays(1))
                .build())
        .scoring(
            ScoringConfig.builder()
                .n(defaults.scoring().n())
                .candidatesPerSeed(defaults.scoring().candidatesPerSeed())
                .build())
        .trending(TrendingConfig.builder().emitInterval(Duration.ofDays(1)).build())
        .build();
  }

  private static String row(Recommendations r) {
    return "user "
        + r.userId()
        + "\t"
        + r.items().stream().map(DemoJob::explained).collect(Collectors.joining("\n\t"));
  }

  private static String row(TrendingItems t) {
    return "trending\t"
        + t.items().stream()
            .limit(10)
            .map(i -> String.format("%s (%.1f)", i.itemId(), i.score()))
            .collect(Collectors.joining(", "));
  }

  private static String explained(ScoredItem item) {
    return String.format(
        "%-8s %8.3f  because %s", item.itemId(), item.score(), String.join(", ", item.because()));
  }

  private static void print(Map<String, String> rows, PrintStream out) {
    out.println();
    out.println("final recommendations (item, score, the history items that explain it):");
    rows.forEach(
        (key, row) -> {
          if (!key.equals("trending")) {
            out.println(row);
          }
        });
    out.println();
    String trending = rows.get("trending");
    out.println(trending == null ? "trending: none" : "global " + trending.replace('\t', ' '));
  }
}
