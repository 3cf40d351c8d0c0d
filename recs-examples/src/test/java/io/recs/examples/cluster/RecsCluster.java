package io.recs.examples.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recs.evaluation.data.InteractionFiles;
import io.recs.evaluation.data.InteractionGenerator;
import io.recs.event.Interaction;
import io.recs.testkit.cluster.FlinkClusterExtension;
import io.recs.testkit.kafka.EmbeddedKafkaExtension;
import io.recs.testkit.kafka.EmbeddedKafkaExtension.KeyValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What the cluster ITCases share: the job jar, the cluster's classpath, the arguments of the
 * kafka-to-kafka job, and reading its outputs.
 */
final class RecsCluster {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * What recs-examples-*-cluster.jar bundles (see the {@code cluster-jar} execution in the pom):
   * kept off the cluster's classpath, as on a real Flink cluster, so that the job's Kafka connector
   * and client come from the jar alone.
   */
  private static final List<String> BUNDLED_IN_JOB_JAR =
      List.of(
          "recs-",
          "flink-connector-kafka-",
          "kafka-clients-",
          "zstd-jni-",
          "snappy-java-",
          "jackson-");

  private RecsCluster() {}

  /** The jar a user submits with {@code flink run}: recs-examples-<version>-cluster.jar. */
  static Path jobJar() {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files
          .filter(f -> f.getFileName().toString().matches("recs-examples-.*-cluster\\.jar"))
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "target/recs-examples-*-cluster.jar is missing: the cluster ITCases run"
                          + " after `package` (mvn verify)"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A cluster whose processes have this module's test classpath without what the job jar bundles
   * (recs itself, the Kafka connector and client, Jackson): Flink, its RocksDB backend, its file
   * connector, flink-runtime-web and log4j, like a Flink distribution.
   */
  static FlinkClusterExtension.Builder cluster() {
    List<Path> classpath =
        FlinkClusterExtension.testJvmClasspath().stream()
            .filter(entry -> !bundledInJobJar(entry))
            .toList();
    return FlinkClusterExtension.builder().classpath(classpath);
  }

  private static boolean bundledInJobJar(Path entry) {
    String name = entry.getFileName().toString();
    boolean recsModule =
        entry.toString().matches(".*[/\\\\]recs-[a-z]+[/\\\\]target[/\\\\].*classes");
    return recsModule || BUNDLED_IN_JOB_JAR.stream().anyMatch(name::startsWith);
  }

  /**
   * A generated set of 300 users, 150 items in 10 taste clusters (and categories) and {@code
   * events} events: big enough for neighbour lists of 50 and trending lists of 100, small enough
   * that a run takes seconds on two cores.
   */
  static List<Interaction> generated(long seed, int events) {
    return InteractionGenerator.builder()
        .seed(seed)
        .users(300)
        .items(150)
        .events(events)
        .clusters(10)
        .build()
        .generate();
  }

  /** Writes events as the {@code csv} format's lines, keyed by user. */
  static List<KeyValue> csv(List<Interaction> events) {
    return events.stream()
        .map(event -> new KeyValue(event.userId(), InteractionFiles.toCsvLine(event)))
        .toList();
  }

  /** Polls {@code condition} every 500 ms. */
  static void await(BooleanSupplier condition, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out after " + timeout + " waiting for " + what);
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** The output topics of one run of kafka-to-kafka, named after the run. */
  record Outputs(String run) {
    String recommendations() {
      return run + "-recommendations";
    }

    String similarItems() {
      return run + "-similar-items";
    }

    String trending() {
      return run + "-trending";
    }

    String deadLetters() {
      return run + "-dead-letters";
    }

    void create(EmbeddedKafkaExtension kafka) {
      for (String topic : List.of(recommendations(), similarItems(), trending(), deadLetters())) {
        // Not compacted, unlike in production: the tests count every record written.
        kafka.createTopic(topic, 2);
      }
    }

    /** The arguments of a run writing here, over the defaults of the ITCases. */
    List<String> args(
        EmbeddedKafkaExtension kafka, String inputTopic, Map<String, String> overrides) {
      Map<String, String> flags = new LinkedHashMap<>();
      flags.put("bootstrap-servers", kafka.bootstrapServers());
      flags.put("input-topic", inputTopic);
      flags.put("group-id", run);
      flags.put("starting-offsets", "earliest");
      flags.put("format", "csv");
      flags.put("recommendations-topic", recommendations());
      flags.put("similar-items-topic", similarItems());
      flags.put("trending-topic", trending());
      flags.put("dead-letters-topic", deadLetters());
      flags.put("delivery-guarantee", "exactly-once");
      flags.put("transactional-id-prefix", run);
      flags.put("checkpoint-interval", "1000");
      flags.put("max-restarts", "5");
      flags.putAll(overrides);
      List<String> args = new ArrayList<>(List.of("kafka-to-kafka"));
      flags.forEach(
          (flag, value) -> {
            args.add("--" + flag);
            args.add(value);
          });
      return args;
    }

    /** Every committed record of a topic, values grouped by key in the order written. */
    static Map<String, List<String>> byKey(EmbeddedKafkaExtension kafka, String topic) {
      Map<String, List<String>> byKey = new LinkedHashMap<>();
      for (ConsumerRecord<String, String> record : kafka.readAll(topic, true)) {
        byKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(record.value());
      }
      return byKey;
    }

    /** The last committed value of each key. */
    static Map<String, String> latest(EmbeddedKafkaExtension kafka, String topic) {
      Map<String, String> latest = new LinkedHashMap<>();
      byKey(kafka, topic).forEach((key, values) -> latest.put(key, values.get(values.size() - 1)));
      return latest;
    }
  }

  /**
   * Asserts that two maps are equal, naming at most three differing keys with both values and the
   * number of differences, instead of printing both maps whole.
   */
  static <V> void assertSameEntries(Map<String, V> actual, Map<String, V> expected, String what) {
    assertSameEntries(actual, expected, what, Objects::equals);
  }

  /** As {@link #assertSameEntries(Map, Map, String)}, with values compared by {@code same}. */
  static <V> void assertSameEntries(
      Map<String, V> actual, Map<String, V> expected, String what, BiPredicate<V, V> same) {
    Set<String> keys = new TreeSet<>(actual.keySet());
    keys.addAll(expected.keySet());
    List<String> differences = new ArrayList<>();
    for (String key : keys) {
      V a = actual.get(key);
      V e = expected.get(key);
      if (a == null || e == null ? a != e : !same.test(a, e)) {
        differences.add(String.format("%n  %s: %s", key, difference(a, e)));
      }
    }
    if (!differences.isEmpty()) {
      throw new AssertionError(
          what
              + ": "
              + differences.size()
              + " of "
              + keys.size()
              + " keys differ, for example"
              + String.join("", differences.subList(0, Math.min(3, differences.size()))));
    }
    if (expected.isEmpty()) {
      throw new AssertionError(what + ": nothing to compare, both are empty");
    }
  }

  /**
   * Whether two JSON outputs (recommendations, similar items or trending lists) hold the same list:
   * the same fields, items and explanations, and scores equal up to a relative 1e-9. Trending
   * popularity is a floating-point sum whose last digits depend on the order in which a scope's
   * events arrive, which varies at parallelism above 1; recommendations backfilled from trending
   * carry those scores.
   */
  static boolean sameList(String actual, String expected) {
    return sameList(actual, expected, true);
  }

  /**
   * As {@link #sameList(String, String)} but without the timestamps, for similar-items lists: their
   * timestamp is that of the update which last changed the list, which at parallelism above 1
   * depends on the order in which updates arrive even when the final list does not.
   */
  static boolean sameListAnyTime(String actual, String expected) {
    return sameList(actual, expected, false);
  }

  private static boolean sameList(String actual, String expected, boolean timestamps) {
    JsonNode a = json(actual);
    JsonNode e = json(expected);
    List<String> fields =
        timestamps
            ? List.of("userId", "itemId", "scope", "timestamp")
            : List.of("userId", "itemId");
    for (String field : fields) {
      if (!a.path(field).equals(e.path(field))) {
        return false;
      }
    }
    JsonNode aItems = a.has("neighbours") ? a.path("neighbours") : a.path("items");
    JsonNode eItems = e.has("neighbours") ? e.path("neighbours") : e.path("items");
    if (aItems.size() != eItems.size()) {
      return false;
    }
    for (int k = 0; k < aItems.size(); k++) {
      JsonNode x = aItems.get(k);
      JsonNode y = eItems.get(k);
      double scale = Math.max(1.0, Math.abs(y.path("score").asDouble()));
      if (!x.path("itemId").equals(y.path("itemId"))
          || !x.path("because").equals(y.path("because"))
          || Math.abs(x.path("score").asDouble() - y.path("score").asDouble()) > 1e-9 * scale) {
        return false;
      }
    }
    return true;
  }

  /** Where two values first differ, with some context; whole values when short. */
  private static String difference(Object actual, Object expected) {
    String a = String.valueOf(actual);
    String e = String.valueOf(expected);
    if (a.length() + e.length() < 400) {
      return String.format("%n    actual   %s%n    expected %s", a, e);
    }
    int at = 0;
    while (at < Math.min(a.length(), e.length()) && a.charAt(at) == e.charAt(at)) {
      at++;
    }
    int from = Math.max(0, at - 80);
    return String.format(
        "first difference at character %d:%n    actual   ...%s%n    expected ...%s",
        at,
        a.substring(from, Math.min(a.length(), at + 120)),
        e.substring(from, Math.min(e.length(), at + 120)));
  }

  private static final long START = System.nanoTime();

  /** Prints a line with the seconds since the test JVM loaded this class: where the time goes. */
  static void log(String format, Object... args) {
    System.out.printf(
        "[%6.1f s] %s%n", (System.nanoTime() - START) / 1e9, String.format(format, args));
  }

  /** A JSON field of an output record. */
  static JsonNode json(String value) {
    try {
      return JSON.readTree(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
