package io.recs.config;

import java.time.Duration;
import org.apache.flink.annotation.PublicEvolving;

/**
 * The values of an emit interval besides a plain duration of event time: {@link Duration#ZERO}
 * emits on every change, {@link #END_OF_INPUT} only once, when a bounded input ends.
 */
@PublicEvolving
public final class EmitInterval {
  private EmitInterval() {}

  /** Emits only when a bounded input ends; written {@code end} in settings and flags. */
  public static final Duration END_OF_INPUT = Duration.ofMillis(Long.MAX_VALUE);

  /** The text of {@link #END_OF_INPUT} in settings and flags. */
  public static final String END = "end";

  /** Whether {@code interval} is {@link #END_OF_INPUT}. */
  public static boolean endOfInput(Duration interval) {
    return END_OF_INPUT.equals(interval);
  }
}
