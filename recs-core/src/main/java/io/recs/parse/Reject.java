package io.recs.parse;

import io.recs.event.RejectReason;

/**
 * Thrown inside a parser to turn the current record into a dead letter; caught only by {@link
 * RecordRules#parse}. It carries no stack trace because it is control flow, not an error.
 */
final class Reject extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final RejectReason reason;

  Reject(RejectReason reason, String detail) {
    super(detail, null, false, false);
    this.reason = reason;
  }

  RejectReason reason() {
    return reason;
  }

  String detail() {
    return getMessage();
  }
}
