package io.recs.testkit.kafka;

import io.recs.testkit.internal.OptionalParts;
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
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.security.auth.SecurityProtocol;
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
 * <p>{@link #saslPlain()} starts a broker whose clients must authenticate with SASL/PLAIN, for
 * tests of credentials and ACLs:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final EmbeddedKafkaExtension KAFKA = EmbeddedKafkaExtension.saslPlain();
 *
 * Map<String, String> client = KAFKA.clientProperties(); // SASL_PLAINTEXT, PLAIN, admin's JAAS
 * Map<String, String> wrong = EmbeddedKafkaExtension.saslPlainProperties("plain-admin", "nope");
 * }</pre>
 *
 * <p>Needs {@code org.apache.kafka:kafka-test-common-runtime} in test scope: recs-testkit declares
 * it optional, so that tests that do not use Kafka do not get a broker on their classpath; without
 * it {@link #start()} fails in one line that names it.
 */
@PublicEvolving
public final class EmbeddedKafkaExtension
    implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

  /**
   * How often the broker applies retention (Kafka's default: every 5 minutes, first after 30 s).
   */
  static final Duration RETENTION_CHECK_INTERVAL = Duration.ofSeconds(1);

  /**
   * The user that a {@link #saslPlain()} broker accepts as a super user (every operation allowed);
   * the helpers of this class connect as this user.
   */
  public static final String SASL_ADMIN_USER = "plain-admin";

  /** The password of {@link #SASL_ADMIN_USER}. */
  public static final String SASL_ADMIN_PASSWORD = "plain-admin-secret";

  /**
   * A second user that a {@link #saslPlain()} broker knows: it authenticates, but may do nothing
   * that no ACL allows (the broker runs Kafka's {@code StandardAuthorizer} with {@code
   * allow.everyone.if.no.acl.found=false}).
   */
  public static final String SASL_USER = "plain-user1";

  /** The password of {@link #SASL_USER}. */
  public static final String SASL_USER_PASSWORD = "plain-user1-secret";

  private static final String JAAS_CONFIG_PROPERTY = "java.security.auth.login.config";

  private final SecurityProtocol protocol;
  private KafkaClusterTestKit cluster;
  private String jaasConfigBefore;

  /** An extension whose broker (plaintext, no authentication) starts before the first test. */
  public EmbeddedKafkaExtension() {
    this(SecurityProtocol.PLAINTEXT);
  }

  private EmbeddedKafkaExtension(SecurityProtocol protocol) {
    this.protocol = protocol;
  }

  /**
   * An extension whose broker listens with {@code SASL_PLAINTEXT} and accepts only SASL/PLAIN
   * logins: {@link #SASL_ADMIN_USER} (a super user) and {@link #SASL_USER} (no rights without
   * ACLs), with the passwords of the constants here. ACLs are enforced, so ACL tests can grant
   * {@link #SASL_USER} what it needs with {@code Admin.createAcls}, connecting with {@link
   * #clientProperties()}. The controller listener uses SASL/PLAIN too, as the admin.
   *
   * <p>Kafka's test kit points the JVM-wide system property {@code java.security.auth.login.config}
   * at the broker's JAAS file while the broker runs (it is restored on {@link #close()}); clients
   * are unaffected as long as they set {@code sasl.jaas.config}, as {@link #saslPlainProperties}
   * does.
   */
  public static EmbeddedKafkaExtension saslPlain() {
    return new EmbeddedKafkaExtension(SecurityProtocol.SASL_PLAINTEXT);
  }

  /**
   * The client properties of a SASL/PLAIN login ({@code security.protocol}, {@code sasl.mechanism},
   * {@code sasl.jaas.config}), for {@link #saslPlain()} brokers.
   */
  public static Map<String, String> saslPlainProperties(String user, String password) {
    return Map.of(
        AdminClientConfig.SECURITY_PROTOCOL_CONFIG,
        SecurityProtocol.SASL_PLAINTEXT.name,
        SaslConfigs.SASL_MECHANISM,
        "PLAIN",
        SaslConfigs.SASL_JAAS_CONFIG,
        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
            + user
            + "\" password=\""
            + password
            + "\";");
  }

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
    OptionalParts.require(
        EmbeddedKafkaExtension.class, OptionalParts.KAFKA_CLASS, OptionalParts.KAFKA_ARTIFACT);
    jaasConfigBefore = System.getProperty(JAAS_CONFIG_PROPERTY);
    KafkaClusterTestKit.Builder builder =
        new KafkaClusterTestKit.Builder(
                new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBrokerSecurityProtocol(protocol)
                    // With SASL the broker enforces ACLs; a plaintext controller listener would
                    // make the node's own registration an anonymous, unauthorised request.
                    .setControllerSecurityProtocol(protocol)
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
            .setConfigProp("transaction.state.log.num.partitions", "4");
    if (protocol == SecurityProtocol.SASL_PLAINTEXT) {
      // The broker's own logins and its users per listener, rather than only the JVM-wide JAAS
      // file of the test kit, which another library in the same JVM may have replaced.
      String jaas =
          "org.apache.kafka.common.security.plain.PlainLoginModule required"
              + (" username=\"" + SASL_ADMIN_USER + "\" password=\"" + SASL_ADMIN_PASSWORD + "\"")
              + (" user_" + SASL_ADMIN_USER + "=\"" + SASL_ADMIN_PASSWORD + "\"")
              + (" user_" + SASL_USER + "=\"" + SASL_USER_PASSWORD + "\";");
      builder.setConfigProp("listener.name.external.plain.sasl.jaas.config", jaas);
      builder.setConfigProp("listener.name.controller.plain.sasl.jaas.config", jaas);
    }
    KafkaClusterTestKit started = builder.build();
    try {
      started.format();
      started.startup();
      started.waitForReadyBrokers();
    } catch (Exception e) {
      started.close();
      restoreJaasConfig();
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
      restoreJaasConfig();
    }
  }

  private void restoreJaasConfig() {
    if (protocol == SecurityProtocol.PLAINTEXT) {
      return;
    }
    if (jaasConfigBefore == null) {
      System.clearProperty(JAAS_CONFIG_PROPERTY);
    } else {
      System.setProperty(JAAS_CONFIG_PROPERTY, jaasConfigBefore);
    }
    javax.security.auth.login.Configuration.setConfiguration(null);
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
    try (Admin admin = Admin.create(connection())) {
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
    Properties props = connection();
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
    Properties props = connection();
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
    try (Admin admin = Admin.create(connection());
        KafkaConsumer<String, String> consumer =
            new KafkaConsumer<>(connection(), new StringDeserializer(), new StringDeserializer())) {
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

  /**
   * What a client needs besides {@code bootstrap.servers} to connect to this broker: nothing for
   * the default broker; for a {@link #saslPlain()} broker, the SASL/PLAIN login of {@link
   * #SASL_ADMIN_USER}, which the helpers of this class use too.
   */
  public Map<String, String> clientProperties() {
    return protocol == SecurityProtocol.PLAINTEXT
        ? Map.of()
        : saslPlainProperties(SASL_ADMIN_USER, SASL_ADMIN_PASSWORD);
  }

  private Properties connection() {
    Properties props = new Properties();
    props.putAll(clientProperties());
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
