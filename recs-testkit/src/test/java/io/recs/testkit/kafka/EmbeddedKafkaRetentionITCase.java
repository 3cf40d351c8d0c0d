package io.recs.testkit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Records whose timestamps lie in the past (recs writes outputs with their event times, and test
 * data starts in 2024) stay on the test broker: its time-based retention is off. Before, the
 * broker's first retention check deleted them, at a moment that depended on when the broker
 * started.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EmbeddedKafkaRetentionITCase {
  private static final long OLD = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();

  @RegisterExtension static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

  /**
   * Written to two topics at once; the record on the topic with its own 7-day retention (the
   * control, Kafka's default) is deleted by a retention check, and that check left the record on
   * the topic with the broker's default in place.
   */
  @Test
  void recordsWithOldTimestampsOutliveRetentionChecks() throws Exception {
    KAFKA.createTopic("old-kept", 1);
    KAFKA.createTopic("old-expires", 1, Map.of("retention.ms", Long.toString(7 * 86_400_000L)));
    produceAt("old-kept", OLD);
    produceAt("old-expires", OLD);

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!KAFKA.readAll("old-expires", true).isEmpty()) {
      assertThat(System.nanoTime())
          .as("the control record deleted within 30 s")
          .isLessThan(deadline);
      Thread.sleep(EmbeddedKafkaExtension.RETENTION_CHECK_INTERVAL.toMillis() / 4);
    }

    assertThat(KAFKA.readAll("old-kept", true)).hasSize(1);
  }

  private static void produceAt(String topic, long timestamp) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, null, timestamp, "k", "v"));
      producer.flush();
    }
  }
}
