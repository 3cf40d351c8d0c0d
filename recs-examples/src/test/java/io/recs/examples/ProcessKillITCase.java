package io.recs.examples;

import static io.recs.examples.JobProcesses.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recs.evaluation.data.InteractionFiles;
import io.recs.evaluation.data.InteractionGenerator;
import io.recs.event.Interaction;
import io.recs.examples.JobProcesses.JobProcess;
import io.recs.testkit.hdfs.EmbeddedHdfsExtension;
import io.recs.testkit.kafka.EmbeddedKafkaExtension;
import io.recs.testkit.kafka.EmbeddedKafkaExtension.KeyValue;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run job as {@code java -jar} runs it, in a JVM of its own, killed with {@code kill -9} in the
 * middle of a live stream and started again with the same arguments: it resumes from its latest
 * checkpoint, and its committed output holds every list and dead letter exactly once. Kafka in and
 * out through the embedded broker; files in and out with output and checkpoints on the embedded
 * HDFS, which the child JVMs reach through the test classpath.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ProcessKillITCase {
  @RegisterExtension static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();
  @RegisterExtension static final EmbeddedHdfsExtension HDFS = new EmbeddedHdfsExtension();
  @RegisterExtension final JobProcesses processes = new JobProcesses();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int EVENTS = 12_000;
  private static final int BAD_EVERY = 500;
  private static final int CHUNK = 100;
  private static final Duration CHUNK_PAUSE = Duration.ofMillis(250);
  private static final Duration WAIT = Duration.ofSeconds(60);

  /**
   * For the last run to commit what the feeder wrote: a few seconds on a quiet machine; one CI run
   * (the whole suite on 2 cores) did not within a minute.
   */
  private static final Duration CATCH_UP = Duration.ofMinutes(2);

  @Test
  void kafkaRunKilledTwiceMidStreamCommitsEveryListAndDeadLetterExactlyOnce(@TempDir Path dir)
      throws Exception {
    KAFKA.createTopic("in", 2);
    for (String output : List.of("recs", "similar", "trending", "dead")) {
      KAFKA.createTopic("k-" + output, 2);
    }
    List<KeyValue> input = input();
    long accepted = input.stream().filter(r -> !r.key().equals("bad")).count();
    Path checkpoints = dir.resolve("checkpoints");
    List<String> args = new ArrayList<>(kafkaArgs("k-", "killed"));
    args.addAll(List.of("--checkpoint-dir", checkpoints.toString()));

    // A live stream: the input arrives in small chunks while the runs come and go.
    Thread feeder = new Thread(() -> feed(input), "feeder");
    feeder.start();

    JobProcess first = processes.start(dir.resolve("run-1.log"), args);
    await(
        "a first checkpoint and committed lists",
        WAIT,
        () -> !JobProcesses.checkpoints(checkpoints).isEmpty() && committed("k-recs") > 0);
    first.kill();
    int afterFirstKill = committed("k-recs");
    assertThat(afterFirstKill).as("lists committed when killed mid-stream").isLessThan(EVENTS);
    Set<Path> before = new HashSet<>(JobProcesses.checkpoints(checkpoints));

    JobProcess second = processes.start(dir.resolve("run-2.log"), args);
    await(
        "the second run's first new committed list",
        WAIT,
        () -> committed("k-recs") > afterFirstKill);
    Duration restart2 = second.age();
    await(
        "a later checkpoint of the second run",
        WAIT,
        () -> !before.containsAll(JobProcesses.checkpoints(checkpoints)));
    second.kill();
    int afterSecondKill = committed("k-recs");
    assertThat(second.output()).contains("run: resuming from file:" + checkpoints);
    assertThat(afterSecondKill).as("lists committed at the second kill").isLessThan((int) accepted);

    JobProcess third = processes.start(dir.resolve("run-3.log"), args);
    await(
        "the third run's first new committed list",
        WAIT,
        () -> committed("k-recs") > afterSecondKill);
    Duration restart3 = third.age();
    feeder.join();
    long fed = System.nanoTime();
    await(
        "the third run to commit a list per interaction",
        CATCH_UP,
        () -> committed("k-recs") >= accepted && KAFKA.consumerLag("killed", "in") == 0,
        () ->
            committed("k-recs")
                + " of "
                + accepted
                + " lists committed, consumer lag "
                + KAFKA.consumerLag("killed", "in")
                + ", the run "
                + (third.isAlive() ? "alive" : "exited"));
    Duration caughtUp = Duration.ofNanos(System.nanoTime() - fed);
    // 143 = 128 + SIGTERM: the JVM's exit status after a signal, once the shutdown hook is done.
    assertThat(third.terminate(WAIT)).isEqualTo(143);
    assertThat(third.output()).contains("run: stopped with savepoint file:" + checkpoints);

    System.out.printf(
        "ProcessKillITCase kafka: restart to first new committed list %s and %s, every list"
            + " committed %s after the last input record%n",
        restart2, restart3, caughtUp);

    // No final lists: a --bounded true run resumed from this savepoint does not end, because the
    // Kafka source's restored splits keep the savepoint's "no stopping offset" (connector 5.0).
    List<JsonNode> lists = values("k-recs");
    assertThat(counts(lists, ProcessKillITCase::trigger))
        .as("lists per (user, timestamp)")
        .isEqualTo(expectedTriggers(input, false));
    assertThat(counts(values("k-dead"), d -> d.get("raw").asText()))
        .isEqualTo(
            input.stream()
                .filter(r -> r.key().equals("bad"))
                .collect(Collectors.toMap(KeyValue::value, r -> 1L)));
    for (String topic : List.of("k-similar", "k-trending")) {
      assertThat(replayedRuns(topic)).as("records of %s written twice", topic).isEmpty();
    }
  }

  /**
   * A backfill (bounded) killed twice mid-stream and restarted with the same checkpoint folder: the
   * run that finally drains the topic writes every list once and each user's final list equals that
   * of a run without failures. Restored Kafka splits of a bounded run keep their stopping offsets,
   * so the last run ends.
   */
  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void kafkaBackfillKilledTwiceEndsWithTheFinalListsOfARunWithoutFailures(@TempDir Path dir)
      throws Exception {
    KAFKA.createTopic("backfill-in", 2);
    for (String output : List.of("recs", "similar", "trending", "dead")) {
      KAFKA.createTopic("b-" + output, 2);
      KAFKA.createTopic("r-" + output, 2);
    }
    List<KeyValue> input = input(InteractionGenerator.standard(11).generate().subList(0, 24_000));
    KAFKA.produce("backfill-in", input);
    Path checkpoints = dir.resolve("checkpoints");
    List<String> args = backfillArgs("b-", "backfill");
    args.addAll(List.of("--checkpoint-dir", checkpoints.toString()));

    JobProcess first = processes.start(dir.resolve("backfill-1.log"), args);
    await(
        "a first checkpoint and committed lists",
        WAIT,
        () -> !JobProcesses.checkpoints(checkpoints).isEmpty() && committed("b-recs") > 0);
    first.kill();
    int afterFirstKill = committed("b-recs");
    assertThat(afterFirstKill).as("lists committed at the first kill").isLessThan(input.size());
    Set<Path> before = new HashSet<>(JobProcesses.checkpoints(checkpoints));

    JobProcess second = processes.start(dir.resolve("backfill-2.log"), args);
    await(
        "a later checkpoint of the second run",
        WAIT,
        () ->
            committed("b-recs") > afterFirstKill
                && !before.containsAll(JobProcesses.checkpoints(checkpoints)));
    second.kill();
    int afterSecondKill = committed("b-recs");
    assertThat(afterSecondKill).as("lists committed at the second kill").isLessThan(input.size());

    JobProcess third = processes.start(dir.resolve("backfill-3.log"), args);
    assertThat(third.awaitExit(Duration.ofSeconds(150))).as(third.output()).isZero();
    assertThat(third.output())
        .contains("run: resuming from file:" + checkpoints)
        .contains(
            "run: read to the end offsets of backfill-in: a savepoint for the next run, then draining");

    // The failure-free reference, without a checkpoint folder: it too ends through BackfillEnd (a
    // run whose source stopped at the end offsets did not end with unaligned checkpoints).
    MainTest.Result reference =
        MainTest.run(backfillArgs("r-", "reference").toArray(String[]::new));
    assertThat(reference.exitCode()).as(reference.out()).isZero();
    assertThat(reference.out())
        .contains("run: read to the end offsets of backfill-in: draining (final lists follow)");

    List<JsonNode> lists = values("b-recs");
    assertThat(counts(lists, ProcessKillITCase::trigger))
        .as("lists per (user, timestamp)")
        .isEqualTo(expectedTriggers(input, true));
    assertThat(finalItems(lists)).isEqualTo(finalItems(values("r-recs")));
    assertThat(counts(values("b-dead"), d -> d.get("raw").asText()))
        .isEqualTo(
            input.stream()
                .filter(r -> r.key().equals("bad"))
                .collect(Collectors.toMap(KeyValue::value, r -> 1L)));
    for (String topic : List.of("b-similar", "b-trending")) {
      assertThat(replayedRuns(topic)).as("records of %s written twice", topic).isEmpty();
    }
  }

  /** The bounded run from topic {@code backfill-in}, caps lifted so that results are exact. */
  private static List<String> backfillArgs(String prefix, String group) {
    List<String> args = kafkaArgs(prefix, group);
    args.set(args.indexOf("in"), "backfill-in");
    args.addAll(List.of("--bounded", "true", "--max-users-per-item", "100000"));
    return args;
  }

  /** Each user's final list, as item ids in order. */
  private static Map<String, List<String>> finalItems(List<JsonNode> lists) {
    Map<String, List<String>> finals = new TreeMap<>();
    for (JsonNode list : lists) {
      if (list.get("final").asBoolean()) {
        List<String> items = new ArrayList<>();
        list.get("items").forEach(item -> items.add(item.get("itemId").asText()));
        finals.put(list.get("userId").asText(), items);
      }
    }
    return finals;
  }

  /**
   * The files sinks on HDFS: a live folder of CSV files, output and checkpoints on the embedded
   * HDFS, the run killed twice mid-stream (its open part files left in progress, their leases held
   * by the dead process), stopped with a savepoint, and ended by a bounded run that drains. No part
   * file is committed twice, none is lost, and no in-progress file is left.
   */
  @Test
  void filesRunOnHdfsKilledTwiceMidStreamCommitsEveryRecordOnceAndLeavesNoInProgressFile(
      @TempDir Path dir) throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    String out = "/kill/out";
    String checkpoints = "/kill/checkpoints";
    List<KeyValue> input = input();
    long accepted = input.stream().filter(r -> !r.key().equals("bad")).count();
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "--source",
                "files",
                "--sinks",
                "files",
                "--input",
                in.toString(),
                "--format",
                "csv",
                "--output-dir",
                HDFS.uri(out),
                "--checkpoint-dir",
                HDFS.uri(checkpoints),
                "--checkpoint-interval",
                "1s",
                "--parallelism",
                "2"));
    // The default restarts (3): a checkpoint that fails on the loaded embedded HDFS restarts the
    // job
    // in its JVM from the latest checkpoint, as it would for a user, instead of ending the run.
    List<String> live = new ArrayList<>(args);
    live.addAll(List.of("--monitor-interval", "500ms"));
    String recs = out + "/recommendations";

    // A live folder: a new file of FILE_LINES lines every FILE_PAUSE, written aside and renamed.
    Thread feeder = new Thread(() -> feedFiles(input, in), "file-feeder");
    feeder.start();

    JobProcess first = processes.start(dir.resolve("run-1.log"), live);
    await(
        "a first checkpoint and committed lists",
        WAIT,
        () -> !hdfsCheckpoints(checkpoints).isEmpty() && !HDFS.listCommittedFiles(recs).isEmpty());
    first.kill();
    int afterFirstKill = HDFS.readCommittedLines(recs).size();
    assertThat(afterFirstKill).as("lists committed when killed mid-stream").isLessThan(EVENTS);
    assertThat(inProgress(out)).as("in-progress part files the killed run left").isNotEmpty();
    Set<String> before = new HashSet<>(hdfsCheckpoints(checkpoints));

    JobProcess second = processes.start(dir.resolve("run-2.log"), live);
    await(
        "the second run's first new committed list",
        WAIT,
        () -> HDFS.readCommittedLines(recs).size() > afterFirstKill);
    Duration restart2 = second.age();
    await(
        "a later checkpoint of the second run",
        WAIT,
        () -> !before.containsAll(hdfsCheckpoints(checkpoints)));
    second.kill();
    int afterSecondKill = HDFS.readCommittedLines(recs).size();
    assertThat(second.output()).contains("run: resuming from " + HDFS.uri(checkpoints));
    assertThat(afterSecondKill).as("lists committed at the second kill").isLessThan((int) accepted);

    JobProcess third = processes.start(dir.resolve("run-3.log"), live);
    await(
        "the third run's first new committed list",
        WAIT,
        () -> HDFS.readCommittedLines(recs).size() > afterSecondKill);
    Duration restart3 = third.age();
    feeder.join();
    long fed = System.nanoTime();
    await(
        "the third run to commit a list per interaction",
        CATCH_UP,
        () -> HDFS.readCommittedLines(recs).size() >= accepted,
        () ->
            HDFS.readCommittedLines(recs).size()
                + " of "
                + accepted
                + " lists committed, "
                + inProgress(out).size()
                + " in-progress files, checkpoints "
                + hdfsCheckpoints(checkpoints)
                + ", the run "
                + (third.isAlive() ? "alive" : "exited"));
    Duration caughtUp = Duration.ofNanos(System.nanoTime() - fed);
    assertThat(third.terminate(WAIT)).isEqualTo(143);
    assertThat(third.output()).contains("run: stopped with savepoint " + HDFS.uri(checkpoints));

    // Without --monitor-interval the run is bounded: it resumes, finds no new file, and drains.
    JobProcess last = processes.start(dir.resolve("run-4.log"), args);
    assertThat(last.awaitExit(WAIT)).as(last.output()).isZero();
    assertThat(last.output())
        .contains("run: resuming from " + HDFS.uri(checkpoints) + "/savepoints/")
        .contains("checkpoints in " + HDFS.uri(checkpoints));
    System.out.printf(
        "ProcessKillITCase files on HDFS: restart to first new committed list %s and %s, every"
            + " list committed %s after the last input file%n",
        restart2, restart3, caughtUp);

    List<JsonNode> lists =
        HDFS.readCommittedLines(recs).stream().map(ProcessKillITCase::json).toList();
    assertThat(counts(lists, ProcessKillITCase::trigger))
        .as("lists per (user, timestamp, final)")
        .isEqualTo(expectedTriggers(input, true));
    assertThat(
            counts(
                HDFS.readCommittedLines(out + "/dead-letters").stream()
                    .map(ProcessKillITCase::json)
                    .toList(),
                d -> d.get("raw").asText()))
        .isEqualTo(
            input.stream()
                .filter(r -> r.key().equals("bad"))
                .collect(Collectors.toMap(KeyValue::value, r -> 1L)));
    for (String output : List.of("similar-items", "trending")) {
      assertThat(replayedRuns(linesByKey(out + "/" + output)))
          .as("records of %s written twice", output)
          .isEmpty();
    }
    assertThat(inProgress(out)).as("in-progress files after a drained run").isEmpty();
  }

  /** The {@code chk-<n>/_metadata} files of completed checkpoints under an HDFS folder. */
  private static List<String> hdfsCheckpoints(String dir) {
    List<String> found = new ArrayList<>();
    FileSystem fs = HDFS.fileSystem();
    try {
      org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(dir);
      if (!fs.exists(root)) {
        return found;
      }
      for (FileStatus job : fs.listStatus(root)) {
        if (!job.isDirectory()) {
          continue;
        }
        for (FileStatus point : fs.listStatus(job.getPath())) {
          org.apache.hadoop.fs.Path metadata =
              new org.apache.hadoop.fs.Path(point.getPath(), "_metadata");
          if (point.getPath().getName().startsWith("chk-") && fs.exists(metadata)) {
            found.add(metadata.toUri().getPath());
          }
        }
      }
    } catch (FileNotFoundException e) {
      // Flink removes subsumed checkpoints while the folder is listed: none this time.
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  /** The hidden in-progress part files under an HDFS folder. */
  private static List<String> inProgress(String dir) {
    List<String> found = new ArrayList<>();
    try {
      RemoteIterator<LocatedFileStatus> files =
          HDFS.fileSystem().listFiles(new org.apache.hadoop.fs.Path(dir), true);
      while (files.hasNext()) {
        org.apache.hadoop.fs.Path file = files.next().getPath();
        if (file.getName().contains("inprogress")) {
          found.add(file.toUri().getPath());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  /** The arguments of a run from topic {@code in} to topics named with {@code prefix}. */
  private static List<String> kafkaArgs(String prefix, String group) {
    return new ArrayList<>(
        List.of(
            "run",
            "--source",
            "kafka",
            "--sinks",
            "kafka",
            "--bootstrap-servers",
            KAFKA.bootstrapServers(),
            "--input-topic",
            "in",
            "--group-id",
            group,
            "--starting-offsets",
            "earliest",
            "--format",
            "csv",
            "--delivery-guarantee",
            "exactly-once",
            "--transactional-id-prefix",
            group,
            "--recommendations-topic",
            prefix + "recs",
            "--similar-items-topic",
            prefix + "similar",
            "--trending-topic",
            prefix + "trending",
            "--dead-letters-topic",
            prefix + "dead",
            "--checkpoint-interval",
            "1s",
            "--parallelism",
            "2",
            "--max-restarts",
            "0"));
  }

  /** Generated interactions as CSV keyed by user, with a bad line every {@code BAD_EVERY}. */
  private static List<KeyValue> input() {
    return input(InteractionGenerator.small(11).generate().subList(0, EVENTS));
  }

  private static List<KeyValue> input(List<Interaction> events) {
    List<KeyValue> records = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      if (i % BAD_EVERY == 0) {
        records.add(new KeyValue("bad", "broken line " + i));
      }
      records.add(new KeyValue(events.get(i).userId(), InteractionFiles.toCsvLine(events.get(i))));
    }
    return records;
  }

  private static final int FILE_LINES = 500;
  private static final Duration FILE_PAUSE = Duration.ofMillis(1200);

  private static void feedFiles(List<KeyValue> input, Path folder) {
    try {
      for (int from = 0, n = 0; from < input.size(); from += FILE_LINES, n++) {
        StringBuilder text = new StringBuilder();
        for (KeyValue line : input.subList(from, Math.min(input.size(), from + FILE_LINES))) {
          text.append(line.value()).append('\n');
        }
        // Hidden while written: the file source skips names that start with a dot.
        Path hidden = folder.resolve(String.format(".part-%03d.csv", n));
        Files.writeString(hidden, text);
        Files.move(hidden, folder.resolve(String.format("part-%03d.csv", n)));
        Thread.sleep(FILE_PAUSE.toMillis());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * One list per accepted interaction, and with {@code finals} a final one per user at its latest
   * event time.
   */
  private static Map<String, Long> expectedTriggers(List<KeyValue> input, boolean finals) {
    Map<String, Long> latest = new TreeMap<>();
    List<String> triggers = new ArrayList<>();
    for (KeyValue record : input) {
      if (!record.key().equals("bad")) {
        long timestamp = Long.parseLong(record.value().split(",")[4]);
        triggers.add(record.key() + "@" + timestamp);
        latest.merge(record.key(), timestamp, Math::max);
      }
    }
    if (finals) {
      latest.forEach((user, timestamp) -> triggers.add(user + "@" + timestamp + " final"));
    }
    return triggers.stream()
        .collect(Collectors.groupingBy(t -> t, TreeMap::new, Collectors.counting()));
  }

  /** Lines that occur more than once. */
  /**
   * The committed JSON lines under an HDFS folder, per list key (item or scope), in the order they
   * were written. A key is always written by the same sink subtask, and a subtask's part files are
   * finished one after the other (rolled on checkpoints); their names ({@code part-<bucket writer
   * id>-<counter>}) start anew with each bucket and each restore, so the files are ordered by
   * modification time, then by counter.
   */
  private static Map<String, List<String>> linesByKey(String dir) throws IOException {
    FileSystem fs = HDFS.fileSystem();
    Map<String, Long> modified = new HashMap<>();
    for (String file : HDFS.listCommittedFiles(dir)) {
      modified.put(
          file, fs.getFileStatus(new org.apache.hadoop.fs.Path(file)).getModificationTime());
    }
    List<String> files = new ArrayList<>(modified.keySet());
    files.sort(
        Comparator.comparingLong((String f) -> modified.get(f))
            .thenComparingLong(ProcessKillITCase::partCounter));
    Map<String, List<String>> byKey = new TreeMap<>();
    for (String file : files) {
      for (String line : HDFS.readFile(file).split("\n")) {
        if (!line.isEmpty()) {
          JsonNode node = json(line);
          String key =
              node.has("itemId") ? node.get("itemId").asText() : node.get("scope").asText();
          byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(line);
        }
      }
    }
    return byKey;
  }

  private static final Pattern PART_COUNTER = Pattern.compile(".*-(\\d+)(\\.[a-z]+)?$");

  private static long partCounter(String file) {
    Matcher m = PART_COUNTER.matcher(file);
    if (!m.matches()) {
      throw new AssertionError("not a part file name: " + file);
    }
    return Long.parseLong(m.group(1));
  }

  private static void feed(List<KeyValue> input) {
    for (int from = 0; from < input.size(); from += CHUNK) {
      KAFKA.produce("in", input.subList(from, Math.min(input.size(), from + CHUNK)));
      try {
        Thread.sleep(CHUNK_PAUSE.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static int committed(String topic) {
    return KAFKA.readAll(topic, true).size();
  }

  private static List<JsonNode> values(String topic) {
    return KAFKA.readAll(topic, true).stream().map(r -> json(r.value())).toList();
  }

  private static JsonNode json(String value) {
    try {
      return JSON.readTree(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String trigger(JsonNode list) {
    return list.get("userId").asText()
        + "@"
        + list.get("timestamp").asLong()
        + (list.get("final").asBoolean() ? " final" : "");
  }

  private static <K> Map<K, Long> counts(List<JsonNode> records, Function<JsonNode, K> key) {
    return records.stream()
        .collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
  }

  /**
   * Runs of records that a key's sequence holds twice in a row ({@code … X Y X Y …}, {@code … X X
   * …}): what a replay after a restore writes when a transaction it should have replaced was
   * committed.
   *
   * <p>An equal record further apart is no duplicate: a similar-items list is emitted when the
   * order of its items changes, and incremental scores (computed with the counts of their time)
   * followed by a recompute of the whole row can take a list A → B → A at the same event time.
   */
  private static List<String> replayedRuns(String topic) {
    Map<String, List<String>> byKey = new TreeMap<>();
    KAFKA.readAll(topic, true).stream()
        .sorted(
            Comparator.comparingInt((ConsumerRecord<String, String> r) -> r.partition())
                .thenComparingLong(ConsumerRecord::offset))
        .forEach(r -> byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r.value()));
    return replayedRuns(byKey);
  }

  private static List<String> replayedRuns(Map<String, List<String>> byKey) {
    List<String> runs = new ArrayList<>();
    byKey.forEach(
        (key, values) -> {
          for (int length = 1; 2 * length <= values.size(); length++) {
            for (int i = 0; i + 2 * length <= values.size(); i++) {
              if (values
                  .subList(i, i + length)
                  .equals(values.subList(i + length, i + 2 * length))) {
                runs.add(
                    String.format(
                        "key %s: records %d to %d of %d written twice: %s",
                        key, i, i + length - 1, values.size(), values.subList(i, i + length)));
              }
            }
          }
        });
    return runs;
  }
}
