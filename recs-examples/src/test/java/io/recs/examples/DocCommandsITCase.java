package io.recs.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.recs.benchmarks.BenchmarkJob;
import io.recs.config.RecsOption;
import io.recs.config.RecsSettings;
import io.recs.examples.cluster.ClusterBenchmark;
import io.recs.pipeline.RecsPipeline;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays the {@code console} blocks of docs/getting-started.md in order, in one empty folder, as a
 * reader would: {@code $ cat FILE} writes the lines after it, {@code $ java ...} runs the job
 * through {@link Main} in this JVM and checks its exit code ({@code $ echo $?}, else 0) and the
 * output lines shown, {@code $ ls DIR} checks the folder (an hour folder matches any hour).
 * Commands that need Kafka or HDFS only have to parse: they run with {@code --print-config} and
 * must exit with 0. The page's last section describes these rules to readers; keep both in step.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class DocCommandsITCase {
  private static final Path PAGE = SettingsDocsTest.DOCS.resolve("getting-started.md");
  private static final Set<String> PATH_FLAGS =
      Set.of("--input", "--output-dir", "--config", "--checkpoint-dir");
  private static final Pattern HOUR_FOLDER = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}--\\d{2}$");
  private static final Pattern TIMING_DEPENDENT =
      Pattern.compile("^(  wrote:\\s+)[\\d,]+( (similar-items|trending) to .*)$");

  /** One {@code $} line of a console block, with the lines after it up to the next one. */
  record Step(int line, String command, List<String> following) {}

  @Test
  void everyConsoleCommandOfGettingStartedDoesWhatThePageShows(@TempDir Path dir) throws Exception {
    List<Step> steps = steps(Files.readAllLines(PAGE, StandardCharsets.UTF_8));
    int javaRuns = 0;
    int parsedOnly = 0;
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      String where = "getting-started.md:" + step.line() + ": " + step.command();
      List<String> words = DocCommands.words(step.command());
      switch (words.get(0)) {
        case "cat" -> write(dir.resolve(words.get(1)), step.following());
        case "ls" -> {
          try (Stream<Path> entries = Files.list(dir.resolve(words.get(1)))) {
            assertThat(entries.map(p -> anyHour(p.getFileName().toString())).sorted().toList())
                .as(where)
                .isEqualTo(step.following().stream().map(DocCommandsITCase::anyHour).toList());
          }
        }
        case "java" -> {
          Step next = i + 1 < steps.size() ? steps.get(i + 1) : null;
          int expectedCode = 0;
          if (next != null && next.command().equals("echo $?")) {
            expectedCode = Integer.parseInt(next.following().get(0));
          }
          List<String> args = jobArguments(words, dir);
          if (needsExternalHosts(step.command())) {
            args = withoutHosts(args);
            args.add("--print-config");
            MainTest.Result result = MainTest.run(args.toArray(String[]::new));
            assertThat(result.exitCode()).as(where + "\n" + result.err()).isZero();
            parsedOnly++;
            continue;
          }
          MainTest.Result result = MainTest.run(args.toArray(String[]::new));
          String printed = (result.out() + result.err()).replace(dir + "/", "");
          assertThat(result.exitCode()).as(where + "\n" + printed).isEqualTo(expectedCode);
          // Final lists only: similar items and trending are written once, at the end, so their
          // counts do not depend on timing.
          UnaryOperator<String> compared =
              step.command().contains("--emit final") ? line -> line : DocCommandsITCase::masked;
          List<String> actual = printed.lines().map(compared).toList();
          for (String shown : step.following()) {
            if (shown.strip().equals("...")
                || shown.startsWith("progress:")
                || shown.matches("\\S+: finished in .*")) {
              continue;
            }
            assertThat(actual).as(where + "\nprinted:\n" + printed).contains(compared.apply(shown));
          }
          javaRuns++;
        }
        default -> {
          // echo $? is read with its java command; cp and the like are not run
        }
      }
    }
    assertThat(javaRuns).as("commands run").isGreaterThanOrEqualTo(15);
    assertThat(parsedOnly).as("Kafka/HDFS commands parsed").isGreaterThanOrEqualTo(4);
  }

  /** The pages checked by {@link #everyJobCommandOfTheDocsRunsOrParses}. */
  static List<Path> pages() throws Exception {
    List<Path> pages = new ArrayList<>();
    pages.add(SettingsDocsTest.DOCS.resolveSibling("README.md"));
    try (Stream<Path> docs = Files.walk(SettingsDocsTest.DOCS)) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    return pages;
  }

  /** Main classes of the docs that the reader writes (benchmarks.md's Gen), not recs'. */
  private static final Set<String> READERS_OWN_CLASSES = Set.of("Gen");

  private static final Map<String, String> JOB_CLASSES =
      Map.of(
          "io.recs.examples.RunJob", "run",
          "io.recs.examples.FilesToFilesJob", "files-to-files",
          "io.recs.examples.KafkaToKafkaJob", "kafka-to-kafka",
          "io.recs.examples.DemoJob", "demo",
          "io.recs.examples.EvaluationJob", "evaluation");

  private static final Set<String> PATH_VALUED =
      Set.of(
          "--input",
          "--output-dir",
          "--config",
          "--checkpoint-dir",
          "--train",
          "--test",
          "--lists-out",
          "--report",
          "--learned-weights-in",
          "--learned-weights-out");

  /**
   * Every {@code java} and {@code flink run} command of README.md and docs/**.md outside
   * getting-started.md's console blocks (which {@link
   * #everyConsoleCommandOfGettingStartedDoesWhatThePageShows} replays): a job command that can run
   * on tiny generated inputs runs, and must exit with 0; every other job command is parsed and
   * checked without touching files or hosts (see {@link #check}); other main classes must exist and
   * be given arguments they accept. The last section of getting-started.md describes these rules to
   * readers; keep both in step.
   */
  @Test
  void everyJobCommandOfTheDocsRunsOrParses(@TempDir Path dir) throws Exception {
    Map<String, String> ran = new HashMap<>();
    Map<String, Integer> byKind = new LinkedHashMap<>();
    int n = 0;
    for (Path page : pages()) {
      List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
      List<DocCommands.Command> commands = DocCommands.commands(lines);
      assertThat(commands)
          .as(page + ": commands found, against a crude count of java lines and spans")
          .hasSize(DocCommands.crudeCount(lines));
      for (DocCommands.Command command : commands) {
        String where = page.getFileName() + ":" + command.line() + ": " + command.text();
        if (command.console() && page.getFileName().toString().equals("getting-started.md")) {
          byKind.merge("replayed", 1, Integer::sum);
          continue;
        }
        String kind = check(command.text(), dir.resolve("c" + n++), ran, where);
        System.out.println("doc command " + kind + ": " + where);
        byKind.merge(kind, 1, Integer::sum);
      }
    }
    assertThat(byKind.getOrDefault("ran", 0))
        .as("commands run " + byKind)
        .isGreaterThanOrEqualTo(8);
    assertThat(byKind.getOrDefault("parsed", 0))
        .as("commands parsed " + byKind)
        .isGreaterThanOrEqualTo(20);
    assertThat(byKind.getOrDefault("tool", 0)).as("tool commands " + byKind).isGreaterThan(5);
  }

  /**
   * Checks one command in its own empty folder; returns what was done: {@code mention} ({@code java
   * -jar} alone in prose), {@code tool} (a benchmark or reader's class), {@code ran} or {@code
   * parsed}.
   */
  private static String check(String command, Path dir, Map<String, String> ran, String where)
      throws Exception {
    List<String> words = DocCommands.words(command);
    if (words.size() == 2 && words.get(0).equals("java")) {
      assertThat(words.get(1)).as(where).isIn("-jar", "-cp");
      return "mention";
    }
    List<String> properties = new ArrayList<>();
    String mainClass;
    int i;
    if (words.get(0).equals("flink")) {
      assertThat(words.get(1)).as(where).isEqualTo("run");
      mainClass = "io.recs.examples.Main";
      i = 2;
      while (words.get(i).startsWith("-")) {
        if (words.get(i).equals("-c")) {
          mainClass = words.get(++i);
        } else if (!words.get(i).equals("-d")) {
          i++; // -C url, -s path, -p n
        }
        i++;
      }
      assertThat(words.get(i)).as(where + ": the jar").contains("recs-examples");
      i++;
    } else {
      assertThat(words.get(0)).as(where).isEqualTo("java");
      i = 1;
      while (words.get(i).startsWith("-D") || words.get(i).startsWith("-X")) {
        properties.add(words.get(i++));
      }
      if (words.get(i).equals("-jar")) {
        assertThat(words.get(i + 1)).as(where + ": the jar").contains("recs-examples");
        mainClass = "io.recs.examples.Main";
        i += 2;
      } else {
        assertThat(words.get(i)).as(where + ": -jar or -cp").isEqualTo("-cp");
        mainClass = words.get(i + 2);
        classpathOf(mainClass, words.get(i + 1), where);
        i += 3;
      }
    }
    List<String> args = new ArrayList<>(words.subList(i, words.size()));
    if (READERS_OWN_CLASSES.contains(mainClass)) {
      return "tool";
    }
    if (!mainClass.equals("io.recs.examples.Main") && !JOB_CLASSES.containsKey(mainClass)) {
      tool(mainClass, properties, args, where);
      return "tool";
    }
    assertThat(properties).as(where + ": system properties of a job").isEmpty();
    if (JOB_CLASSES.containsKey(mainClass)) {
      args.add(0, JOB_CLASSES.get(mainClass));
    }
    return job(args, dir, ran, where);
  }

  /**
   * The {@code -cp} of a command holds its main class: the benchmarks and JMH run from
   * recs-benchmarks' jar (the jobs' jars hold no benchmark), a job's class from recs-examples' jar,
   * ClusterBenchmark from recs-examples' test classes; "..." elides a classpath given before.
   */
  private static void classpathOf(String mainClass, String classpath, String where) {
    if (classpath.equals("...") || READERS_OWN_CLASSES.contains(mainClass)) {
      return;
    }
    String holder;
    if (mainClass.startsWith("io.recs.benchmarks.") || mainClass.equals("org.openjdk.jmh.Main")) {
      holder = "recs-benchmarks/target/recs-benchmarks.jar";
      assertThat(Path.of("..", classpath))
          .as(where + ": the benchmarks' jar that the reactor's `package` builds")
          .isRegularFile();
    } else if (mainClass.startsWith("io.recs.examples.cluster.")) {
      holder = "target/test-classes";
    } else {
      holder = "recs-examples";
    }
    assertThat(classpath).as(where + ": the classpath of " + mainClass).contains(holder);
  }

  /** A benchmark or JMH: the class exists, has a main method, and knows its arguments. */
  private static void tool(
      String mainClass, List<String> properties, List<String> args, String where) throws Exception {
    Class.forName(mainClass).getMethod("main", String[].class);
    switch (mainClass) {
      case "io.recs.benchmarks.BenchmarkJob" -> {
        for (String property : properties) {
          assertThat(property.substring(2, property.indexOf('=')))
              .as(where)
              .isIn(BenchmarkJob.PROPERTIES);
        }
        if (!args.isEmpty()) {
          assertThat(args.get(0)).as(where).isIn(BenchmarkJob.MODES);
        }
        if (args.size() > 1) {
          assertThat(List.of(args.get(1).split(","))).as(where).isSubsetOf(BenchmarkJob.BACKENDS);
        }
      }
      case "io.recs.examples.cluster.ClusterBenchmark" -> {
        assertThat(properties).as(where).isEmpty();
        if (!args.isEmpty() && !args.get(0).equals("...")) {
          assertThat(args.get(0)).as(where).isIn(ClusterBenchmark.MODES);
        }
      }
      case "org.openjdk.jmh.Main" ->
          // the first argument is a benchmark class of recs-benchmarks
          Class.forName("io.recs.benchmarks." + args.get(0));
      default -> throw new AssertionError(where + ": unknown main class " + mainClass);
    }
  }

  /**
   * A job command: {@code ...} ends its arguments (the rest is elided); relative paths are resolved
   * in {@code dir}, and absolute paths under /work/shared (real data on the authors' machine) are
   * replaced by files of the same name in {@code dir}. It runs when it can on tiny generated inputs
   * (see {@link #runnable}), and must exit with 0; otherwise it is parsed with {@code
   * --print-config} added, which must exit with 0, and, when it is complete (no {@code ...}), its
   * settings are checked as the job checks them before it starts, short of reading files and asking
   * Kafka or HDFS.
   */
  private static String job(List<String> args, Path dir, Map<String, String> ran, String where)
      throws Exception {
    Files.createDirectories(dir);
    int elided = args.indexOf("...");
    boolean complete = elided < 0;
    if (!complete) {
      args = new ArrayList<>(args.subList(0, elided));
    }
    if (args.isEmpty()) {
      args.add("demo");
    }
    String last = args.get(args.size() - 1);
    if (!complete && last.startsWith("--") && !last.contains("=")) {
      // "--flag ...": the flag's value is elided; the flag must be one of the job's
      MainTest.Result help = MainTest.run(args.get(0), "--help");
      assertThat(help.out()).as(where + ": " + last + " in --help").contains("  " + last + " <");
      args.remove(args.size() - 1);
    }
    for (int a = 0; a + 1 < args.size(); a++) {
      if (PATH_VALUED.contains(args.get(a)) && !args.get(a + 1).contains("://")) {
        String path = args.get(a + 1);
        args.set(
            a + 1,
            (path.startsWith("/work/shared/")
                    ? dir.resolve(Path.of(path).getFileName())
                    : dir.resolve(path))
                .toString());
      }
    }
    String configFile = value(args, "--config");
    if (configFile != null && !Files.exists(Path.of(configFile))) {
      // a YAML file the page does not show: empty, the command's flags are what is checked
      Files.writeString(Path.of(configFile), "");
    }
    if (args.contains("--help") || args.contains("--print-config")) {
      MainTest.Result result = MainTest.run(args.toArray(String[]::new));
      assertThat(result.exitCode()).as(where + "\n" + result.err()).isZero();
      assertThat(result.out()).as(where).isNotBlank();
      return "ran";
    }
    List<String> parse = new ArrayList<>(args);
    parse.add("--print-config");
    MainTest.Result parsed = MainTest.run(parse.toArray(String[]::new));
    assertThat(parsed.exitCode()).as(where + "\n" + parsed.err()).isZero();
    String job = args.get(0);
    String[] flags = args.subList(1, args.size()).toArray(String[]::new);
    if (complete) {
      checkSettings(job, flags, where);
    }
    if (!complete || !runnable(job, flags, dir)) {
      return "parsed";
    }
    if (value(args, "--output-dir") == null && !job.equals("evaluation")) {
      // the default ./recs-output would be the module's folder
      args.add("--output-dir");
      args.add(dir.resolve("recs-output").toString());
    }
    String key = String.join(" ", args).replace(dir.toString(), "");
    if (ran.containsKey(key)) {
      return "ran";
    }
    MainTest.Result result = MainTest.run(args.toArray(String[]::new));
    String printed = result.out() + result.err();
    assertThat(result.exitCode()).as(where + "\n" + printed).isZero();
    if (job.equals("run") || job.equals("files-to-files")) {
      // the tiny input is valid: everything is accepted but a header line
      assertThat(printed)
          .as(where + "\n" + printed)
          .containsPattern("read: +[\\d,]+ records: [1-9][\\d,]* accepted")
          .doesNotContainPattern("(?m)^    (?!HEADER )[A-Z_]+ +[\\d,]+");
    }
    ran.put(key, printed);
    return "ran";
  }

  /**
   * Checks the settings of a complete command as its job does before it starts, without reading its
   * input or asking Kafka or HDFS: settings that contradict each other, missing required settings,
   * the input format and the pipeline.
   */
  private static void checkSettings(String job, String[] flags, String where) {
    try {
      switch (job) {
        case "run", "files-to-files", "kafka-to-kafka" -> {
          RecsSettings s = runSettings(job, flags);
          Preflight.checkSettings(s);
          InputFormats.parser(s, headerOf(s));
          if (RunOutputs.needsPipeline(s)) {
            RecsPipeline.from(s);
          }
        }
        case "evaluation" -> {
          RecsSettings s =
              new CommandLine("evaluation", EvaluationJob.SECTIONS)
                  .parse(flags, System.out)
                  .settings();
          EvaluationJob.checkSettings(s);
          if (s.get(EvaluationJob.TRAIN) != null) {
            InputFormats.parser(s, headerOf(s));
          }
          RecsPipeline.from(s);
        }
        case "demo" -> {
          RecsSettings s =
              new CommandLine("demo", DemoJob.SECTIONS).parse(flags, System.out).settings();
          if (s.get(JobOptions.INPUT) != null) {
            InputFormats.parser(s, null);
          }
          RecsPipeline.from(s);
        }
        default -> throw new AssertionError(where + ": unknown job " + job);
      }
    } catch (BadSettingException | IllegalArgumentException e) {
      throw new AssertionError(where + ": " + e.getMessage(), e);
    }
  }

  private static RecsSettings runSettings(String job, String[] flags) {
    RunJob.Variant variant =
        switch (job) {
          case "files-to-files" -> RunJob.FILES_TO_FILES;
          case "kafka-to-kafka" -> RunJob.KAFKA_TO_KAFKA;
          default -> RunJob.RUN;
        };
    return new CommandLine(variant.usage(), OptionSection.RUN)
        .parse(RunJob.withDefaults(variant, flags), System.out)
        .settings();
  }

  /** The header a CSV input would have: the names the columns are picked by. */
  private static List<String> headerOf(RecsSettings s) {
    if (!s.get(InputOptions.CSV_HEADER)) {
      return null;
    }
    return s.get(InputOptions.CSV_COLUMNS).stream()
        .map(c -> c.contains("=") ? c.substring(c.indexOf('=') + 1) : c)
        .toList();
  }

  /**
   * Whether a complete job command can run here, and if so its inputs written: {@code run} and
   * {@code files-to-files} reading local files into local files, {@code evaluation} of a given
   * split ({@code --train}, {@code --test}), and the demo on its generated data. Each input is
   * written in the command's format from a tiny data set (6 users, 5 items; a folder for a path
   * without a file extension).
   */
  private static boolean runnable(String job, String[] flags, Path dir) throws Exception {
    List<String> args = List.of(flags);
    if (String.join(" ", args).contains("://")) {
      return false;
    }
    switch (job) {
      case "run", "files-to-files" -> {
        RecsSettings s = runSettings(job, flags);
        if (s.get(JobOptions.SOURCE) != JobOptions.Source.FILES
            || !RunOutputs.sinks(s).equals(Set.of(JobOptions.Sink.FILES))
            || s.get(JobOptions.MONITOR_INTERVAL) != null) {
          return false;
        }
        for (String input : s.get(JobOptions.INPUT)) {
          if (!writeInput(Path.of(input), s, 0, 18)) {
            return false;
          }
        }
        return true;
      }
      case "evaluation" -> {
        RecsSettings s =
            new CommandLine("evaluation", EvaluationJob.SECTIONS)
                .parse(flags, System.out)
                .settings();
        return s.get(EvaluationJob.TRAIN) != null
            && writeInput(Path.of(s.get(EvaluationJob.TRAIN)), s, 0, 14)
            && writeInput(Path.of(s.get(EvaluationJob.TEST)), s, 14, 18);
      }
      case "demo" -> {
        return args.isEmpty();
      }
      default -> {
        return false;
      }
    }
  }

  /**
   * Writes events {@code from} to {@code to} of the tiny set to {@code path} in the format of
   * {@code s}; false when the test cannot write that format (a parser class, custom JSON paths,
   * column indexes).
   */
  private static boolean writeInput(Path path, RecsSettings s, int from, int to) throws Exception {
    String format = s.get(InputOptions.FORMAT);
    if (format == null) {
      return false;
    }
    List<String> lines = new ArrayList<>();
    switch (format) {
      case "csv", "tsv" -> {
        List<String> columns = s.get(InputOptions.CSV_COLUMNS);
        if (columns.stream().anyMatch(c -> c.matches(".*=\\d+"))
            || s.get(InputOptions.TIMESTAMP_PATTERN) != null
            || !List.of("s", "ms").contains(s.get(InputOptions.TIMESTAMP_UNIT))) {
          return false;
        }
        String delimiter = String.valueOf(InputFormats.delimiter(s));
        if (s.get(InputOptions.CSV_HEADER)) {
          lines.add(String.join(delimiter, headerOf(s)));
        }
        for (int e = from; e < to; e++) {
          List<String> values = new ArrayList<>();
          for (String column : columns) {
            String role = column.contains("=") ? column.substring(0, column.indexOf('=')) : column;
            values.add(value(role, e, s.get(InputOptions.TIMESTAMP_UNIT).equals("s")));
          }
          lines.add(String.join(delimiter, values));
        }
      }
      case "json" -> {
        for (RecsOption<?> option : InputOptions.ALL) {
          if (option.key().startsWith("json.") && s.isSet(option)) {
            return false;
          }
        }
        for (int e = from; e < to; e++) {
          lines.add(
              String.format(
                  "{\"userId\": \"%s\", \"itemId\": \"%s\", \"action\": \"view\","
                      + " \"timestamp\": %s}",
                  value("user", e, false), value("item", e, false), value("timestamp", e, false)));
        }
      }
      case "movielens-csv" -> {
        lines.add("userId,movieId,rating,timestamp");
        for (int e = from; e < to; e++) {
          lines.add(
              String.join(
                  ",",
                  value("user", e, true),
                  value("item", e, true),
                  "4.5",
                  value("timestamp", e, true)));
        }
      }
      default -> {
        return false;
      }
    }
    Path file = path.getFileName().toString().contains(".") ? path : path.resolve("part-0.csv");
    Files.createDirectories(file.getParent());
    Files.write(file, lines, StandardCharsets.UTF_8);
    return true;
  }

  /** A value of event {@code e} of the tiny set: user e/3, items in overlapping runs of three. */
  private static String value(String role, int e, boolean seconds) {
    long time = 1_700_000_000L + e * 60L;
    return switch (role) {
      case "user" -> "u" + (e / 3 + 1);
      case "item" -> "i" + ((e / 3 + e % 3) % 5 + 1);
      case "action" -> "view";
      case "weight" -> "4.0";
      case "timestamp" -> String.valueOf(seconds ? time : time * 1000);
      case "category" -> "c1";
      default -> "x";
    };
  }

  private static String value(List<String> args, String flag) {
    int i = args.indexOf(flag);
    return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : null;
  }

  /** The {@code $} steps of every console block, continuation lines joined. */
  static List<Step> steps(List<String> lines) {
    List<Step> steps = new ArrayList<>();
    boolean inConsole = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("```")) {
        inConsole = !inConsole && line.equals("```console");
        continue;
      }
      if (!inConsole) {
        continue;
      }
      if (line.startsWith("$ ")) {
        int first = i + 1;
        StringBuilder command = new StringBuilder(line.substring(2));
        while (command.toString().endsWith("\\")) {
          command.setLength(command.length() - 1);
          command.append(' ').append(lines.get(++i).strip());
        }
        steps.add(new Step(first, command.toString().replaceAll(" +", " "), new ArrayList<>()));
      } else if (!steps.isEmpty()) {
        steps.get(steps.size() - 1).following().add(line);
      }
    }
    return steps;
  }

  /**
   * The arguments after {@code -jar X.jar} or {@code -cp X Main}, paths resolved in {@code dir}.
   */
  private static List<String> jobArguments(List<String> words, Path dir) {
    int first = words.get(1).equals("-jar") ? 3 : words.indexOf("io.recs.examples.Main") + 1;
    assertThat(first).as("a java command runs the jar or io.recs.examples.Main").isPositive();
    List<String> args = new ArrayList<>(words.subList(first, words.size()));
    for (int i = 0; i + 1 < args.size(); i++) {
      if (PATH_FLAGS.contains(args.get(i))) {
        args.set(i + 1, resolved(args.get(i + 1), dir));
      }
    }
    return args;
  }

  private static String resolved(String paths, Path dir) {
    List<String> resolved = new ArrayList<>();
    for (String path : paths.split(",")) {
      resolved.add(path.contains("://") ? path : dir.resolve(path).toString());
    }
    return String.join(",", resolved);
  }

  private static boolean needsExternalHosts(String command) {
    return command.contains("--source kafka")
        || command.matches(".*--sinks \\S*kafka.*")
        || command.contains("hdfs://");
  }

  private static List<String> withoutHosts(List<String> args) {
    List<String> replaced = new ArrayList<>();
    for (String arg : args) {
      replaced.add(
          arg.replaceAll("(?<=hdfs://)[^:/]+", "localhost")
              .replaceAll("^[a-z0-9.-]+:9092$", "localhost:9092"));
    }
    return replaced;
  }

  /** Writes a file shown by {@code cat}; relative input and output folders of YAML resolved. */
  private static void write(Path file, List<String> lines) throws Exception {
    List<String> content = new ArrayList<>();
    for (String line : lines) {
      var m = Pattern.compile("^(\\s+(?:input|output-dir): )([^:]+)$").matcher(line);
      content.add(
          file.toString().endsWith(".yaml") && m.matches()
              ? m.group(1) + file.getParent().resolve(m.group(2).strip())
              : line);
    }
    Files.writeString(file, String.join("\n", content) + "\n", StandardCharsets.UTF_8);
  }

  // Hour folders are named after the time of the run (processing-time buckets).
  private static String anyHour(String name) {
    return HOUR_FOLDER.matcher(name).replaceAll("yyyy-MM-dd--HH");
  }

  private static String masked(String line) {
    return TIMING_DEPENDENT.matcher(line).replaceAll("$1N$2");
  }
}
