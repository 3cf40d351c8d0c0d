package io.recs.parse;

/** Strict UTF-8 validation (no overlong forms, no surrogates, nothing above U+10FFFF). */
final class Utf8 {
  private Utf8() {}

  /** The index of the first byte that starts an invalid sequence, or -1 if all bytes are valid. */
  static int firstInvalid(byte[] bytes) {
    int i = 0;
    int n = bytes.length;
    while (i < n) {
      int b = bytes[i];
      if (b >= 0) {
        i++;
        continue;
      }
      int length = sequenceLength(bytes, i);
      if (length == 0) {
        return i;
      }
      i += length;
    }
    return -1;
  }

  /** The length of the valid multi-byte sequence starting at {@code i}, or 0 if it is invalid. */
  private static int sequenceLength(byte[] bytes, int i) {
    int b0 = bytes[i] & 0xFF;
    int n = bytes.length;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      return i + 1 < n && isContinuation(bytes[i + 1]) ? 2 : 0;
    }
    if (b0 >= 0xE0 && b0 <= 0xEF) {
      if (i + 2 >= n || !isContinuation(bytes[i + 1]) || !isContinuation(bytes[i + 2])) {
        return 0;
      }
      int b1 = bytes[i + 1] & 0xFF;
      boolean overlong = b0 == 0xE0 && b1 < 0xA0;
      boolean surrogate = b0 == 0xED && b1 >= 0xA0;
      return overlong || surrogate ? 0 : 3;
    }
    if (b0 >= 0xF0 && b0 <= 0xF4) {
      if (i + 3 >= n
          || !isContinuation(bytes[i + 1])
          || !isContinuation(bytes[i + 2])
          || !isContinuation(bytes[i + 3])) {
        return 0;
      }
      int b1 = bytes[i + 1] & 0xFF;
      boolean overlong = b0 == 0xF0 && b1 < 0x90;
      boolean tooHigh = b0 == 0xF4 && b1 >= 0x90;
      return overlong || tooHigh ? 0 : 4;
    }
    return 0;
  }

  private static boolean isContinuation(byte b) {
    return (b & 0xC0) == 0x80;
  }
}
