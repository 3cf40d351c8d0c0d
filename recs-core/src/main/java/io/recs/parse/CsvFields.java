package io.recs.parse;

import io.recs.event.RejectReason;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The fields of one delimited record as ranges of its bytes, split by RFC 4180 rules: a field may
 * be quoted, and a quote inside a quoted field is written twice. Fields are decoded only when asked
 * for, and only the first {@code capacity} fields are kept (the rest are only counted).
 */
final class CsvFields {
  private final byte[] bytes;
  // Per kept field: start and end of its content (quotes excluded). A start stored as -(start + 1)
  // marks a quoted field holding doubled quotes, which must be unescaped when decoded.
  private final int[] ranges;
  private int count;

  private CsvFields(byte[] bytes, int capacity) {
    this.bytes = bytes;
    this.ranges = new int[2 * capacity];
  }

  /**
   * Splits {@code bytes[from, to)}.
   *
   * @throws Reject MALFORMED_CSV for an unterminated quote or text after a closing quote
   */
  static CsvFields split(byte[] bytes, int from, int to, byte delimiter, int capacity) {
    CsvFields fields = new CsvFields(bytes, capacity);
    int pos = from;
    while (true) {
      int start;
      int end;
      boolean escaped = false;
      if (pos < to && bytes[pos] == '"') {
        int i = pos + 1;
        while (true) {
          if (i >= to) {
            throw new Reject(
                RejectReason.MALFORMED_CSV, "unterminated quote in column " + fields.count);
          }
          if (bytes[i] == '"') {
            if (i + 1 < to && bytes[i + 1] == '"') {
              escaped = true;
              i += 2;
              continue;
            }
            break;
          }
          i++;
        }
        start = pos + 1;
        end = i;
        pos = i + 1;
        if (pos < to && bytes[pos] != delimiter) {
          throw new Reject(
              RejectReason.MALFORMED_CSV, "text after the closing quote of column " + fields.count);
        }
      } else {
        int i = pos;
        while (i < to && bytes[i] != delimiter) {
          i++;
        }
        start = pos;
        end = i;
        pos = i;
      }
      fields.add(escaped ? -(start + 1) : start, end);
      if (pos >= to) {
        return fields;
      }
      pos++;
    }
  }

  private void add(int start, int end) {
    if (2 * count < ranges.length) {
      ranges[2 * count] = start;
      ranges[2 * count + 1] = end;
    }
    count++;
  }

  /** The number of fields, kept or not. */
  int count() {
    return count;
  }

  /** Where field {@code i}'s content starts; for a field with doubled quotes, they are included. */
  int start(int i) {
    int start = ranges[2 * i];
    return start >= 0 ? start : -start - 1;
  }

  /** Where field {@code i}'s content ends (exclusive). */
  int end(int i) {
    return ranges[2 * i + 1];
  }

  boolean isEmpty(int i) {
    return start(i) == end(i);
  }

  /** Field {@code i} decoded, with doubled quotes unescaped. */
  String string(int i) {
    int start = start(i);
    int end = end(i);
    if (ranges[2 * i] >= 0) {
      return new String(bytes, start, end - start, StandardCharsets.UTF_8);
    }
    byte[] unescaped = new byte[end - start];
    int n = 0;
    for (int j = start; j < end; j++) {
      unescaped[n++] = bytes[j];
      if (bytes[j] == '"') {
        j++; // skip the second quote of the pair
      }
    }
    return new String(unescaped, 0, n, StandardCharsets.UTF_8);
  }

  /** Whether the fields are exactly {@code names} (UTF-8 encoded). */
  boolean equalTo(byte[][] names) {
    if (count != names.length) {
      return false;
    }
    for (int i = 0; i < names.length; i++) {
      boolean equal =
          ranges[2 * i] >= 0
              ? Arrays.equals(bytes, start(i), end(i), names[i], 0, names[i].length)
              : Arrays.equals(string(i).getBytes(StandardCharsets.UTF_8), names[i]);
      if (!equal) {
        return false;
      }
    }
    return true;
  }
}
