package io.recs.benchmarks;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Times a run from its first event (after the source) to the end of input at its last sink, so that
 * neither the start-up nor the shut-down of the MiniCluster is timed. Valid in one JVM.
 */
final class Stopwatch<T> implements MapFunction<T, T> {
  private static final long serialVersionUID = 1L;
  private static final AtomicLong FIRST = new AtomicLong();
  private static final AtomicLong LAST = new AtomicLong();
  private static final AtomicLong RECORDS = new AtomicLong();

  @Override
  public T map(T value) {
    if (FIRST.get() == 0) {
      FIRST.compareAndSet(0, System.nanoTime());
    }
    return value;
  }

  /** A sink that discards its input and notes when its input ended. */
  static <T> Sink<T> endSink() {
    return new EndSink<>();
  }

  /**
   * CPU time used by this JVM so far, in milliseconds: compared before and after a run, a measure
   * that contention from other processes on the machine does not inflate the way it does wall time.
   */
  static long processCpuMillis() {
    return ProcessHandle.current().info().totalCpuDuration().orElseThrow().toMillis();
  }

  /** Records that reached the end sinks since the last call; resets. */
  static long records() {
    return RECORDS.getAndSet(0);
  }

  /**
   * Milliseconds from the first record until the last sink saw the end of its input; resets for the
   * next run.
   */
  static long elapsedMillis() {
    long first = FIRST.getAndSet(0);
    long last = LAST.getAndSet(0);
    if (first == 0 || last == 0) {
      throw new IllegalStateException("the run saw no record or no end of input");
    }
    return (last - first) / 1_000_000;
  }

  private static final class EndSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
      return new SinkWriter<>() {
        private long records;

        @Override
        public void write(T element, Context context) {
          records++;
        }

        @Override
        public void flush(boolean endOfInput) {
          if (endOfInput) {
            LAST.accumulateAndGet(System.nanoTime(), Math::max);
            RECORDS.addAndGet(records);
            records = 0;
          }
        }

        @Override
        public void close() {}
      };
    }
  }
}
