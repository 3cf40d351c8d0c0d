package io.recs.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recs.evaluation.data.InteractionFiles;
import io.recs.evaluation.data.InteractionGenerator;
import io.recs.event.Interaction;
import io.recs.testkit.kafka.EmbeddedKafkaExtension;
import io.recs.testkit.kafka.EmbeddedKafkaExtension.KeyValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bounded run (a backfill) over the first half of a topic, then a run over the rest, handed over
 * either through the consumer group's committed offsets or through the backfill's final savepoint:
 * every record is processed once, so every list triggered by an interaction and every dead letter
 * is written exactly once. Handed over through the savepoint, the second run also continues with
 * the backfill's state.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class BackfillHandoverITCase {
  @RegisterExtension static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theLiveRunContinuesWhereTheBackfillEnded() throws Exception {
    KAFKA.createTopic("handover-in", 2);
    List<Interaction> events = InteractionGenerator.small(3).generate().subList(0, 4000);
    List<KeyValue> records = records(events);
    int half = records.size() / 2;
    KAFKA.produce("handover-in", records.subList(0, half));
    MainTest.Result backfill = run("handover", "handover", "earliest");
    assertThat(backfill.exitCode()).as(backfill.out()).isZero();
    assertThat(backfill.out())
        .contains("committed the end offsets of handover-in for group handover");
    KAFKA.produce("handover-in", records.subList(half, records.size()));
    MainTest.Result live = run("handover", "handover", "committed");
    assertThat(live.exitCode()).as(live.out()).isZero();

    assertDeadLettersOnce("handover-dead-letters", 40);
    assertThat(interactionLists("handover-recommendations"))
        .isEqualTo(expectedTriggers(events, events.size()));
    assertThat(live.out())
        .contains("  read:     " + String.format("%,d", records.size() - half) + " records");
  }

  /**
   * The backfill with a {@code --checkpoint-dir} ends with a draining savepoint and keeps it; the
   * next run with the same folder resumes from it (bounded here, so that it ends): it reads only
   * the second half, and each user's last final list equals that of one run over the whole topic,
   * which it can only compute with the backfill's state (histories, co-occurrence, neighbour lists
   * of the first half).
   */
  @Test
  void theLiveRunResumedFromTheBackfillsSavepointContinuesWithItsState(@TempDir Path dir)
      throws Exception {
    KAFKA.createTopic("resume-in", 2);
    List<Interaction> events = InteractionGenerator.small(5).generate().subList(0, 4000);
    List<KeyValue> records = records(events);
    int half = records.size() / 2;
    KAFKA.produce("resume-in", records.subList(0, half));
    String checkpoints = dir.resolve("checkpoints").toString();

    MainTest.Result backfill = run("resume", "resume", "earliest", "--checkpoint-dir", checkpoints);
    assertThat(backfill.exitCode()).as(backfill.out()).isZero();
    assertThat(backfill.out())
        .contains(
            "kafka-to-kafka: read to the end offsets of resume-in: a savepoint for the next run, then draining")
        .contains("kafka-to-kafka: input drained; kept its final savepoint file:" + checkpoints)
        .contains("committed the end offsets of resume-in for group resume");
    assertThat(KAFKA.consumerLag("resume", "resume-in")).as("the group's lag").isZero();
    int eventsInFirstHalf =
        (int)
            records.subList(0, half).stream().filter(r -> !r.value().startsWith("broken")).count();

    KAFKA.produce("resume-in", records.subList(half, records.size()));
    MainTest.Result live = run("resume", "resume", "earliest", "--checkpoint-dir", checkpoints);
    assertThat(live.exitCode()).as(live.out()).isZero();
    assertThat(live.out())
        .contains("kafka-to-kafka: resuming from file:" + checkpoints + "/savepoints/savepoint-")
        // The summary's counts continue from the savepoint: the whole topic, each record once.
        .contains("  read:     " + String.format("%,d", records.size()) + " records");

    MainTest.Result reference = run("reference", "reference", "earliest");
    assertThat(reference.exitCode()).as(reference.out()).isZero();

    assertDeadLettersOnce("resume-dead-letters", 40);
    assertThat(interactionLists("resume-recommendations"))
        .isEqualTo(expectedTriggers(events, events.size()));
    // A final list per user at each drain: from the backfill for the users of the first half, from
    // the second run for every user, with the history of both halves.
    Set<String> firstHalfUsers =
        events.subList(0, eventsInFirstHalf).stream()
            .map(Interaction::userId)
            .collect(Collectors.toSet());
    Set<String> secondHalfUsers =
        events.subList(eventsInFirstHalf, events.size()).stream()
            .map(Interaction::userId)
            .collect(Collectors.toSet());
    Map<String, Long> finalsPerUser = new TreeMap<>();
    for (JsonNode list : values("resume-recommendations")) {
      if (list.get("final").asBoolean()) {
        finalsPerUser.merge(list.get("userId").asText(), 1L, Long::sum);
      }
    }
    Map<String, Long> expectedFinals = new TreeMap<>();
    firstHalfUsers.forEach(u -> expectedFinals.merge(u, 2L, Long::sum));
    secondHalfUsers.forEach(u -> expectedFinals.putIfAbsent(u, 1L));
    assertThat(finalsPerUser).isEqualTo(expectedFinals);
    assertThat(secondHalfUsers)
        .as("users of the second half who had first-half history")
        .anyMatch(firstHalfUsers::contains);
    assertThat(lastFinalItems("resume-recommendations"))
        .isEqualTo(lastFinalItems("reference-recommendations"));
  }

  private static List<KeyValue> records(List<Interaction> events) {
    List<KeyValue> records = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      Interaction e = events.get(i);
      records.add(new KeyValue(e.userId(), InteractionFiles.toCsvLine(e)));
      if (i % 100 == 0) {
        records.add(new KeyValue(e.userId(), "broken record " + i));
      }
    }
    return records;
  }

  private static void assertDeadLettersOnce(String topic, int expected) {
    Map<String, Integer> deadLetters = new HashMap<>();
    for (ConsumerRecord<String, String> r : KAFKA.readAll(topic, true)) {
      deadLetters.merge(r.value().replaceAll(".*\"raw\":\"([^\"]*)\".*", "$1"), 1, Integer::sum);
    }
    assertThat(deadLetters).hasSize(expected).allSatisfy((raw, count) -> assertThat(count).isOne());
  }

  /** How many lists each interaction (user and event time) triggered. */
  private static Map<String, Integer> interactionLists(String topic) {
    Map<String, Integer> lists = new TreeMap<>();
    for (JsonNode list : values(topic)) {
      if (!list.get("final").asBoolean()) {
        lists.merge(
            list.get("userId").asText() + "@" + list.get("timestamp").asLong(), 1, Integer::sum);
      }
    }
    return lists;
  }

  private static Map<String, Integer> expectedTriggers(List<Interaction> events, int count) {
    Map<String, Integer> triggers = new TreeMap<>();
    events.subList(0, count).forEach(e -> triggers.put(e.userId() + "@" + e.timestamp(), 1));
    return triggers;
  }

  /** Each user's last final list, as item ids in order. */
  private static Map<String, List<String>> lastFinalItems(String topic) {
    Map<String, List<String>> finals = new TreeMap<>();
    for (JsonNode list : values(topic)) {
      if (list.get("final").asBoolean()) {
        List<String> items = new ArrayList<>();
        list.get("items").forEach(item -> items.add(item.get("itemId").asText()));
        finals.put(list.get("userId").asText(), items);
      }
    }
    return finals;
  }

  private static List<JsonNode> values(String topic) {
    return KAFKA.readAll(topic, true).stream()
        .map(
            r -> {
              try {
                return JSON.readTree(r.value());
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
        .toList();
  }

  private static MainTest.Result run(
      String prefix, String group, String startingOffsets, String... more) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "kafka-to-kafka",
                "--bootstrap-servers",
                KAFKA.bootstrapServers(),
                "--input-topic",
                prefix.equals("reference") ? "resume-in" : prefix + "-in",
                "--group-id",
                group,
                "--starting-offsets",
                startingOffsets,
                "--bounded",
                "true",
                "--format",
                "csv",
                "--max-users-per-item",
                "100000",
                "--recommendations-topic",
                prefix + "-recommendations",
                "--similar-items-topic",
                prefix + "-similar-items",
                "--trending-topic",
                prefix + "-trending",
                "--dead-letters-topic",
                prefix + "-dead-letters",
                "--transactional-id-prefix",
                prefix + "-" + startingOffsets + "-" + more.length,
                "--checkpoint-interval",
                "1s",
                "--parallelism",
                "2",
                "--max-restarts",
                "0"));
    args.addAll(List.of(more));
    return MainTest.run(args.toArray(String[]::new));
  }
}
