package io.recs.examples;

import io.recs.config.Checks;
import io.recs.config.RecsOption;
import io.recs.config.RecsSettings;
import io.recs.evaluation.data.InteractionGenerator;
import io.recs.event.Interaction;
import io.recs.event.Recommendations;
import io.recs.event.RejectedRecord;
import io.recs.event.ScoredItem;
import io.recs.event.TrendingItems;
import io.recs.parse.InteractionParser;
import io.recs.parse.ParsedStreams;
import io.recs.pipeline.RecsPipeline;
import io.recs.pipeline.RecsStreams;
import io.recs.similarity.SimilarityOptions;
import io.recs.trending.TrendingOptions;
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
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

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

  static final RecsOption<String> GENERATED =
      RecsOption.key("demo.generated")
          .flag("generated")
          .stringType()
          .defaultValue("small")
          .check(InputOptions.oneOf(List.of("small", "standard")))
          .description(
              "Generated data set without --input: small (500 users, 300 items, 20,000 events) or"
                  + " standard (5,000 users, 2,000 items, 200,000 events).");

  static final RecsOption<Boolean> UNBOUNDED =
      RecsOption.key("demo.unbounded")
          .flag("unbounded")
          .booleanType()
          .defaultValue(false)
          .description("Watch --input for new files, or replay generated data forever.");

  static final RecsOption<Double> RATE =
      RecsOption.key("demo.rate")
          .flag("rate")
          .doubleType()
          .defaultValue(0.0)
          .check(Checks.atLeast(0))
          .description("Events per second of generated data; 0: as fast as possible.");

  static final RecsOption<Integer> SHOW_USERS =
      RecsOption.key("demo.show-users")
          .flag("show-users")
          .intType()
          .defaultValue(5)
          .check(Checks.atLeast(0))
          .description("Users whose final recommendations are printed.");

  static final List<OptionSection> SECTIONS =
      OptionSection.concat(
          List.of(
              new OptionSection(
                  "Demo",
                  List.of(
                      JobOptions.INPUT,
                      GENERATED,
                      UNBOUNDED,
                      RATE,
                      SHOW_USERS,
                      JobOptions.OUTPUT_DIR)),
              new OptionSection("Input format (with --input)", InputOptions.ALL),
              new OptionSection("Run", JobOptions.RUN_OPTIONS)),
          OptionSection.PIPELINE);

  /** Runs the demo; see {@code --help}. */
  public static void main(String[] args) throws Exception {
    Main.exit(Main.run(RunJob.prepend("demo", args), System.out, System.err));
  }

  static int run(String[] args, PrintStream out) throws Exception {
    CommandLine.Invocation invocation =
        new CommandLine("demo: the whole recs pipeline on generated data or your files", SECTIONS)
            .parse(args, out);
    if (invocation.done()) {
      return 0;
    }
    RecsSettings s = invocation.settings();
    if (!s.isSet(SimilarityOptions.EMIT_INTERVAL)) {
      // A list at most once per day of event time per item and scope keeps the demo's files small;
      // the final lists are written when the input ends either way.
      s = s.with(SimilarityOptions.EMIT_INTERVAL, Duration.ofDays(1));
    }
    if (!s.isSet(TrendingOptions.EMIT_INTERVAL)) {
      s = s.with(TrendingOptions.EMIT_INTERVAL, Duration.ofDays(1));
    }
    boolean unbounded = s.get(UNBOUNDED);
    int showUsers = s.get(SHOW_USERS);
    InteractionParser parser = null;
    if (s.get(JobOptions.INPUT) != null) {
      parser = InputFormats.parser(s, null);
    }
    RecsPipeline pipeline = JobGraph.pipeline(s);
    Path outputDir =
        Path.of(s.get(JobOptions.OUTPUT_DIR))
            .resolve(
                "demo-"
                    + java.time.LocalDateTime.now()
                        .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")))
            .toAbsolutePath();
    JobEnvironment environment = JobEnvironment.create(s, invocation.flinkConfiguration(), null);
    environment.alignCheckpointsIfBounded(!unbounded);
    StreamExecutionEnvironment env = environment.env();
    DataStream<Interaction> interactions;
    DataStream<RejectedRecord> deadLetters;
    Set<String> shown;
    if (parser != null) {
      s.get(JobOptions.INPUT).forEach(Preflight::exists);
      ParsedStreams parsed =
          JobGraph.counted(
              JobGraph.files(
                  s.get(JobOptions.INPUT), parser, unbounded ? Duration.ofSeconds(5) : null, env));
      interactions = parsed.interactions();
      deadLetters = parsed.deadLetters();
      shown = null;
      out.println("recs demo: reading " + String.join(",", s.get(JobOptions.INPUT)));
    } else {
      List<Interaction> events = generated(s.get(GENERATED));
      out.printf(
          "recs demo: %,d generated interactions of %,d users on %,d items%n",
          events.size(),
          events.stream().map(Interaction::userId).distinct().count(),
          events.stream().map(Interaction::itemId).distinct().count());
      interactions =
          JobGraph.counted(
              GeneratedInteractions.replay(
                  env, events, unbounded ? Long.MAX_VALUE : 1, s.get(RATE)));
      deadLetters = null;
      shown =
          events.stream()
              .map(Interaction::userId)
              .distinct()
              .limit(showUsers)
              .collect(Collectors.toSet());
    }
    RecsStreams streams = pipeline.apply(interactions);
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
    RunReport report = new RunReport(out, "recs demo", List.of(), RunJob.explanations(s), false);
    java.util.concurrent.CompletableFuture<RunReport.Counts> counted;
    try (CloseableIterator<String> rows = table.collectAsync()) {
      JobClient client = env.executeAsync("recs demo");
      Duration interval = s.get(JobOptions.PROGRESS_INTERVAL);
      counted =
          java.util.concurrent.CompletableFuture.supplyAsync(
              () -> {
                try {
                  return report.follow(client, interval);
                } catch (Exception e) {
                  throw new java.util.concurrent.CompletionException(e);
                }
              });
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
    int exitCode = report.summarize(counted.get(), s.get(JobOptions.MAX_REJECTED_SHARE), false);
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
    return exitCode;
  }

  private static List<Interaction> generated(String size) {
    return switch (size) {
      case "small" -> InteractionGenerator.small(SEED).generate();
      case "standard" -> InteractionGenerator.standard(SEED).generate();
      default -> throw new IllegalStateException(size);
    };
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
