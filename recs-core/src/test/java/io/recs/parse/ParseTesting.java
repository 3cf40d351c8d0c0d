package io.recs.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.recs.event.Interaction;
import io.recs.event.RecordOrigin;
import io.recs.event.RejectedRecord;
import java.nio.charset.StandardCharsets;

/** Shortcuts for parser tests: parse one text record and insist on its outcome. */
final class ParseTesting {
  static final RecordOrigin ORIGIN = RecordOrigin.kafka("events", 3, 42L);

  private ParseTesting() {}

  static Interaction accepted(InteractionParser parser, String record) {
    ParseResult result = parser.parse(record.getBytes(StandardCharsets.UTF_8), ORIGIN);
    assertThat(result.isAccepted()).as("accepted: %s", result).isTrue();
    return result.interaction();
  }

  static RejectedRecord rejected(InteractionParser parser, String record) {
    return rejected(parser, record.getBytes(StandardCharsets.UTF_8));
  }

  static RejectedRecord rejected(InteractionParser parser, byte[] record) {
    ParseResult result = parser.parse(record, ORIGIN);
    assertThat(result.isAccepted()).as("rejected: %s", result).isFalse();
    assertThat(result.rejected().detail()).doesNotStartWith("parser error");
    return result.rejected();
  }
}
