package io.recs.parse;

import java.nio.charset.StandardCharsets;

/** Number parsing straight from bytes, without exceptions, regular expressions or copies. */
final class Numbers {
  /** Returned by {@link #parseLong} for text that is not an integer. */
  static final long NOT_AN_INTEGER = Long.MIN_VALUE;

  private static final double[] POWERS_OF_TEN = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };

  private Numbers() {}

  /**
   * Parses {@code [+-]digits}, ignoring surrounding spaces. Returns {@link #NOT_AN_INTEGER} for
   * anything else, and saturates to {@link Long#MAX_VALUE} or {@code Long.MIN_VALUE + 1} on
   * overflow, so that callers can tell "unreadable" from "out of range".
   */
  static long parseLong(byte[] b, int from, int to) {
    while (from < to && b[from] == ' ') {
      from++;
    }
    while (to > from && b[to - 1] == ' ') {
      to--;
    }
    int i = from;
    boolean negative = false;
    if (i < to && (b[i] == '-' || b[i] == '+')) {
      negative = b[i] == '-';
      i++;
    }
    if (i == to) {
      return NOT_AN_INTEGER;
    }
    long value = 0;
    boolean overflow = false;
    for (; i < to; i++) {
      int digit = b[i] - '0';
      if (digit < 0 || digit > 9) {
        return NOT_AN_INTEGER;
      }
      if (value > (Long.MAX_VALUE - digit) / 10) {
        overflow = true;
      } else {
        value = value * 10 + digit;
      }
    }
    if (overflow) {
      return negative ? Long.MIN_VALUE + 1 : Long.MAX_VALUE;
    }
    return negative ? -value : value;
  }

  /**
   * Parses a decimal number {@code [+-]digits[.digits][(e|E)[+-]digits]} (either side of the point
   * may be empty, not both), ignoring surrounding spaces. Returns NaN for anything else, including
   * the words NaN and Infinity, which callers reject like any other unreadable number.
   */
  static double parseDouble(byte[] b, int from, int to) {
    while (from < to && b[from] == ' ') {
      from++;
    }
    while (to > from && b[to - 1] == ' ') {
      to--;
    }
    int i = from;
    boolean negative = false;
    if (i < to && (b[i] == '-' || b[i] == '+')) {
      negative = b[i] == '-';
      i++;
    }
    long mantissa = 0;
    int significantDigits = 0;
    int exponent = 0;
    int digits = 0;
    for (; i < to && isDigit(b[i]); i++, digits++) {
      if (significantDigits < 18) {
        mantissa = mantissa * 10 + (b[i] - '0');
        significantDigits += mantissa == 0 ? 0 : 1;
      } else {
        exponent++;
        significantDigits++;
      }
    }
    if (i < to && b[i] == '.') {
      i++;
      for (; i < to && isDigit(b[i]); i++, digits++) {
        if (significantDigits < 18) {
          mantissa = mantissa * 10 + (b[i] - '0');
          significantDigits += mantissa == 0 ? 0 : 1;
          exponent--;
        }
      }
    }
    if (digits == 0) {
      return Double.NaN;
    }
    if (i < to && (b[i] == 'e' || b[i] == 'E')) {
      i++;
      boolean negativeExponent = false;
      if (i < to && (b[i] == '-' || b[i] == '+')) {
        negativeExponent = b[i] == '-';
        i++;
      }
      int exponentStart = i;
      int explicit = 0;
      for (; i < to && isDigit(b[i]); i++) {
        explicit = Math.min(explicit * 10 + (b[i] - '0'), 100_000);
      }
      if (i == exponentStart) {
        return Double.NaN;
      }
      exponent += negativeExponent ? -explicit : explicit;
    }
    if (i != to) {
      return Double.NaN;
    }
    double value;
    if (significantDigits <= 15 && exponent >= -22 && exponent <= 22) {
      // Exact: both the mantissa (< 2^53) and the power of ten are exact doubles, so one
      // correctly rounded operation gives the correctly rounded result (Clinger's fast path).
      value =
          exponent >= 0 ? mantissa * POWERS_OF_TEN[exponent] : mantissa / POWERS_OF_TEN[-exponent];
    } else {
      value = Double.parseDouble(new String(b, from, to - from, StandardCharsets.ISO_8859_1));
      return value; // parseDouble keeps the sign
    }
    return negative ? -value : value;
  }

  private static boolean isDigit(byte c) {
    return c >= '0' && c <= '9';
  }
}
