package io.recs.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recs.evaluation.data.InteractionFiles;
import io.recs.evaluation.data.InteractionGenerator;
import io.recs.event.Interaction;
import io.recs.testkit.hdfs.EmbeddedHdfsExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backfill every user starts with: six years of history replayed through the {@code run} job to
 * HDFS at parallelism 2 with a checkpoint every 2 s. With the default bucketing, checkpoints keep
 * completing, the number of in-progress part files stays bounded while the job runs, and the
 * committed files hold the same results as the same run to the local file system.
 *
 * <p>{@code -Drecs.history-replay.bucketing=event-hour} (or {@code event-day}) runs the same replay
 * with another layout and prints what it costs; the bounds are asserted only for the layouts that
 * do not follow event time, and an event-hour run ends in the timeout (it had 4,982 in-progress
 * files and one completed checkpoint after 159 s). The numbers in docs/connectors/files.md come
 * from these runs.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class HistoryReplayITCase {
  @RegisterExtension static final EmbeddedHdfsExtension HDFS = new EmbeddedHdfsExtension();

  private static final String BUCKETING =
      System.getProperty("recs.history-replay.bucketing", "processing-time-hour");
  private static final int EVENTS = 40_000;
  private static final Instant START = Instant.parse("2015-01-01T00:00:00Z");
  private static final Duration SPAN = Duration.ofDays(6 * 365);
  private static final int BAD_LINE_EVERY = 1_000;
  private static final List<String> OUTPUTS =
      List.of("recommendations", "dead-letters", "interactions");
  private static final int PARALLELISM = 2;
  // Per output and subtask: the open part file and the one that waits for its checkpoint to
  // complete, each in up to two buckets at the turn of an hour.
  private static final int MAX_IN_PROGRESS = OUTPUTS.size() * PARALLELISM * 2 * 2;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What the sampler saw while the job ran. */
  private record Sampled(int maxInProgress, int completedCheckpoints) {}

  /**
   * The job's checkpoint statistics as its REST API reported them last while it ran: completed
   * checkpoints and their end-to-end durations (median and maximum, ms).
   */
  private record CheckpointStats(int completed, long medianMs, long maxMs) {
    static final CheckpointStats NONE = new CheckpointStats(0, 0, 0);
  }

  @Test
  void replayedHistoryKeepsCheckpointingAndWritesWhatALocalRunWrites(@TempDir Path dir)
      throws Exception {
    Path input = dir.resolve("history.csv");
    int lines = writeHistory(input);

    long started = System.nanoTime();
    AtomicInteger maxInProgress = new AtomicInteger();
    AtomicInteger checkpoints = new AtomicInteger();
    AtomicInteger samples = new AtomicInteger();
    int restPort = freePort();
    AtomicReference<CheckpointStats> stats = new AtomicReference<>(CheckpointStats.NONE);
    ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    sampler.scheduleWithFixedDelay(
        () -> {
          int now = inProgress("/out");
          maxInProgress.accumulateAndGet(now, Math::max);
          checkpoints.accumulateAndGet(newestCheckpoint("/checkpoints"), Math::max);
          if (samples.incrementAndGet() % 5 == 0) {
            CheckpointStats latest = checkpointStats(restPort);
            if (latest != null) {
              stats.set(latest);
            }
          }
          if (samples.get() % 25 == 0) {
            System.out.printf(
                "history replay, bucketing %s, after %.0f s: %d in-progress part files (at most"
                    + " %d), %d checkpoints completed%n",
                BUCKETING,
                (System.nanoTime() - started) / 1e9,
                now,
                maxInProgress.get(),
                checkpoints.get());
          }
        },
        0,
        200,
        TimeUnit.MILLISECONDS);
    MainTest.Result hdfs;
    try {
      hdfs =
          run(
              input,
              HDFS.uri("/out"),
              HDFS.uri("/checkpoints"),
              "--flink.rest.bind-port",
              String.valueOf(restPort));
    } finally {
      sampler.shutdownNow();
      sampler.awaitTermination(10, TimeUnit.SECONDS);
    }
    double hdfsSeconds = (System.nanoTime() - started) / 1e9;
    Sampled sampled = new Sampled(maxInProgress.get(), checkpoints.get());
    assertThat(hdfs.exitCode()).as(hdfs.out() + hdfs.err()).isZero();
    assertThat(hdfs.out()).contains("  read:     " + String.format("%,d", lines) + " records");

    long localStarted = System.nanoTime();
    MainTest.Result local =
        run(input, dir.resolve("out").toString(), dir.resolve("checkpoints").toString());
    double localSeconds = (System.nanoTime() - localStarted) / 1e9;
    assertThat(local.exitCode()).as(local.out() + local.err()).isZero();

    Map<String, Integer> buckets = new TreeMap<>();
    for (String output : OUTPUTS) {
      buckets.put(
          output,
          (int)
              HDFS.listCommittedFiles("/out/" + output).stream()
                  .map(f -> f.substring(0, f.lastIndexOf('/')))
                  .distinct()
                  .count());
    }
    CheckpointStats durations = stats.get();
    System.out.printf(
        "history replay, bucketing %s: %,d lines over %d days; HDFS run %.1f s, %d checkpoints"
            + " completed while running (REST: %d, end-to-end duration median %d ms, max %d ms),"
            + " at most %d in-progress part files; committed buckets %s; local run %.1f s%n",
        BUCKETING,
        lines,
        SPAN.toDays(),
        hdfsSeconds,
        sampled.completedCheckpoints(),
        durations.completed(),
        durations.medianMs(),
        durations.maxMs(),
        sampled.maxInProgress(),
        buckets,
        localSeconds);

    for (String output : OUTPUTS) {
      List<String> onHdfs = HDFS.readCommittedLines("/out/" + output);
      List<String> onDisk = committedLines(dir.resolve("out").resolve(output));
      assertThat(onHdfs).as(output).isNotEmpty();
      if (output.equals("recommendations")) {
        // At parallelism 2 an intermediate list depends on the arrival order of other subtasks'
        // updates; which lists exist does not, and neither do the final ones.
        assertThat(counts(onHdfs, HistoryReplayITCase::listKey))
            .as(output)
            .isEqualTo(counts(onDisk, HistoryReplayITCase::listKey));
        assertThat(counts(finalLists(onHdfs), Function.identity()))
            .as("final " + output)
            .isEqualTo(counts(finalLists(onDisk), Function.identity()));
      } else {
        assertThat(counts(onHdfs, Function.identity()))
            .as(output)
            .isEqualTo(counts(onDisk, Function.identity()));
      }
    }
    assertThat(HDFS.readCommittedLines("/out/dead-letters")).hasSize(lines - EVENTS);
    assertThat(HDFS.readCommittedLines("/out/interactions")).hasSize(EVENTS);
    if (!BUCKETING.startsWith("event-")) {
      assertThat(sampled.completedCheckpoints())
          .as("checkpoints completed while the job ran")
          .isGreaterThanOrEqualTo(2);
      assertThat(sampled.maxInProgress())
          .as("in-progress part files at any time")
          .isLessThanOrEqualTo(MAX_IN_PROGRESS);
      assertThat(buckets.values()).allMatch(n -> n <= 2);
    }
  }

  private static MainTest.Result run(
      Path input, String outputDir, String checkpointDir, String... more) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "--input",
                input.toString(),
                "--format",
                "csv",
                "--output-dir",
                outputDir,
                "--files-outputs",
                String.join(",", OUTPUTS),
                "--bucketing",
                BUCKETING,
                "--checkpoint-dir",
                checkpointDir,
                "--checkpoint-interval",
                "2s",
                "--parallelism",
                String.valueOf(PARALLELISM),
                "--max-restarts",
                "0"));
    args.addAll(List.of(more));
    return MainTest.run(args.toArray(String[]::new));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  /**
   * The checkpoint statistics of the job running on the local cluster whose REST API listens on
   * {@code port} ({@code /jobs/<id>/checkpoints}); null before the job runs or after it ended.
   */
  private static CheckpointStats checkpointStats(int port) {
    try {
      JsonNode jobs = get(port, "/jobs").path("jobs");
      for (JsonNode job : jobs) {
        if (job.path("status").asText().equals("RUNNING")) {
          JsonNode checkpoints = get(port, "/jobs/" + job.path("id").asText() + "/checkpoints");
          JsonNode duration = checkpoints.path("summary").path("end_to_end_duration");
          return new CheckpointStats(
              checkpoints.path("counts").path("completed").asInt(),
              Math.round(duration.path("p50").asDouble()),
              duration.path("max").asLong());
        }
      }
    } catch (IOException e) {
      // not listening yet, or gone: the run has not started or has ended
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return null;
  }

  private static JsonNode get(int port, String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(2))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }

  /**
   * The small generated set with 40,000 events, re-stamped evenly over six years in generation
   * order, and a malformed line every 1,000 lines.
   */
  private static int writeHistory(Path file) throws IOException {
    List<Interaction> generated =
        InteractionGenerator.builder()
            .seed(11)
            .users(500)
            .items(300)
            .events(EVENTS)
            .clusters(15)
            .build()
            .generate();
    long step = SPAN.toMillis() / generated.size();
    List<Interaction> restamped = new ArrayList<>();
    for (int n = 0; n < generated.size(); n++) {
      Interaction e = generated.get(n);
      restamped.add(
          new Interaction(
              e.userId(),
              e.itemId(),
              e.action(),
              e.weight(),
              START.toEpochMilli() + n * step,
              e.category()));
    }
    StringBuilder csv = new StringBuilder();
    int lines = 0;
    for (Interaction e : restamped) {
      csv.append(InteractionFiles.toCsvLine(e)).append('\n');
      if (++lines % BAD_LINE_EVERY == 0) {
        csv.append("not a record ").append(lines).append('\n');
        lines++;
      }
    }
    Files.writeString(file, csv);
    return lines;
  }

  // Hidden part files still being written or waiting for their checkpoint, under a folder.
  private static int inProgress(String path) {
    try {
      return count(HDFS.fileSystem(), new org.apache.hadoop.fs.Path(path));
    } catch (IOException e) {
      return 0;
    }
  }

  private static int count(FileSystem fs, org.apache.hadoop.fs.Path dir) throws IOException {
    if (!fs.exists(dir)) {
      return 0;
    }
    int n = 0;
    for (FileStatus status : fs.listStatus(dir)) {
      if (status.isDirectory()) {
        n += count(fs, status.getPath());
      } else if (status.getPath().getName().contains(".inprogress")) {
        n++;
      }
    }
    return n;
  }

  // The highest chk-<n> under <path>/<job id>/: the number of the newest completed checkpoint.
  private static int newestCheckpoint(String path) {
    FileSystem fs = HDFS.fileSystem();
    int newest = 0;
    try {
      org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(path);
      if (!fs.exists(root)) {
        return 0;
      }
      for (FileStatus job : fs.listStatus(root)) {
        if (!job.isDirectory()) {
          continue;
        }
        for (FileStatus chk : fs.listStatus(job.getPath())) {
          String name = chk.getPath().getName();
          if (name.startsWith("chk-")
              && fs.exists(new org.apache.hadoop.fs.Path(chk.getPath(), "_metadata"))) {
            newest = Math.max(newest, Integer.parseInt(name.substring(4)));
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // The job removes its checkpoints when it ends; a folder may vanish while listed.
    }
    return newest;
  }

  private static String listKey(String line) {
    try {
      JsonNode list = JSON.readTree(line);
      return list.get("userId").asText()
          + "@"
          + list.get("timestamp").asLong()
          + (list.path("final").asBoolean() ? " final" : "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> finalLists(List<String> lines) {
    return lines.stream().filter(l -> l.contains("\"final\":true")).toList();
  }

  private static Map<String, Long> counts(List<String> lines, Function<String, String> key) {
    return lines.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
  }

  private static List<String> committedLines(Path root) throws IOException {
    if (!Files.exists(root)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> !f.getFileName().toString().startsWith("."))
          .sorted()
          .flatMap(
              f -> {
                try {
                  return Files.readAllLines(f).stream();
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .toList();
    }
  }
}
