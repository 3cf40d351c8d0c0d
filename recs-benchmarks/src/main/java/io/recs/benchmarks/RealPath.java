package io.recs.benchmarks;

import io.recs.evaluation.data.InteractionFiles;
import io.recs.event.Interaction;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bundled {@code run} job end to end, files to files, next to the {@code pipeline} benchmark on
 * the same events in the same session: what a user runs against what the pipeline can do.
 *
 * <p>Each round runs the pipeline benchmark in this JVM, then the job as a user would, from the
 * runnable jar in a JVM of its own with the default heap ({@code java -jar
 * recs-examples-0.1.0-SNAPSHOT.jar run --input events.csv --format csv --output-dir ...
 * --parallelism 2}: CSV parsing, a list after every event, JSON part files, checkpoints every 10 s,
 * exactly-once). The jar is {@code -Drecs.bench.jobJar}, by default {@code
 * recs-examples/target/recs-examples-0.1.0-SNAPSHOT.jar} under the working directory. The job's
 * time is the {@code finished in} line it prints (from submission to the end, without JVM and
 * MiniCluster start-up); the wall time of the whole process is printed too.
 *
 * <p>The pipeline benchmark is measured after a warm-up run in its JVM; a {@code java -jar} run
 * always starts cold, with the JIT compiling the hot code while it runs. So each round also runs
 * the job warm, as the pipeline is measured: twice in one JVM ({@link WarmRuns}), timing the second
 * run. Both ratios are printed: cold job against warm pipeline (what a short bounded run sees), and
 * warm against warm (what the job adds to the pipeline: parsing, files, checkpoints, its settings).
 */
final class RealPath {
  /** The run job's last line of timing: {@code run: finished in <seconds> s}. */
  static final Pattern FINISHED = Pattern.compile("run: finished in ([0-9.,]+) s");

  /** The run job's count of recommendation lists: {@code wrote: <n> recommendations to ...}. */
  static final Pattern RECOMMENDATIONS = Pattern.compile("wrote: +([0-9,]+) recommendations");

  /** The runnable jar of the bundled jobs. */
  static final String JOB_JAR =
      System.getProperty(
          "recs.bench.jobJar", "recs-examples/target/recs-examples-0.1.0-SNAPSHOT.jar");

  private RealPath() {}

  static void run(
      List<Interaction> events,
      int rounds,
      int parallelism,
      Callable<Long> pipeline,
      PrintStream out)
      throws Exception {
    if (!Files.isRegularFile(Path.of(JOB_JAR))) {
      throw new IllegalArgumentException(
          "recs.bench.jobJar "
              + JOB_JAR
              + ": no such file (build it with mvn -B package -DskipTests, or give its path)");
    }
    Path dir = Files.createTempDirectory("recs-real-path");
    Path input = dir.resolve("events.csv");
    InteractionFiles.writeCsv(events, input);
    out.printf(
        Locale.ROOT,
        "real path: %,d events as CSV in %s (%,d bytes)%n",
        events.size(),
        input,
        Files.size(input));
    Path warmRuns = extractWarmRuns(dir.resolve("warm-runs-classes"));
    double[] pipelineRates = new double[rounds];
    double[] jobRates = new double[rounds];
    double[] warmRates = new double[rounds];
    for (int round = 0; round < rounds; round++) {
      pipelineRates[round] = 1000.0 * events.size() / pipeline.call();
      Path output = dir.resolve("out-" + round);
      long started = System.nanoTime();
      double seconds = jobSeconds(input, output, parallelism, dir.resolve("job-" + round + ".log"));
      double wall = (System.nanoTime() - started) / 1e9;
      jobRates[round] = events.size() / seconds;
      double warmSeconds =
          warmJobSeconds(
              input,
              dir.resolve("warm-" + round + "-"),
              parallelism,
              warmRuns,
              dir.resolve("warm-" + round + ".log"));
      warmRates[round] = events.size() / warmSeconds;
      out.printf(
          Locale.ROOT,
          "round %d: pipeline %,.0f events/s; run job files -> files %,.0f events/s (finished in"
              + " %.1f s, process %.1f s, output %,d bytes: %s); ratio %.2f; run job warm (its"
              + " second run in one JVM) %,.0f events/s (finished in %.1f s), ratio %.2f%n",
          round + 1,
          pipelineRates[round],
          jobRates[round],
          seconds,
          wall,
          bytes(output),
          bytesPerOutput(output),
          jobRates[round] / pipelineRates[round],
          warmRates[round],
          warmSeconds,
          warmRates[round] / pipelineRates[round]);
      deleteRecursively(output);
    }
    double pipelineMedian = BenchmarkJob.median(pipelineRates);
    double jobMedian = BenchmarkJob.median(jobRates);
    double warmMedian = BenchmarkJob.median(warmRates);
    out.printf(
        Locale.ROOT,
        "real path, medians of %d rounds: pipeline %,.0f events/s, run job files -> files %,.0f"
            + " events/s, ratio %.2f; run job warm %,.0f events/s, ratio %.2f%n",
        rounds,
        pipelineMedian,
        jobMedian,
        jobMedian / pipelineMedian,
        warmMedian,
        warmMedian / pipelineMedian);
    deleteRecursively(dir);
  }

  /** Runs the job over {@code input}; returns the seconds of its {@code finished in} line. */
  private static double jobSeconds(Path input, Path output, int parallelism, Path log)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(java());
    command.add("-jar");
    command.add(Path.of(JOB_JAR).toAbsolutePath().toString());
    command.addAll(jobArguments(input, parallelism));
    command.addAll(List.of("--output-dir", output.toString()));
    List<Double> finished = finishedSeconds(command, log);
    return finished.get(finished.size() - 1);
  }

  /**
   * Runs the job over {@code input} twice in one JVM, into {@code outputPrefix} 0 and 1; returns
   * the seconds of the second run's {@code finished in} line. Deletes both outputs.
   */
  private static double warmJobSeconds(
      Path input, Path outputPrefix, int parallelism, Path warmRuns, Path log) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(java());
    command.add("-cp");
    command.add(Path.of(JOB_JAR).toAbsolutePath() + File.pathSeparator + warmRuns);
    command.add(WarmRuns.class.getName());
    command.add("2");
    command.add(outputPrefix.toString());
    command.addAll(jobArguments(input, parallelism));
    List<Double> finished = finishedSeconds(command, log);
    if (finished.size() != 2) {
      throw new IllegalStateException(
          "the warm runs printed " + finished.size() + " 'finished in' lines, not 2: " + log);
    }
    // The second run must do the work of the first (the same number of recommendation lists, one
    // per event and one per user at the end), not resume from it or end empty.
    List<String> written = new ArrayList<>();
    Matcher lists = RECOMMENDATIONS.matcher(Files.readString(log, StandardCharsets.UTF_8));
    while (lists.find()) {
      written.add(lists.group(1));
    }
    if (written.size() != 2 || !written.get(0).equals(written.get(1))) {
      throw new IllegalStateException(
          "the warm runs wrote recommendation lists " + written + ", not twice the same: " + log);
    }
    deleteRecursively(Path.of(outputPrefix + "0"));
    deleteRecursively(Path.of(outputPrefix + "1"));
    return finished.get(1);
  }

  /**
   * Writes {@link WarmRuns}' class file alone under {@code folder}, to be put on a class path next
   * to the job's jar (this module's jar would bring a second copy of Flink and of recs); returns
   * {@code folder}.
   */
  private static Path extractWarmRuns(Path folder) throws IOException {
    String name = WarmRuns.class.getName().replace('.', '/') + ".class";
    Path target = folder.resolve(name);
    Files.createDirectories(target.getParent());
    try (InputStream in = WarmRuns.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("no class file " + name + " on the class path");
      }
      Files.copy(in, target);
    }
    return folder;
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static List<String> jobArguments(Path input, int parallelism) {
    return List.of(
        "run",
        "--input",
        input.toString(),
        "--format",
        "csv",
        "--parallelism",
        Integer.toString(parallelism));
  }

  /** Runs {@code command}; the seconds of each {@code finished in} line it printed, in order. */
  private static List<Double> finishedSeconds(List<String> command, Path log) throws Exception {
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    int exit = process.waitFor();
    String printed = Files.readString(log, StandardCharsets.UTF_8);
    if (exit != 0) {
      throw new IllegalStateException("the run job exited with " + exit + ":\n" + printed);
    }
    List<Double> seconds = new ArrayList<>();
    Matcher finished = FINISHED.matcher(printed);
    while (finished.find()) {
      seconds.add(Double.parseDouble(finished.group(1).replace(",", "")));
    }
    if (seconds.isEmpty()) {
      throw new IllegalStateException("the run job printed no 'finished in' line:\n" + printed);
    }
    return seconds;
  }

  /** The bytes of each output folder, such as {@code similar-items 205,130,112}. */
  private static String bytesPerOutput(Path dir) throws IOException {
    List<String> parts = new ArrayList<>();
    try (var folders = Files.list(dir)) {
      for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
        parts.add(String.format(Locale.ROOT, "%s %,d", folder.getFileName(), bytes(folder)));
      }
    }
    return String.join(", ", parts);
  }

  private static long bytes(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }

  /** Deletes {@code dir} and everything under it; nothing when it does not exist. */
  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var files = Files.walk(dir)) {
      files
          .sorted((a, b) -> b.getNameCount() - a.getNameCount())
          .map(Path::toFile)
          .forEach(File::delete);
    }
  }
}
