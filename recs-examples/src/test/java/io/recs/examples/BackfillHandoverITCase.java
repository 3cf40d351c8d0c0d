package io.recs.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.recs.event.Interaction;
import io.recs.testkit.data.InteractionFiles;
import io.recs.testkit.data.InteractionGenerator;
import io.recs.testkit.kafka.EmbeddedKafkaExtension;
import io.recs.testkit.kafka.EmbeddedKafkaExtension.KeyValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A bounded run (a backfill) over the first half of a topic, then a run of the same consumer group
 * from its committed offsets over the rest: every record is processed once, so every list triggered
 * by an interaction and every dead letter is written exactly once.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class BackfillHandoverITCase {
  @RegisterExtension static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

  @Test
  void theLiveRunContinuesWhereTheBackfillEnded() throws Exception {
    KAFKA.createTopic("handover-in", 2);
    List<Interaction> events = InteractionGenerator.small(3).generate().subList(0, 4000);
    List<KeyValue> records = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      Interaction e = events.get(i);
      records.add(new KeyValue(e.userId(), InteractionFiles.toCsvLine(e)));
      if (i % 100 == 0) {
        records.add(new KeyValue(e.userId(), "broken record " + i));
      }
    }
    int half = records.size() / 2;
    KAFKA.produce("handover-in", records.subList(0, half));
    assertThat(run("earliest").exitCode()).isZero();
    KAFKA.produce("handover-in", records.subList(half, records.size()));
    MainTest.Result live = run("committed");
    assertThat(live.exitCode()).as(live.out()).isZero();

    Map<String, Integer> deadLetters = new HashMap<>();
    for (ConsumerRecord<String, String> r : KAFKA.readAll("handover-dead-letters", true)) {
      deadLetters.merge(r.value().replaceAll(".*\"raw\":\"([^\"]*)\".*", "$1"), 1, Integer::sum);
    }
    assertThat(deadLetters).hasSize(40).allSatisfy((raw, count) -> assertThat(count).isOne());
    Map<String, Integer> lists = new HashMap<>();
    for (ConsumerRecord<String, String> r : KAFKA.readAll("handover-recommendations", true)) {
      if (r.value().endsWith("\"final\":false}")) {
        String time = r.value().replaceAll(".*\"timestamp\":(\\d+).*", "$1");
        lists.merge(r.key() + "@" + time, 1, Integer::sum);
      }
    }
    long distinctTriggers =
        events.stream().map(e -> e.userId() + "@" + e.timestamp()).distinct().count();
    assertThat(lists).hasSize((int) distinctTriggers);
    assertThat(lists.values()).allMatch(count -> count == 1);
    assertThat(live.out())
        .contains("  read:     " + String.format("%,d", records.size() - half) + " records");
  }

  private static MainTest.Result run(String startingOffsets) throws Exception {
    MainTest.Result result =
        MainTest.run(
            "kafka-to-kafka",
            "--bootstrap-servers",
            KAFKA.bootstrapServers(),
            "--input-topic",
            "handover-in",
            "--group-id",
            "handover",
            "--starting-offsets",
            startingOffsets,
            "--bounded",
            "true",
            "--format",
            "csv",
            "--recommendations-topic",
            "handover-recommendations",
            "--similar-items-topic",
            "handover-similar-items",
            "--trending-topic",
            "handover-trending",
            "--dead-letters-topic",
            "handover-dead-letters",
            "--transactional-id-prefix",
            "handover-" + startingOffsets,
            "--checkpoint-interval",
            "1s",
            "--parallelism",
            "2",
            "--max-restarts",
            "0");
    assertThat(result.out())
        .contains("committed the end offsets of handover-in for group handover");
    return result;
  }
}
