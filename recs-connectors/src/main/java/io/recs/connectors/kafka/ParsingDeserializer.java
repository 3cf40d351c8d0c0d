package io.recs.connectors.kafka;

import io.recs.event.RecordOrigin;
import io.recs.event.RejectReason;
import io.recs.event.RejectedRecord;
import io.recs.parse.InteractionParser;
import io.recs.parse.ParseResult;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Hands each Kafka record's value to the parser, with the record's topic, partition and offset as
 * its origin. Never throws for any record: a null value (a tombstone) becomes an {@link
 * RejectReason#EMPTY} dead letter without calling the parser. Keys are not read; a null key is
 * fine.
 */
final class ParsingDeserializer implements KafkaRecordDeserializationSchema<ParseResult> {
  private static final long serialVersionUID = 1L;

  private final InteractionParser parser;

  ParsingDeserializer(InteractionParser parser) {
    this.parser = Objects.requireNonNull(parser, "parser");
  }

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<ParseResult> out) {
    out.collect(parse(record));
  }

  ParseResult parse(ConsumerRecord<byte[], byte[]> record) {
    RecordOrigin origin = RecordOrigin.kafka(record.topic(), record.partition(), record.offset());
    if (record.value() == null) {
      return ParseResult.rejected(
          new RejectedRecord(
              RejectReason.EMPTY,
              "record value is null (tombstone)",
              origin.source(),
              origin.partition(),
              origin.offset(),
              "",
              0));
    }
    ParseResult result = parser.parse(record.value(), origin);
    return Objects.requireNonNull(result, () -> parser.getClass().getName() + " returned null");
  }

  @Override
  public TypeInformation<ParseResult> getProducedType() {
    return TypeInformation.of(ParseResult.class);
  }
}
