package io.recs.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.recs.testkit.kafka.EmbeddedKafkaExtension;
import io.recs.testkit.kafka.EmbeddedKafkaExtension.KeyValue;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Kafka job as a user runs it, through Main, bounded, with exactly-once output. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KafkaToKafkaJobITCase {
  @RegisterExtension static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

  @Test
  void writesEveryOutputAndDeadLettersExactlyOnce() throws Exception {
    KAFKA.createTopic("interactions", 2);
    KAFKA.produce(
        "interactions",
        List.of(
            new KeyValue("u1", "u1,i1,view,1,1700000000000"),
            new KeyValue("u1", "u1,i2,view,2,1700000001000"),
            new KeyValue("u2", "broken"),
            new KeyValue("u2", "u2,i1,view,1,1700000002000")));

    Main.run(
        new String[] {
          "kafka-to-kafka",
          "--bootstrap-servers",
          KAFKA.bootstrapServers(),
          "--input-topic",
          "interactions",
          "--starting-offsets",
          "earliest",
          "--bounded",
          "true",
          "--parser-class",
          LineTestParser.class.getName(),
          "--delivery-guarantee",
          "exactly-once",
          "--checkpoint-interval",
          "500",
          "--parallelism",
          "2",
          "--max-restarts",
          "0"
        },
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

    // One list per interaction and a final one per user, each exactly once.
    List<ConsumerRecord<String, String>> recs = KAFKA.readAll("recommendations", true);
    assertThat(recs)
        .extracting(ConsumerRecord::key)
        .containsExactlyInAnyOrder("u1", "u1", "u1", "u2", "u2");
    assertThat(recs)
        .filteredOn(r -> r.key().equals("u2"))
        .last()
        .satisfies(
            r -> assertThat(r.value()).contains("{\"itemId\":\"i2\",", "\"because\":[\"i1\"]"));
    assertThat(KAFKA.readAll("similar-items", true))
        .extracting(ConsumerRecord::key)
        .contains("i1", "i2");
    assertThat(KAFKA.readAll("trending", true)).extracting(ConsumerRecord::key).contains("*");
    assertThat(KAFKA.readAll("dead-letters", true))
        .singleElement()
        .satisfies(
            d ->
                assertThat(d.value())
                    .contains(
                        "\"reason\":\"MALFORMED_CSV\"",
                        "\"source\":\"interactions\"",
                        "\"raw\":\"broken\""));
  }
}
