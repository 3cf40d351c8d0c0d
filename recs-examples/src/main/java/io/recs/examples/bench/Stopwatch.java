package io.recs.examples.bench;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * Notes the wall-clock time of the first record after the source, so that a run is timed from its
 * first event to the end of the job, without start-up. Valid in one JVM (a MiniCluster).
 */
final class Stopwatch<T> implements MapFunction<T, T> {
  private static final long serialVersionUID = 1L;
  private static final AtomicLong FIRST = new AtomicLong();

  @Override
  public T map(T value) {
    if (FIRST.get() == 0) {
      FIRST.compareAndSet(0, System.nanoTime());
    }
    return value;
  }

  /** Milliseconds from the first record until now; resets for the next run. */
  static long sinceFirstRecord() {
    return (System.nanoTime() - FIRST.getAndSet(0)) / 1_000_000;
  }
}
