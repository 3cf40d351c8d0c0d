package io.recs.examples.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recs.event.Interaction;
import io.recs.event.TieBreak;
import io.recs.event.TrendingItems;
import io.recs.examples.cluster.RecsCluster.Outputs;
import io.recs.testkit.cluster.ClusterJob;
import io.recs.testkit.cluster.FlinkClusterExtension;
import io.recs.testkit.cluster.JobSubmission;
import io.recs.testkit.kafka.EmbeddedKafkaExtension;
import io.recs.testkit.kafka.EmbeddedKafkaExtension.KeyValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Savepoints stay usable: one written by this code is restored after a change of the parameters
 * that a user may change across a savepoint (N and the trending half-life), and one committed to
 * the repository ({@code src/test/resources/savepoints/kafka-to-kafka}) is restored by this code.
 *
 * <p>The committed savepoint must be regenerated when the state schema changes on purpose (an
 * operator's state, a uid, a state type): run this class with {@code
 * -Drecs.regenerateSavepointFixture=true} (see docs/operations.md), review and commit the new
 * files. It then writes the fixture before checking it.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class StateCompatibilityITCase {
  private static final Duration TIMEOUT = Duration.ofMinutes(3);
  private static final double DAY_MS = 86_400_000.0;

  /** Set to regenerate the committed savepoint. */
  static final String REGENERATE = "recs.regenerateSavepointFixture";

  private static final Path FIXTURE_SOURCE =
      Path.of("src/test/resources/savepoints/kafka-to-kafka");
  private static final Path FIXTURE_BUILT =
      Path.of("target/test-classes/savepoints/kafka-to-kafka");

  @RegisterExtension static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

  @RegisterExtension
  static final FlinkClusterExtension CLUSTER =
      RecsCluster.cluster().taskManagers(2).slotsPerTaskManager(2).build();

  /**
   * Stopped after the first half with N = 10 and a trending half-life of 1 day, resumed with N = 5
   * and 2 days: similar items end as in a run without the change; recommendations keep their
   * personal part, cut to 5; trending lists keep each item's popularity at the stop and decay it
   * with the new half-life from there.
   */
  @Test
  void aSavepointSurvivesAChangeOfNAndOfTheTrendingHalfLife() throws Exception {
    List<Interaction> events = RecsCluster.generated(31, 6_000);
    List<KeyValue> lines = RecsCluster.csv(events);
    int half = events.size() / 2;
    String input = "compat-params-in";
    KAFKA.createTopic(input, 2);
    Outputs changed = new Outputs("compat-params");
    changed.create(KAFKA);

    KAFKA.produce(input, lines.subList(0, half));
    ClusterJob before =
        CLUSTER.submit(submission(changed.args(KAFKA, input, Map.of("parallelism", "2")), null));
    awaitConsumed(before, changed, input);
    String savepoint = before.stopWithSavepoint(false, TIMEOUT);
    RecsCluster.log("parameters: first half done");
    KAFKA.produce(input, lines.subList(half, lines.size()));
    ClusterJob after =
        CLUSTER.submit(
            submission(
                changed.args(
                    KAFKA, input, Map.of("parallelism", "2", "n", "5", "trending-half-life", "2d")),
                savepoint));
    awaitConsumed(after, changed, input);
    after.stopWithSavepoint(true, TIMEOUT);
    RecsCluster.log("parameters: second half done");
    Map<String, Map<String, String>> reference = referenceRun(input, "compat-params-reference");

    RecsCluster.assertSameEntries(
        Outputs.latest(KAFKA, changed.similarItems()),
        reference.get("similar-items"),
        "final similar items per item",
        RecsCluster::sameListAnyTime);
    Map<String, String> recommendations = Outputs.latest(KAFKA, changed.recommendations());
    RecsCluster.assertSameEntries(
        personalItems(recommendations, 5),
        personalItems(reference.get("recommendations"), 5),
        "the personal (not trending) items of the final recommendations, first 5");
    assertThat(recommendations.values())
        .allSatisfy(list -> assertThat(RecsCluster.json(list).path("items").size()).isEqualTo(5));
    RecsCluster.assertSameEntries(
        Outputs.latest(KAFKA, changed.trending()),
        expectedTrending(events.subList(0, half), events.subList(half, events.size()), 2 * DAY_MS),
        "final trending lists per scope",
        RecsCluster::sameList);
  }

  /**
   * The committed savepoint, taken after the first 1,000 events of the tiny generated set, is
   * restored and the job reads the rest: every user's final recommendations, and every list the
   * restored job emits again at the end, equal those of a run over the whole input.
   */
  @Test
  void theCommittedSavepointIsRestoredByThisCode() throws Exception {
    boolean regenerate = Boolean.getBoolean(REGENERATE);
    Path fixture = regenerate ? FIXTURE_SOURCE : FIXTURE_BUILT;
    if (regenerate) {
      regenerateFixture();
    }
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(fixture.resolve("fixture.properties"))) {
      properties.load(in);
    }
    String input = properties.getProperty("topic");
    int consumed = Integer.parseInt(properties.getProperty("consumed"));
    List<KeyValue> lines = RecsCluster.csv(fixtureEvents());
    if (regenerate) {
      // The topic holds the part that the savepoint has read already.
      KAFKA.produce(input, lines.subList(consumed, lines.size()));
    } else {
      // As when the fixture was written: same topic, partitions, keys and order, so same offsets.
      KAFKA.createTopic(input, Integer.parseInt(properties.getProperty("partitions")));
      KAFKA.produce(input, lines);
    }
    Outputs restored = new Outputs("compat-fixture-restored");
    restored.create(KAFKA);

    ClusterJob job =
        CLUSTER.submit(
            submission(
                restored.args(KAFKA, input, fixtureFlags()),
                fixture.resolve("savepoint").toAbsolutePath().toUri().toString()));
    job.awaitAllTasksRunning(TIMEOUT);
    assertThat(job.lastRestore()).hasValueSatisfying(r -> assertThat(r.savepoint()).isTrue());
    awaitConsumed(job, restored, input);
    job.stopWithSavepoint(true, TIMEOUT);
    RecsCluster.log("fixture: restored run done");
    Map<String, Map<String, String>> reference = referenceRun(input, "compat-fixture-reference");

    RecsCluster.assertSameEntries(
        Outputs.latest(KAFKA, restored.recommendations()),
        reference.get("recommendations"),
        "final recommendations per user",
        RecsCluster::sameList);
    // Items and scopes whose lists did not change after the restore are not emitted again.
    Map<String, String> similar = Outputs.latest(KAFKA, restored.similarItems());
    assertThat(similar).isNotEmpty();
    RecsCluster.assertSameEntries(
        similar,
        subMap(reference.get("similar-items"), similar),
        "final similar items re-emitted after the restore",
        RecsCluster::sameListAnyTime);
    Map<String, String> trending = Outputs.latest(KAFKA, restored.trending());
    assertThat(trending).containsKey(TrendingItems.GLOBAL);
    RecsCluster.assertSameEntries(
        trending,
        subMap(reference.get("trending"), trending),
        "final trending lists re-emitted after the restore",
        RecsCluster::sameList);
  }

  /** The tiny generated set of the fixture, always the same. */
  private static List<Interaction> fixtureEvents() {
    return io.recs.evaluation.data.InteractionGenerator.tiny(5).generate();
  }

  /** The job's flags for the fixture: at-least-once, so that no transaction state is involved. */
  private static Map<String, String> fixtureFlags() {
    return new TreeMap<>(Map.of("parallelism", "2", "delivery-guarantee", "at-least-once"));
  }

  /** Writes the committed savepoint anew: the job reads 1,000 events, then stops. */
  private static void regenerateFixture() throws IOException {
    String input = "compat-fixture-in";
    int partitions = 2;
    int consumed = 1_000;
    KAFKA.createTopic(input, partitions);
    KAFKA.produce(input, RecsCluster.csv(fixtureEvents()).subList(0, consumed));
    Outputs outputs = new Outputs("compat-fixture-writer");
    outputs.create(KAFKA);
    ClusterJob job = CLUSTER.submit(submission(outputs.args(KAFKA, input, fixtureFlags()), null));
    awaitConsumed(job, outputs, input);
    Path savepoint = Path.of(URI.create(withScheme(job.stopWithSavepoint(false, TIMEOUT))));
    // The broker is gone when the fixture is restored: the topic is recreated and filled again.
    deleteRecursively(FIXTURE_SOURCE);
    Path target = Files.createDirectories(FIXTURE_SOURCE.resolve("savepoint"));
    try (Stream<Path> files = Files.list(savepoint)) {
      for (Path file : files.toList()) {
        Files.copy(file, target.resolve(file.getFileName().toString()));
      }
    }
    Properties properties = new Properties();
    properties.setProperty("topic", input);
    properties.setProperty("partitions", Integer.toString(partitions));
    properties.setProperty("events", "InteractionGenerator.tiny(5), keyed by user, csv format");
    properties.setProperty("consumed", Integer.toString(consumed));
    properties.setProperty("flags", fixtureFlags().toString());
    try (OutputStream out = Files.newOutputStream(FIXTURE_SOURCE.resolve("fixture.properties"))) {
      properties.store(
          out,
          "Savepoint of kafka-to-kafka; regenerate with -D"
              + REGENERATE
              + "=true (StateCompatibilityITCase, docs/operations.md)");
    }
    RecsCluster.log("fixture written to %s", FIXTURE_SOURCE.toAbsolutePath());
  }

  private static String withScheme(String location) {
    return location.startsWith("file:") ? location : "file://" + location;
  }

  private static JobSubmission submission(List<String> args, String savepoint) {
    JobSubmission.Builder builder = JobSubmission.builder(RecsCluster.jobJar()).args(args);
    if (savepoint != null) {
      builder.fromSavepoint(savepoint);
    }
    return builder.build();
  }

  private static void awaitConsumed(ClusterJob job, Outputs outputs, String input)
      throws IOException {
    job.awaitAllTasksRunning(TIMEOUT);
    RecsCluster.await(() -> KAFKA.consumerLag(outputs.run(), input) == 0, TIMEOUT, input);
  }

  /** The final lists of a bounded run over the whole input, with the default parameters. */
  private static Map<String, Map<String, String>> referenceRun(String input, String run)
      throws IOException {
    Outputs outputs = new Outputs(run);
    outputs.create(KAFKA);
    CLUSTER
        .submit(
            submission(
                outputs.args(KAFKA, input, Map.of("parallelism", "2", "bounded", "true")), null))
        .awaitStatus(JobStatus.FINISHED, TIMEOUT);
    RecsCluster.log("%s finished", run);
    return Map.of(
        "recommendations", Outputs.latest(KAFKA, outputs.recommendations()),
        "similar-items", Outputs.latest(KAFKA, outputs.similarItems()),
        "trending", Outputs.latest(KAFKA, outputs.trending()));
  }

  /**
   * Per user, the ids of the first {@code n} items of the final list not backfilled from trending.
   */
  private static Map<String, String> personalItems(Map<String, String> lists, int n) {
    Map<String, String> personal = new TreeMap<>();
    lists.forEach(
        (user, list) -> {
          List<String> items = new ArrayList<>();
          for (JsonNode item : RecsCluster.json(list).path("items")) {
            if (!item.path("because").toString().equals("[\"trending\"]") && items.size() < n) {
              items.add(item.path("itemId").asText() + " " + item.path("because"));
            }
          }
          personal.put(user, items.toString());
        });
    return personal;
  }

  /**
   * The final trending lists after the half-life changed from 1 day to {@code halfLifeMs} between
   * {@code before} and {@code after}, computed directly from the documented semantics: each scope's
   * popularity at its latest event time T0 before the change carries over and decays with the new
   * half-life, later events add w·2^(−(T − t)/h), ranked by popularity at the scope's last event
   * time T (ties in tie order, {@link TieBreak}), the first 100.
   */
  private static Map<String, String> expectedTrending(
      List<Interaction> before, List<Interaction> after, double halfLifeMs) {
    Map<String, Map<String, Double>> popularity = new HashMap<>();
    Map<String, Long> latestBefore = new HashMap<>();
    Map<String, Long> latest = new HashMap<>();
    for (Interaction event : before) {
      for (String scope : scopes(event)) {
        latestBefore.merge(scope, event.timestamp(), Math::max);
      }
    }
    for (Interaction event : before) {
      for (String scope : scopes(event)) {
        double age = latestBefore.get(scope) - event.timestamp();
        popularity
            .computeIfAbsent(scope, s -> new HashMap<>())
            .merge(event.itemId(), event.weight() * Math.pow(2, -age / DAY_MS), Double::sum);
      }
    }
    latest.putAll(latestBefore);
    for (Interaction event : after) {
      for (String scope : scopes(event)) {
        latest.merge(scope, event.timestamp(), Math::max);
      }
    }
    Map<String, String> lists = new TreeMap<>();
    for (String scope : latest.keySet()) {
      long end = latest.get(scope);
      Map<String, Double> scores = new HashMap<>();
      Long t0 = latestBefore.get(scope);
      popularity
          .getOrDefault(scope, Map.of())
          .forEach((item, p) -> scores.put(item, p * Math.pow(2, -(end - t0) / halfLifeMs)));
      for (Interaction event : after) {
        if (scopes(event).contains(scope)) {
          scores.merge(
              event.itemId(),
              event.weight() * Math.pow(2, -(end - event.timestamp()) / halfLifeMs),
              Double::sum);
        }
      }
      List<Map.Entry<String, Double>> ranked = new ArrayList<>(scores.entrySet());
      ranked.sort(
          Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
              .thenComparing(Map.Entry.comparingByKey(TieBreak.ORDER)));
      StringBuilder json = new StringBuilder("{\"scope\":\"" + scope + "\",\"items\":[");
      for (int k = 0; k < Math.min(100, ranked.size()); k++) {
        json.append(k == 0 ? "" : ",")
            .append("{\"itemId\":\"")
            .append(ranked.get(k).getKey())
            .append("\",\"score\":")
            .append(ranked.get(k).getValue())
            .append("}");
      }
      lists.put(scope, json.append("],\"timestamp\":").append(end).append("}").toString());
    }
    return lists;
  }

  private static List<String> scopes(Interaction event) {
    return event.category() == null
        ? List.of(TrendingItems.GLOBAL)
        : List.of(TrendingItems.GLOBAL, event.category());
  }

  private static Map<String, String> subMap(Map<String, String> all, Map<String, String> keys) {
    Map<String, String> sub = new LinkedHashMap<>();
    keys.keySet().forEach(key -> sub.put(key, all.get(key)));
    return sub;
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
