package io.recs.connectors.internal;

import io.recs.event.Interaction;
import io.recs.event.RejectedRecord;
import io.recs.parse.ParseResult;
import org.apache.flink.annotation.Internal;

/**
 * A parse result as a Flink POJO, so that it travels from a source to the split without Kryo
 * ({@link ParseResult} is not a POJO). Exactly one field is non-null.
 */
@Internal
public class ParsedRecord {
  /** The interaction, or null when rejected. */
  public Interaction interaction;

  /** The dead letter, or null when accepted. */
  public RejectedRecord rejected;

  /** For Flink's POJO serializer. */
  public ParsedRecord() {}

  /** Wraps a parser's result. */
  public static ParsedRecord of(ParseResult result) {
    ParsedRecord record = new ParsedRecord();
    record.interaction = result.interaction();
    record.rejected = result.rejected();
    return record;
  }

  /** A dead letter decided before the parser was called, for example for a null Kafka value. */
  public static ParsedRecord rejected(RejectedRecord rejected) {
    return of(ParseResult.rejected(rejected));
  }

  @Override
  public String toString() {
    return interaction != null ? "accepted " + interaction : "rejected " + rejected;
  }
}
