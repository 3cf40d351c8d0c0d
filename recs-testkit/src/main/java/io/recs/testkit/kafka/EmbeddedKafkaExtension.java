package io.recs.testkit.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Kafka broker in the test JVM: one KRaft node that is both broker and controller, started
 * once per test class. No Docker needed.
 *
 * <pre>{@code
 * class MyJobITCase {
 *   @RegisterExtension
 *   static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();
 *
 *   @Test
 *   void readsAndWrites() throws Exception {
 *     KAFKA.createTopic("in", 2);
 *     KAFKA.produce("in", "u1", "u1,i1,view,1,1000");
 *     // ... run a job against KAFKA.bootstrapServers() ...
 *     List<ConsumerRecord<String, String>> out = KAFKA.readAll("out", true);
 *   }
 * }
 * }</pre>
 *
 * <p>The broker is configured for one node (replication factor 1 for the offsets and transaction
 * topics, minimum in-sync replicas 1) and for fast tests (no initial rebalance delay). Time-based
 * retention is off ({@code log.retention.ms=-1}), because records written with past event times as
 * timestamps would otherwise be deleted at the broker's next retention check; a topic created with
 * its own {@code retention.ms} gets it applied within about a second. Transactions work, with the
 * broker's default {@code transaction.max.timeout.ms} of 15 minutes. Topics live until the class
 * ends, so tests in one class should use distinct topic names.
 *
 * <p>Needs {@code org.apache.kafka:kafka-test-common-runtime} on the test classpath, which {@code
 * recs-testkit} brings.
 */
@PublicEvolving
public final class EmbeddedKafkaExtension
    implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

  /**
   * How often the broker applies retention (Kafka's default: every 5 minutes, first after 30 s).
   */
  static final Duration RETENTION_CHECK_INTERVAL = Duration.ofSeconds(1);

  private KafkaClusterTestKit cluster;

  /** An extension whose broker starts before the first test of the class. */
  public EmbeddedKafkaExtension() {}

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    close();
  }

  /**
   * Starts the broker, for use outside JUnit (a benchmark's {@code main}); with {@code
   * try}-with-resources, {@link #close()} stops it.
   *
   * @throws IllegalStateException if it is already running
   */
  public void start() throws Exception {
    if (cluster != null) {
      throw new IllegalStateException("the broker is already running at " + bootstrapServers());
    }
    KafkaClusterTestKit started =
        new KafkaClusterTestKit.Builder(
                new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
            .setConfigProp("offsets.topic.replication.factor", "1")
            .setConfigProp("transaction.state.log.replication.factor", "1")
            .setConfigProp("transaction.state.log.min.isr", "1")
            .setConfigProp("group.initial.rebalance.delay.ms", "0")
            // Fewer internal partitions: a one-node test broker does not need 50 of each.
            .setConfigProp("offsets.topic.num.partitions", "4")
            // recs writes outputs with their event times as record timestamps, and test data
            // lies in the past: with Kafka's default retention of 7 days, each retention check
            // would delete whatever had been written before it.
            .setConfigProp("log.retention.ms", "-1")
            .setConfigProp("log.initial.task.delay.ms", "100")
            .setConfigProp(
                "log.retention.check.interval.ms",
                Long.toString(RETENTION_CHECK_INTERVAL.toMillis()))
            .setConfigProp("transaction.state.log.num.partitions", "4")
            .build();
    try {
      started.format();
      started.startup();
      started.waitForReadyBrokers();
    } catch (Exception e) {
      started.close();
      throw e;
    }
    cluster = started;
  }

  /** Stops the broker and deletes its data; does nothing if it is not running. */
  @Override
  public void close() throws Exception {
    if (cluster != null) {
      cluster.close();
      cluster = null;
    }
  }

  /** The {@code bootstrap.servers} of the broker. */
  public String bootstrapServers() {
    return running().bootstrapServers();
  }

  /** Creates a topic with replication factor 1 and waits until it exists. */
  public void createTopic(String name, int partitions) {
    createTopic(name, partitions, Map.of());
  }

  /** Creates a topic with topic configs, for example {@code cleanup.policy=compact}. */
  public void createTopic(String name, int partitions, Map<String, String> configs) {
    try (Admin admin = Admin.create(clientProperties())) {
      admin
          .createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(configs)))
          .all()
          .get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topic " + name, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not create topic " + name, e.getCause());
    }
  }

  /** Writes one record and waits for its acknowledgement; key and value may be null. */
  public void produce(String topic, String key, String value) {
    produce(topic, List.of(new KeyValue(key, value)));
  }

  /** Writes records in order and waits until all are acknowledged. */
  public void produce(String topic, List<KeyValue> records) {
    Properties props = clientProperties();
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      for (KeyValue record : records) {
        producer.send(new ProducerRecord<>(topic, record.key(), record.value()));
      }
      producer.flush();
    }
  }

  /**
   * Reads every record of every partition of the topic, from the beginning up to the end as of this
   * call. With {@code readCommitted}, reads as a {@code read_committed} consumer: records of open
   * or aborted transactions are left out, and the end is the last stable offset.
   *
   * @return the records, ordered by partition, then offset
   */
  public List<ConsumerRecord<String, String>> readAll(String topic, boolean readCommitted) {
    Properties props = clientProperties();
    props.put(
        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
        readCommitted ? "read_committed" : "read_uncommitted");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, READ_TIMEOUT).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .collect(Collectors.toList());
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, READ_TIMEOUT));
      Map<TopicPartition, List<ConsumerRecord<String, String>>> read = new HashMap<>();
      long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
      while (!reachedEnd(consumer, end)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "could not read " + topic + " up to " + end + " within " + READ_TIMEOUT);
        }
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
          read.computeIfAbsent(
                  new TopicPartition(topic, record.partition()), p -> new ArrayList<>())
              .add(record);
        }
      }
      List<ConsumerRecord<String, String>> all = new ArrayList<>();
      partitions.stream()
          .sorted((a, b) -> Integer.compare(a.partition(), b.partition()))
          .forEach(p -> all.addAll(read.getOrDefault(p, List.of())));
      return all;
    }
  }

  /**
   * How many records of {@code topic} the consumer group has not committed yet: the sum over
   * partitions of the end offset minus the group's committed offset (0 when none is committed). For
   * a Flink Kafka source, which commits offsets when a checkpoint completes, 0 means that a
   * completed checkpoint covers the whole topic as of this call.
   */
  public long consumerLag(String groupId, String topic) {
    try (Admin admin = Admin.create(clientProperties());
        KafkaConsumer<String, String> consumer =
            new KafkaConsumer<>(
                clientProperties(), new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, READ_TIMEOUT).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .collect(Collectors.toList());
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_TIMEOUT);
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
      long lag = 0;
      for (TopicPartition partition : partitions) {
        OffsetAndMetadata offset = committed.get(partition);
        lag += end.get(partition) - (offset == null ? 0 : offset.offset());
      }
      return lag;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading offsets of " + groupId, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "could not read the committed offsets of " + groupId, e.getCause());
    }
  }

  private static boolean reachedEnd(
      KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
    return end.entrySet().stream()
        .allMatch(e -> consumer.position(e.getKey(), READ_TIMEOUT) >= e.getValue());
  }

  private Properties clientProperties() {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    return props;
  }

  private KafkaClusterTestKit running() {
    if (cluster == null) {
      throw new IllegalStateException(
          "the broker is not running: register EmbeddedKafkaExtension with @RegisterExtension on"
              + " a static field");
    }
    return cluster;
  }

  /**
   * A record to produce.
   *
   * @param key the key, or null
   * @param value the value, or null for a tombstone
   */
  public record KeyValue(String key, String value) {}
}
