package io.recs.testkit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A SASL/PLAIN broker: the helpers log in as the admin; wrong passwords and missing ACLs fail. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EmbeddedKafkaSaslITCase {
  @RegisterExtension static final EmbeddedKafkaExtension KAFKA = EmbeddedKafkaExtension.saslPlain();

  @Test
  void helpersAuthenticateAsTheAdmin() {
    KAFKA.createTopic("sasl-round-trip", 1);
    KAFKA.produce("sasl-round-trip", "k", "v");
    assertThat(KAFKA.readAll("sasl-round-trip", true))
        .extracting(ConsumerRecord::value)
        .containsExactly("v");
    assertThat(KAFKA.clientProperties())
        .containsEntry("security.protocol", "SASL_PLAINTEXT")
        .containsEntry("sasl.mechanism", "PLAIN");
  }

  @Test
  void aWrongPasswordIsAnAuthenticationFailure() {
    try (Admin admin =
        admin(
            EmbeddedKafkaExtension.saslPlainProperties(
                EmbeddedKafkaExtension.SASL_ADMIN_USER, "wrong"))) {
      assertThatThrownBy(() -> admin.listTopics().names().get())
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(SaslAuthenticationException.class);
    }
  }

  @Test
  void theSecondUserNeedsAcls() {
    KAFKA.createTopic("sasl-acl", 1);
    try (Admin admin =
        admin(
            EmbeddedKafkaExtension.saslPlainProperties(
                EmbeddedKafkaExtension.SASL_USER, EmbeddedKafkaExtension.SASL_USER_PASSWORD))) {
      assertThatThrownBy(() -> admin.describeTopics(List.of("sasl-acl")).allTopicNames().get())
          .hasCauseInstanceOf(TopicAuthorizationException.class);
    }
  }

  private static Admin admin(Map<String, String> login) {
    Properties props = new Properties();
    props.putAll(login);
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
    return Admin.create(props);
  }
}
