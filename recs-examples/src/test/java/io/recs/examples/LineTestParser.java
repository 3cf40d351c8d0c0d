package io.recs.examples;

import io.recs.event.Interaction;
import io.recs.event.RecordOrigin;
import io.recs.event.RejectReason;
import io.recs.event.RejectedRecord;
import io.recs.parse.InteractionParser;
import io.recs.parse.ParseResult;
import java.nio.charset.StandardCharsets;

/** {@code user,item,action,weight,timestampMs} or a dead letter; loaded by --parser-class. */
public final class LineTestParser implements InteractionParser {
  private static final long serialVersionUID = 1L;

  /** For --parser-class. */
  public LineTestParser() {}

  @Override
  public ParseResult parse(byte[] record, RecordOrigin origin) {
    String text = new String(record, StandardCharsets.UTF_8);
    String[] f = text.split(",", -1);
    try {
      if (f.length != 5) {
        throw new IllegalArgumentException(f.length + " columns, expected 5");
      }
      return ParseResult.accepted(
          Interaction.of(f[0], f[1], f[2], Double.parseDouble(f[3]), Long.parseLong(f[4])));
    } catch (IllegalArgumentException e) {
      return ParseResult.rejected(
          new RejectedRecord(
              RejectReason.MALFORMED_CSV,
              e.getMessage(),
              origin.source(),
              origin.partition(),
              origin.offset(),
              text,
              record.length));
    }
  }
}
