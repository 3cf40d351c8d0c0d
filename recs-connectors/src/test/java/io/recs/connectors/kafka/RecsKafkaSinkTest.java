package io.recs.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recs.connectors.json.RecsJson;
import io.recs.event.Recommendations;
import io.recs.event.ScoredItem;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class RecsKafkaSinkTest {

  private static RecsKafkaSink.Builder<Recommendations> complete() {
    return RecsKafkaSink.<Recommendations>builder()
        .bootstrapServers("localhost:9092")
        .topic("recs")
        .format(RecsJson.recommendations());
  }

  @Test
  void buildsWithEachGuarantee() {
    assertThat(complete().build()).isNotNull();
    assertThat(complete().deliveryGuarantee(DeliveryGuarantee.NONE).build()).isNotNull();
    assertThat(
            complete()
                .deliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .transactionalIdPrefix("p")
                .build())
        .isNotNull();
  }

  @Test
  void exactlyOnceNeedsATransactionalIdPrefix() {
    assertThatThrownBy(() -> complete().deliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("transactionalIdPrefix must be set when deliveryGuarantee is EXACTLY_ONCE");
  }

  @Test
  void transactionSettingsNeedExactlyOnce() {
    assertThatThrownBy(() -> complete().transactionalIdPrefix("p").build())
        .hasMessage(
            "transactionalIdPrefix is only used with EXACTLY_ONCE, but deliveryGuarantee is"
                + " at-least-once and transactionalIdPrefix is p");
    assertThatThrownBy(
            () ->
                complete()
                    .deliveryGuarantee(DeliveryGuarantee.NONE)
                    .transactionTimeout(Duration.ofSeconds(30))
                    .build())
        .hasMessage(
            "transactionTimeout is only used with EXACTLY_ONCE, but deliveryGuarantee is none"
                + " and transactionTimeout is PT30S");
  }

  @Test
  void namesMissingRequiredProperties() {
    assertThatThrownBy(() -> RecsKafkaSink.builder().build())
        .hasMessage("bootstrapServers must be set");
    assertThatThrownBy(() -> RecsKafkaSink.builder().bootstrapServers("h:1").build())
        .hasMessage("topic must be set");
    assertThatThrownBy(() -> RecsKafkaSink.builder().bootstrapServers("h:1").topic("t").build())
        .hasMessage("format must be set");
  }

  @Test
  void transactionTimeoutDefaultsToOneMinuteBelowTheBrokerMaximum() {
    assertThat(complete().producerProperties(DeliveryGuarantee.EXACTLY_ONCE))
        .containsEntry("transaction.timeout.ms", "60000");
    assertThat(
            complete()
                .transactionTimeout(Duration.ofMinutes(5))
                .producerProperties(DeliveryGuarantee.EXACTLY_ONCE))
        .containsEntry("transaction.timeout.ms", "300000");
    assertThat(complete().producerProperties(DeliveryGuarantee.AT_LEAST_ONCE))
        .doesNotContainKey("transaction.timeout.ms");
  }

  @Test
  void refusesPropertiesThatHaveTheirOwnSetter() {
    assertThatThrownBy(() -> complete().property("transaction.timeout.ms", "1"))
        .hasMessage(
            "property 'transaction.timeout.ms' is set through transactionTimeout(...), not"
                + " property(...)");
  }

  @Test
  void keysByUserAndStampsWithEventTime() {
    JsonRecordSerializer<Recommendations> serializer =
        new JsonRecordSerializer<>("recs", RecsJson.recommendations());
    ProducerRecord<byte[], byte[]> record =
        serializer.serialize(
            new Recommendations("u1", List.of(ScoredItem.of("i1", 1.0)), 1234L), null, 99L);
    assertThat(record.topic()).isEqualTo("recs");
    assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("u1");
    assertThat(record.timestamp()).isEqualTo(1234L);
    assertThat(new String(record.value(), StandardCharsets.UTF_8)).startsWith("{\"userId\":\"u1\"");
  }
}
