package io.recs.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.recs.event.Interaction;
import io.recs.event.RecordOrigin;
import io.recs.event.RejectReason;
import io.recs.event.RejectedRecord;
import io.recs.parse.InteractionParser;
import io.recs.parse.ParseResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class ParsingDeserializerTest {
  // Accepts "user,item" and rejects anything else, recording the origin it was given.
  private static final InteractionParser PARSER =
      (bytes, origin) -> {
        String[] f = new String(bytes, StandardCharsets.UTF_8).split(",");
        return f.length == 2
            ? ParseResult.accepted(Interaction.of(f[0], f[1], "view", 1, 0))
            : ParseResult.rejected(rejected(RejectReason.MALFORMED_CSV, origin, bytes));
      };

  private final ParsingDeserializer deserializer = new ParsingDeserializer(PARSER);

  private static RejectedRecord rejected(RejectReason reason, RecordOrigin o, byte[] bytes) {
    return new RejectedRecord(
        reason, "", o.source(), o.partition(), o.offset(), new String(bytes), bytes.length);
  }

  private static ConsumerRecord<byte[], byte[]> record(String key, String value) {
    return new ConsumerRecord<>(
        "in",
        3,
        42L,
        key == null ? null : key.getBytes(StandardCharsets.UTF_8),
        value == null ? null : value.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void acceptsWhatTheParserAccepts() {
    ParseResult parsed = deserializer.parse(record(null, "u1,i1"));
    assertThat(parsed.interactions()).containsExactly(Interaction.of("u1", "i1", "view", 1, 0));
    assertThat(parsed.rejected()).isNull();
  }

  @Test
  void rejectsWithTopicPartitionAndOffset() {
    ParseResult parsed = deserializer.parse(record("k", "garbage"));
    assertThat(parsed.isAccepted()).isFalse();
    assertThat(parsed.rejected())
        .isEqualTo(new RejectedRecord(RejectReason.MALFORMED_CSV, "", "in", 3, 42, "garbage", 7));
  }

  @Test
  void keepsEveryInteractionOfARecordInOneParsedRecord() {
    Interaction first = Interaction.of("s1", "a", "click", 2, 10);
    Interaction second = Interaction.of("s1", "b", "cart", 4, 20);
    ParsingDeserializer sessions =
        new ParsingDeserializer((bytes, origin) -> ParseResult.accepted(List.of(first, second)));
    List<ParseResult> out = new ArrayList<>();
    sessions.deserialize(record(null, "session"), new ListCollector<>(out));

    assertThat(out).singleElement().satisfies(r -> assertThat(r.rejected()).isNull());
    assertThat(out.get(0).interactions()).containsExactly(first, second);
  }

  @Test
  void nullValueIsADeadLetterNotAnException() {
    ParseResult parsed = deserializer.parse(record(null, null));
    assertThat(parsed.rejected())
        .isEqualTo(
            new RejectedRecord(
                RejectReason.EMPTY, "record value is null (tombstone)", "in", 3, 42, "", 0));
  }
}
