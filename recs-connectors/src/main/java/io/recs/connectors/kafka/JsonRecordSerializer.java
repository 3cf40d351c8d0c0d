package io.recs.connectors.kafka;

import io.recs.connectors.json.JsonFormat;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes a value as a Kafka record: the format's key (UTF-8) as key, its JSON as value, and its
 * event time as the record timestamp (falling back to the Flink record's timestamp).
 */
final class JsonRecordSerializer<T> implements KafkaRecordSerializationSchema<T> {
  private static final long serialVersionUID = 1L;

  private final String topic;
  private final JsonFormat<T> format;

  JsonRecordSerializer(String topic, JsonFormat<T> format) {
    this.topic = topic;
    this.format = format;
  }

  @Override
  public ProducerRecord<byte[], byte[]> serialize(
      T element, KafkaSinkContext context, Long timestamp) {
    OptionalLong eventTime = format.eventTime(element);
    Long recordTime = eventTime.isPresent() ? Long.valueOf(eventTime.getAsLong()) : timestamp;
    return new ProducerRecord<>(
        topic,
        null,
        recordTime,
        format.key(element).getBytes(StandardCharsets.UTF_8),
        format.toJson(element));
  }
}
