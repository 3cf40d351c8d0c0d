package io.recs.examples;

/**
 * A setting that cannot work, found before the job starts: the message is one line that names the
 * setting and its value, printed without a stack trace, and the process exits with code 2.
 */
final class BadSettingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  BadSettingException(String message) {
    super(message);
  }

  BadSettingException(String message, Throwable cause) {
    super(message, cause);
  }
}
