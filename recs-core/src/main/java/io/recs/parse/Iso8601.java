package io.recs.parse;

/**
 * Reads ISO-8601 / RFC 3339 date-times with an offset, {@code 2024-05-01T12:30:00Z} or {@code
 * 2024-05-01T12:30:00.123+02:00}, straight from bytes. The separator may be {@code T} or a space;
 * the fraction has 1 to 9 digits and is truncated to milliseconds; the offset is {@code Z}, {@code
 * ±hh:mm}, {@code ±hhmm} or {@code ±hh}.
 */
final class Iso8601 {
  /** Returned for text that is not such a date-time. */
  static final long UNREADABLE = Long.MIN_VALUE;

  private static final int[] DAYS_IN_MONTH = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

  private Iso8601() {}

  /** Epoch milliseconds, or {@link #UNREADABLE}. */
  static long parse(byte[] b, int from, int to) {
    while (from < to && b[from] == ' ') {
      from++;
    }
    while (to > from && b[to - 1] == ' ') {
      to--;
    }
    // yyyy-MM-ddThh:mm:ss is 19 bytes, the shortest form with an offset ("Z") is 20.
    if (to - from < 20
        || b[from + 4] != '-'
        || b[from + 7] != '-'
        || (b[from + 10] != 'T' && b[from + 10] != ' ')
        || b[from + 13] != ':'
        || b[from + 16] != ':') {
      return UNREADABLE;
    }
    int year = digits(b, from, 4);
    int month = digits(b, from + 5, 2);
    int day = digits(b, from + 8, 2);
    int hour = digits(b, from + 11, 2);
    int minute = digits(b, from + 14, 2);
    int second = digits(b, from + 17, 2);
    if (year < 0
        || month < 1
        || month > 12
        || day < 1
        || day > daysInMonth(year, month)
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59) {
      return UNREADABLE;
    }
    int i = from + 19;
    int millis = 0;
    if (b[i] == '.') {
      int fractionStart = ++i;
      while (i < to && b[i] >= '0' && b[i] <= '9') {
        if (i - fractionStart < 3) {
          millis = millis * 10 + (b[i] - '0');
        }
        i++;
      }
      int fractionDigits = i - fractionStart;
      if (fractionDigits == 0 || fractionDigits > 9) {
        return UNREADABLE;
      }
      for (int d = fractionDigits; d < 3; d++) {
        millis *= 10;
      }
    }
    int offsetSeconds = offsetSeconds(b, i, to);
    if (offsetSeconds == Integer.MIN_VALUE) {
      return UNREADABLE;
    }
    long epochDay = epochDay(year, month, day);
    long seconds = epochDay * 86_400L + hour * 3_600L + minute * 60L + second - offsetSeconds;
    return seconds * 1000L + millis;
  }

  /** The offset from UTC in seconds, or Integer.MIN_VALUE if {@code b[i, to)} is not one. */
  private static int offsetSeconds(byte[] b, int i, int to) {
    int length = to - i;
    if (length == 1 && (b[i] == 'Z' || b[i] == 'z')) {
      return 0;
    }
    if (length < 3 || (b[i] != '+' && b[i] != '-')) {
      return Integer.MIN_VALUE;
    }
    int sign = b[i] == '-' ? -1 : 1;
    int hours = digits(b, i + 1, 2);
    int minutes;
    if (length == 3) {
      minutes = 0;
    } else if (length == 5) {
      minutes = digits(b, i + 3, 2);
    } else if (length == 6 && b[i + 3] == ':') {
      minutes = digits(b, i + 4, 2);
    } else {
      return Integer.MIN_VALUE;
    }
    if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
      return Integer.MIN_VALUE;
    }
    return sign * (hours * 3600 + minutes * 60);
  }

  /** The value of {@code count} decimal digits, or -1 if one of them is not a digit. */
  private static int digits(byte[] b, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      int digit = b[i] - '0';
      if (digit < 0 || digit > 9) {
        return -1;
      }
      value = value * 10 + digit;
    }
    return value;
  }

  private static int daysInMonth(int year, int month) {
    boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
  }

  /** Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil). */
  static long epochDay(int year, int month, int day) {
    int y = month <= 2 ? year - 1 : year;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yearOfEra = y - era * 400;
    int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146_097L + dayOfEra - 719_468L;
  }
}
