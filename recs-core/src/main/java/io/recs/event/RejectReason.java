package io.recs.event;

import org.apache.flink.annotation.PublicEvolving;

/** Why a raw record did not become an {@link Interaction}. Each value is one dead-letter reason. */
@PublicEvolving
public enum RejectReason {
  /** The record is longer than the parser's size limit. */
  TOO_LARGE,
  /** The bytes are not valid UTF-8. */
  INVALID_ENCODING,
  /** The record is empty or only whitespace. */
  EMPTY,
  /** The record is a header line of a delimited file, not an event. */
  HEADER,
  /** A delimited record has the wrong number of columns or broken quoting. */
  MALFORMED_CSV,
  /** The record is not well-formed JSON, or not a JSON object. */
  MALFORMED_JSON,
  /** A required field is absent or null. */
  MISSING_FIELD,
  /** A field has the wrong type, for example an object where an id was expected. */
  WRONG_TYPE,
  /** A user or item id is blank, too long, or holds control characters. */
  INVALID_ID,
  /** The action is not configured and unknown actions are rejected. */
  UNKNOWN_ACTION,
  /** The weight or rating is not a finite non-negative number. */
  INVALID_WEIGHT,
  /** The timestamp cannot be read or lies outside the accepted range. */
  INVALID_TIMESTAMP,
  /** A rating below the configured threshold: kept as a dead letter so that nothing is lost. */
  BELOW_THRESHOLD
}
