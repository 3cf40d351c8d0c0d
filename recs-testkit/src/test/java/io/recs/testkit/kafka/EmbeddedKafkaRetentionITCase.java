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

  @Test
  void recordsWithOldTimestampsOutliveRetentionChecks() throws Exception {
    KAFKA.createTopic("old-kept", 1);
    produceAt("old-kept", OLD);

    Thread.sleep(EmbeddedKafkaExtension.RETENTION_CHECK_INTERVAL.toMillis() * 3);

    assertThat(KAFKA.readAll("old-kept", true)).hasSize(1);
  }

  /** The control: with a topic's own retention of 7 days, the same record is deleted. */
  @Test
  void aTopicWithItsOwnRetentionLosesThem() throws Exception {
    KAFKA.createTopic("old-expires", 1, Map.of("retention.ms", Long.toString(7 * 86_400_000L)));
    produceAt("old-expires", OLD);

    Thread.sleep(EmbeddedKafkaExtension.RETENTION_CHECK_INTERVAL.toMillis() * 3);

    assertThat(KAFKA.readAll("old-expires", true)).isEmpty();
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
