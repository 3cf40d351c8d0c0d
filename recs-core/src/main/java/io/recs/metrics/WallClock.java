package io.recs.metrics;

import java.io.Serializable;
import org.apache.flink.annotation.PublicEvolving;

/**
 * Wall-clock time, injectable so that tests are deterministic. recs uses it only to measure
 * latency; every decision is made in event time.
 */
@PublicEvolving
@FunctionalInterface
public interface WallClock extends Serializable {

  /** Milliseconds since the epoch. */
  long millis();

  /** The system clock. */
  static WallClock system() {
    return System::currentTimeMillis;
  }
}
