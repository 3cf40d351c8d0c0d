package io.recs.event;

import java.io.Serializable;
import java.util.Objects;
import org.apache.flink.annotation.PublicEvolving;

/**
 * A dead letter: a raw record that did not become an {@link Interaction}, with the reason and where
 * it came from.
 *
 * @param reason why it was rejected
 * @param detail a human-readable explanation, for example the missing field's name
 * @param source where it came from: a Kafka topic or a file path; never null, may be empty
 * @param partition the Kafka partition, or -1 when not applicable
 * @param offset the Kafka offset or the line number in a file (0-based), or -1 when unknown
 * @param raw the record as text (invalid UTF-8 replaced), cut to at most {@link #MAX_RAW_CHARS}
 *     characters
 * @param rawLength the length of the original record in bytes
 */
@PublicEvolving
public record RejectedRecord(
    RejectReason reason,
    String detail,
    String source,
    int partition,
    long offset,
    String raw,
    int rawLength)
    implements Serializable {

  /** Longest prefix of the raw record kept in a dead letter, in characters. */
  public static final int MAX_RAW_CHARS = 1024;

  /** Validates the fields and cuts {@code raw} to {@link #MAX_RAW_CHARS}. */
  public RejectedRecord {
    Objects.requireNonNull(reason, "reason");
    detail = detail == null ? "" : detail;
    source = source == null ? "" : source;
    raw = raw == null ? "" : raw;
    if (raw.length() > MAX_RAW_CHARS) {
      // Never keep half of a surrogate pair: it would not survive encoding to UTF-8.
      int end =
          Character.isHighSurrogate(raw.charAt(MAX_RAW_CHARS - 1))
              ? MAX_RAW_CHARS - 1
              : MAX_RAW_CHARS;
      raw = raw.substring(0, end);
    }
  }
}
