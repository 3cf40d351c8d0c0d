package com.example.toppicks;

import io.recs.event.ActionWeights;
import io.recs.event.Interaction;
import io.recs.event.RecordOrigin;
import io.recs.event.RejectReason;
import io.recs.event.RejectedRecord;
import io.recs.parse.InteractionParser;
import io.recs.parse.ParseResult;
import java.nio.charset.StandardCharsets;
import java.util.OptionalDouble;

/**
 * The team's click log: {@code user,item,action,epochMillis}, weighted by recs' default action
 * weights. Anything else becomes a dead letter, as the {@link InteractionParser} contract asks.
 */
public final class ClickLogParser implements InteractionParser {
  private static final long serialVersionUID = 1L;
  private static final ActionWeights WEIGHTS = ActionWeights.defaults();

  @Override
  public ParseResult parse(byte[] record, RecordOrigin origin) {
    String line = new String(record, StandardCharsets.UTF_8);
    String[] fields = line.split(",", -1);
    if (fields.length != 4) {
      return reject(
          RejectReason.MALFORMED_CSV, fields.length + " columns, expected 4", line, origin);
    }
    OptionalDouble weight = WEIGHTS.weightOf(fields[2]);
    if (weight.isEmpty()) {
      return reject(RejectReason.UNKNOWN_ACTION, "action " + fields[2], line, origin);
    }
    try {
      return ParseResult.accepted(
          Interaction.of(
              fields[0],
              fields[1],
              ActionWeights.normalize(fields[2]),
              weight.getAsDouble(),
              Long.parseLong(fields[3])));
    } catch (IllegalArgumentException e) {
      return reject(RejectReason.INVALID_TIMESTAMP, e.getMessage(), line, origin);
    }
  }

  private static ParseResult reject(
      RejectReason reason, String detail, String line, RecordOrigin origin) {
    return ParseResult.rejected(
        new RejectedRecord(
            reason,
            detail,
            origin.source(),
            origin.partition(),
            origin.offset(),
            line,
            line.getBytes(StandardCharsets.UTF_8).length));
  }
}
