package io.recs.benchmarks;

import io.recs.evaluation.data.InteractionFiles;
import io.recs.evaluation.data.InteractionGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bundled {@code run} job at growing scale: the generator's standard set (5,000 users, 2,000
 * items, 200,000 events, 100 clusters of 20 items) with users, items, events and clusters all
 * multiplied by each factor of {@code -Drecs.bench.scales} (default {@code 1,10,50}), written as
 * CSV and run as a user runs it, from the runnable jar in a JVM of its own: {@code java -jar
 * recs-examples-0.1.0-SNAPSHOT.jar run --input events.csv --format csv --emit final --state-backend
 * rocksdb --checkpoint-dir ... --parallelism 2}, every other setting the job's default (checkpoints
 * every 10 s). {@code -Drecs.bench.jobHeap} (for example {@code 1g}) gives the job's JVM {@code
 * -Xmx}; unset, the JVM's default heap. {@code -Drecs.bench.stateBackend=hashmap} runs it on the
 * HashMap backend instead, where the state lives on the heap. {@code -Drecs.bench.jobArgs} adds
 * arguments to the job's command, for example {@code --preset default}.
 *
 * <p>Per scale it prints: the job's time (its {@code finished in} line) and events/s; the CPU
 * seconds of the job's process and CPU microseconds per event (the cost per event, the figure to
 * compare across scales: it is less sensitive to other load on the machine than the time); the peak
 * resident set of the process ({@code VmHWM}, Linux); the largest heap occupancy right after a
 * garbage collection (from the JVM's GC log: an upper bound of the live heap, since a young
 * collection leaves old garbage in place); and, from the checkpoint coordinator's log lines, the
 * number of checkpoints, their median duration and the largest checkpointed state (full
 * checkpoints: the state size).
 */
final class ScaleCurve {
  private static final Pattern CHECKPOINT =
      Pattern.compile(
          "Completed checkpoint \\d+ for job \\w+ \\((\\d+) bytes, checkpointDuration=(\\d+) ms");

  /** The scale factors, comma-separated. */
  static final String SCALES = System.getProperty("recs.bench.scales", "1,10,50");

  /** The job's state backend, {@code rocksdb} or {@code hashmap}. */
  static final String STATE_BACKEND = System.getProperty("recs.bench.stateBackend", "rocksdb");

  /**
   * A G1 line of {@code -Xlog:gc}: heap before, after and committed, for example 245M->120M(512M).
   */
  private static final Pattern GC = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

  /** {@code -Xmx} of the job's JVM, or empty for the default heap. */
  static final String JOB_HEAP = System.getProperty("recs.bench.jobHeap", "");

  /** Arguments added to the run job's command, separated by spaces, for example a preset. */
  static final String JOB_ARGS = System.getProperty("recs.bench.jobArgs", "");

  private static final String LOG_CONFIG =
      String.join(
          "\n",
          "rootLogger.level = ERROR",
          "rootLogger.appenderRef.console.ref = console",
          "logger.recs.name = io.recs",
          "logger.recs.level = INFO",
          "logger.checkpoints.name = org.apache.flink.runtime.checkpoint.CheckpointCoordinator",
          "logger.checkpoints.level = INFO",
          "appender.console.type = Console",
          "appender.console.name = console",
          "appender.console.layout.type = PatternLayout",
          "appender.console.layout.pattern = %d{HH:mm:ss,SSS} %-5p %c{1} - %m%n",
          "");

  /** What one run measured. */
  record Figures(
      int scale,
      int events,
      double seconds,
      double cpuSeconds,
      long peakRssBytes,
      long heapAfterGcBytes,
      int checkpoints,
      long medianCheckpointMs,
      long largestCheckpointBytes) {
    double eventsPerSecond() {
      return events / seconds;
    }

    double cpuMicrosPerEvent() {
      return 1e6 * cpuSeconds / events;
    }
  }

  private ScaleCurve() {}

  static void run(int parallelism, PrintStream out) throws Exception {
    if (!Files.isRegularFile(Path.of(RealPath.JOB_JAR))) {
      throw new IllegalArgumentException(
          "recs.bench.jobJar "
              + RealPath.JOB_JAR
              + ": no such file (build it with mvn -B package -DskipTests, or give its path)");
    }
    if (!STATE_BACKEND.equals("rocksdb") && !STATE_BACKEND.equals("hashmap")) {
      throw new IllegalArgumentException(
          "recs.bench.stateBackend must be rocksdb or hashmap, was " + STATE_BACKEND);
    }
    int[] scales = scales();
    Path dir = Files.createTempDirectory("recs-scale");
    Path logConfig = dir.resolve("log4j2.properties");
    Files.writeString(logConfig, LOG_CONFIG, StandardCharsets.UTF_8);
    List<Figures> all = new ArrayList<>();
    for (int scale : scales) {
      Path input = dir.resolve("events-" + scale + "x.csv");
      int events = writeEvents(scale, input);
      out.printf(
          Locale.ROOT,
          "scale %dx: %,d users, %,d items, %,d events as CSV (%,d bytes)%n",
          scale,
          5_000 * scale,
          2_000 * scale,
          events,
          Files.size(input));
      Figures figures = runJob(scale, events, input, dir, logConfig, parallelism);
      Files.delete(input);
      all.add(figures);
      print(figures, all.get(0), out);
    }
    out.println();
    out.println(
        "| scale | users / items | events | job time | events/s | CPU µs/event | vs 1x |"
            + " peak RSS | heap after GC | checkpoints | median checkpoint |"
            + " state (largest checkpoint) |");
    out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (Figures f : all) {
      out.printf(
          Locale.ROOT,
          "| %dx | %,d / %,d | %,d | %.1f s | %,.0f | %.0f | %.2f | %,.0f MB | %,.0f MB | %d | %,d ms"
              + " | %,.1f MB |%n",
          f.scale(),
          5_000 * f.scale(),
          2_000 * f.scale(),
          f.events(),
          f.seconds(),
          f.eventsPerSecond(),
          f.cpuMicrosPerEvent(),
          f.cpuMicrosPerEvent() / all.get(0).cpuMicrosPerEvent(),
          f.peakRssBytes() / 1e6,
          f.heapAfterGcBytes() / 1e6,
          f.checkpoints(),
          f.medianCheckpointMs(),
          f.largestCheckpointBytes() / 1e6);
    }
    RealPath.deleteRecursively(dir);
  }

  private static int[] scales() {
    try {
      int[] scales =
          Arrays.stream(SCALES.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
      if (scales.length == 0 || Arrays.stream(scales).anyMatch(s -> s < 1 || s > 1_000)) {
        throw new NumberFormatException();
      }
      return scales;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "recs.bench.scales must be comma-separated factors between 1 and 1000, was " + SCALES);
    }
  }

  /** Writes the scaled set as CSV; returns its number of events. */
  private static int writeEvents(int scale, Path file) throws IOException {
    var events =
        InteractionGenerator.builder()
            .seed(42)
            .users(5_000 * scale)
            .items(2_000 * scale)
            .events(200_000 * scale)
            .clusters(100 * scale)
            .build()
            .generate();
    InteractionFiles.writeCsv(events, file);
    return events.size();
  }

  private static Figures runJob(
      int scale, int events, Path input, Path dir, Path logConfig, int parallelism)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (!JOB_HEAP.isEmpty()) {
      command.add("-Xmx" + JOB_HEAP);
    }
    Path gcLog = dir.resolve("gc-" + scale + "x.log");
    command.add("-Xlog:gc:file=" + gcLog.toAbsolutePath());
    command.add("-Dlog4j.configurationFile=" + logConfig.toAbsolutePath());
    command.add("-jar");
    command.add(Path.of(RealPath.JOB_JAR).toAbsolutePath().toString());
    command.addAll(
        List.of(
            "run",
            "--input",
            input.toString(),
            "--format",
            "csv",
            "--emit",
            "final",
            "--state-backend",
            STATE_BACKEND,
            "--checkpoint-dir",
            dir.resolve("checkpoints-" + scale).toString(),
            "--output-dir",
            dir.resolve("out-" + scale).toString(),
            "--parallelism",
            Integer.toString(parallelism)));
    if (!JOB_ARGS.isBlank()) {
      command.addAll(List.of(JOB_ARGS.trim().split("\\s+")));
    }
    Path log = dir.resolve("job-" + scale + "x.log");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    Path status = Path.of("/proc", Long.toString(process.pid()), "status");
    long peakRss = 0;
    Duration cpu = Duration.ZERO;
    while (process.isAlive()) {
      peakRss = Math.max(peakRss, peakRss(status));
      cpu = process.info().totalCpuDuration().orElse(cpu);
      Thread.sleep(500);
    }
    int exit = process.waitFor();
    String printed = Files.readString(log, StandardCharsets.UTF_8);
    if (exit != 0) {
      throw new IllegalStateException("the run job exited with " + exit + ":\n" + printed);
    }
    Matcher finished = RealPath.FINISHED.matcher(printed);
    if (!finished.find()) {
      throw new IllegalStateException("the run job printed no 'finished in' line:\n" + printed);
    }
    List<Long> durations = new ArrayList<>();
    long largest = 0;
    Matcher checkpoint = CHECKPOINT.matcher(printed);
    while (checkpoint.find()) {
      largest = Math.max(largest, Long.parseLong(checkpoint.group(1)));
      durations.add(Long.parseLong(checkpoint.group(2)));
    }
    durations.sort(null);
    long heapAfterGc = 0;
    Matcher gc = GC.matcher(Files.readString(gcLog, StandardCharsets.UTF_8));
    while (gc.find()) {
      heapAfterGc = Math.max(heapAfterGc, Long.parseLong(gc.group(2)) << 20);
    }
    RealPath.deleteRecursively(dir.resolve("out-" + scale));
    return new Figures(
        scale,
        events,
        Double.parseDouble(finished.group(1).replace(",", "")),
        cpu.toMillis() / 1000.0,
        peakRss,
        heapAfterGc,
        durations.size(),
        durations.isEmpty() ? 0 : durations.get(durations.size() / 2),
        largest);
  }

  /** VmHWM of a running process, in bytes; 0 when it cannot be read (not Linux, or it ended). */
  private static long peakRss(Path status) {
    try {
      for (String line : Files.readAllLines(status, StandardCharsets.UTF_8)) {
        if (line.startsWith("VmHWM:")) {
          return 1024 * Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // the process ended between two reads: keep the last value
    }
    return 0;
  }

  private static void print(Figures f, Figures first, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "scale %dx: finished in %.1f s, %,.0f events/s, %.1f CPU s (%.0f µs/event, %.2f x the"
            + " first scale's), peak RSS %,.0f MB, heap after GC at most %,.0f MB, %d checkpoints,"
            + " median %,d ms, largest %,.1f MB%n",
        f.scale(),
        f.seconds(),
        f.eventsPerSecond(),
        f.cpuSeconds(),
        f.cpuMicrosPerEvent(),
        f.cpuMicrosPerEvent() / first.cpuMicrosPerEvent(),
        f.peakRssBytes() / 1e6,
        f.heapAfterGcBytes() / 1e6,
        f.checkpoints(),
        f.medianCheckpointMs(),
        f.largestCheckpointBytes() / 1e6);
  }
}
