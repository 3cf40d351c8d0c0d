package io.recs.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.recs.evaluation.data.InteractionFiles;
import io.recs.evaluation.data.InteractionGenerator;
import io.recs.event.Interaction;
import io.recs.testkit.kafka.EmbeddedKafkaExtension;
import io.recs.testkit.kafka.EmbeddedKafkaExtension.KeyValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The run job against a broker that requires SASL/PLAIN and enforces ACLs: the credentials given as
 * {@code --kafka.properties.*} reach the preflight check, the source and every sink; wrong ones end
 * the run before the job starts, with exit code 2 and one line. A user with ACLs on its topics,
 * group and transactional ids runs; one that may not read the input topic is told before the job
 * starts.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KafkaSaslJobITCase {
  @RegisterExtension static final EmbeddedKafkaExtension KAFKA = EmbeddedKafkaExtension.saslPlain();

  @Test
  void runsEndToEndWithTheCredentialsOfKafkaProperties() throws Exception {
    List<Interaction> events = InteractionGenerator.tiny(3).generate().subList(0, 300);
    List<KeyValue> records = new ArrayList<>();
    events.forEach(e -> records.add(new KeyValue(e.userId(), InteractionFiles.toJsonLine(e))));
    records.add(new KeyValue("bad", "not json"));
    KAFKA.createTopic("sasl-interactions", 2);
    KAFKA.produce("sasl-interactions", records);

    MainTest.Result result =
        MainTest.run(
            withLogin(
                EmbeddedKafkaExtension.SASL_ADMIN_USER,
                EmbeddedKafkaExtension.SASL_ADMIN_PASSWORD,
                "--recommendations-topic",
                "sasl-recommendations",
                "--dead-letters-topic",
                "sasl-dead-letters",
                "--kafka-outputs",
                "recommendations,dead-letters",
                "--transactional-id-prefix",
                "sasl",
                "--checkpoint-interval",
                "300",
                "--parallelism",
                "2",
                "--max-restarts",
                "0"));

    assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    assertThat(result.out()).contains("  read:     301 records: 300 accepted, 1 rejected");
    // Read back as the same user: one list per interaction and a final one per user.
    long users = events.stream().map(Interaction::userId).distinct().count();
    List<ConsumerRecord<String, String>> lists = KAFKA.readAll("sasl-recommendations", true);
    assertThat(lists).hasSize(events.size() + (int) users);
    assertThat(lists).filteredOn(r -> r.value().contains("\"final\":true")).hasSize((int) users);
    assertThat(KAFKA.readAll("sasl-dead-letters", true))
        .singleElement()
        .satisfies(d -> assertThat(d.value()).contains("\"raw\":\"not json\""));
  }

  @Test
  void wrongCredentialsAreOneLineAndExitCode2BeforeTheJobStarts() throws Exception {
    KAFKA.createTopic("sasl-unread", 1);
    long start = System.nanoTime();
    MainTest.Result result =
        MainTest.run(
            withLogin(
                EmbeddedKafkaExtension.SASL_ADMIN_USER,
                "wrong-password",
                "--input-topic",
                "sasl-unread"));
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "recs: Kafka at "
                + KAFKA.bootstrapServers()
                + " refused the credentials of kafka.properties (--kafka-properties):"
                + " Authentication failed: Invalid username or password"
                + System.lineSeparator());
    assertThat(result.out()).as("nothing started").isEmpty();
    assertThat(seconds).as("seconds until the answer").isLessThan(10);
  }

  @Test
  void runsAsAUserWithAclsOnItsTopicsGroupAndTransactions() throws Exception {
    List<Interaction> events = InteractionGenerator.tiny(3).generate().subList(0, 200);
    List<KeyValue> records = new ArrayList<>();
    events.forEach(e -> records.add(new KeyValue(e.userId(), InteractionFiles.toJsonLine(e))));
    KAFKA.createTopic("acl-interactions", 2);
    KAFKA.createTopic("acl-recommendations", 2);
    KAFKA.produce("acl-interactions", records);
    String user = "User:" + EmbeddedKafkaExtension.SASL_USER;
    grant(
        allow(ResourceType.TOPIC, "acl-interactions", PatternType.LITERAL, user, AclOperation.READ),
        allow(ResourceType.GROUP, "acl", PatternType.LITERAL, user, AclOperation.READ),
        allow(
            ResourceType.TOPIC,
            "acl-recommendations",
            PatternType.LITERAL,
            user,
            AclOperation.WRITE),
        allow(ResourceType.TRANSACTIONAL_ID, "acl", PatternType.PREFIXED, user, AclOperation.WRITE),
        allow(
            ResourceType.TRANSACTIONAL_ID,
            "acl",
            PatternType.PREFIXED,
            user,
            AclOperation.DESCRIBE));

    MainTest.Result result =
        MainTest.run(
            withLogin(
                EmbeddedKafkaExtension.SASL_USER,
                EmbeddedKafkaExtension.SASL_USER_PASSWORD,
                "--input-topic",
                "acl-interactions",
                "--group-id",
                "acl",
                "--recommendations-topic",
                "acl-recommendations",
                "--kafka-outputs",
                "recommendations",
                "--transactional-id-prefix",
                "acl",
                "--checkpoint-interval",
                "300",
                "--max-restarts",
                "0"));

    assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    assertThat(result.out()).contains("  read:     200 records: 200 accepted, 0 rejected");
    long users = events.stream().map(Interaction::userId).distinct().count();
    assertThat(KAFKA.readAll("acl-recommendations", true))
        .filteredOn(r -> r.value().contains("\"final\":true"))
        .hasSize((int) users);
  }

  @Test
  void aUserWhoMayNotReadTheInputTopicIsToldBeforeTheJobStarts() throws Exception {
    KAFKA.createTopic("acl-described-only", 1);
    String user = "User:" + EmbeddedKafkaExtension.SASL_USER;
    // The user sees the topic (DESCRIBE) and may use the group, but may not READ the topic.
    grant(
        allow(
            ResourceType.TOPIC,
            "acl-described-only",
            PatternType.LITERAL,
            user,
            AclOperation.DESCRIBE),
        allow(ResourceType.GROUP, "acl-denied", PatternType.LITERAL, user, AclOperation.READ));

    MainTest.Result result =
        MainTest.run(
            withLogin(
                EmbeddedKafkaExtension.SASL_USER,
                EmbeddedKafkaExtension.SASL_USER_PASSWORD,
                "--input-topic",
                "acl-described-only",
                "--group-id",
                "acl-denied"));

    assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "recs: kafka.input-topic (--input-topic) 'acl-described-only': Kafka at "
                + KAFKA.bootstrapServers()
                + " does not allow the login of kafka.properties (--kafka-properties) to READ it"
                + " (allowed: [DESCRIBE]); grant READ on the topic and on the group"
                + System.lineSeparator());
    assertThat(result.out()).as("nothing started").isEmpty();
  }

  private static AclBinding allow(
      ResourceType type, String name, PatternType pattern, String user, AclOperation operation) {
    return new AclBinding(
        new ResourcePattern(type, name, pattern),
        new AccessControlEntry(user, "*", operation, AclPermissionType.ALLOW));
  }

  /** Creates ACLs as the broker's super user. */
  private static void grant(AclBinding... acls) throws Exception {
    try (Admin admin = Admin.create(new java.util.HashMap<String, Object>(adminLogin()))) {
      admin.createAcls(List.of(acls)).all().get(30, TimeUnit.SECONDS);
    }
  }

  private static Map<String, Object> adminLogin() {
    Map<String, Object> config = new java.util.HashMap<>(KAFKA.clientProperties());
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
    return config;
  }

  /**
   * The run as a user writes it, with the SASL login as {@code --kafka.properties.*} flags; {@code
   * more} overrides or adds flags.
   */
  private static String[] withLogin(String user, String password, String... more) {
    Map<String, String> login = EmbeddedKafkaExtension.saslPlainProperties(user, password);
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "--source",
                "kafka",
                "--bootstrap-servers",
                KAFKA.bootstrapServers(),
                "--format",
                "json",
                "--sinks",
                "kafka",
                "--starting-offsets",
                "earliest",
                "--bounded",
                "true",
                "--kafka.properties.security.protocol",
                "SASL_PLAINTEXT",
                "--kafka.properties.sasl.mechanism",
                "PLAIN",
                "--kafka.properties.sasl.jaas.config",
                login.get("sasl.jaas.config")));
    if (!List.of(more).contains("--group-id")) {
      args.addAll(List.of("--group-id", "sasl"));
    }
    if (!List.of(more).contains("--input-topic")) {
      args.addAll(List.of("--input-topic", "sasl-interactions"));
    }
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }
}
