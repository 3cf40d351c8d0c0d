package io.recs.connectors.internal;

import io.recs.event.Interaction;
import io.recs.event.RejectedRecord;
import io.recs.parse.ParseResult;
import java.util.Arrays;
import org.apache.flink.annotation.Internal;

/**
 * A parse result as a Flink POJO, so that it travels from a source to the split without Kryo
 * ({@link ParseResult} is not a POJO). Exactly one field is non-null. One raw record is one {@code
 * ParsedRecord}, however many interactions it holds, so that a source's read position always lies
 * between whole records and a checkpoint never splits a record's interactions.
 */
@Internal
public class ParsedRecord {
  /** The interactions of an accepted record (at least one), or null when rejected. */
  public Interaction[] interactions;

  /** The dead letter, or null when accepted. */
  public RejectedRecord rejected;

  /** For Flink's POJO serializer. */
  public ParsedRecord() {}

  /** Wraps a parser's result. */
  public static ParsedRecord of(ParseResult result) {
    ParsedRecord record = new ParsedRecord();
    if (result.isAccepted()) {
      record.interactions = result.interactions().toArray(new Interaction[0]);
    } else {
      record.rejected = result.rejected();
    }
    return record;
  }

  /** A dead letter decided before the parser was called, for example for a null Kafka value. */
  public static ParsedRecord rejected(RejectedRecord rejected) {
    return of(ParseResult.rejected(rejected));
  }

  /** The latest event time of the interactions; only for an accepted record. */
  long latestTimestamp() {
    long latest = Long.MIN_VALUE;
    for (Interaction interaction : interactions) {
      latest = Math.max(latest, interaction.timestamp());
    }
    return latest;
  }

  @Override
  public String toString() {
    return interactions != null
        ? "accepted " + Arrays.toString(interactions)
        : "rejected " + rejected;
  }
}
