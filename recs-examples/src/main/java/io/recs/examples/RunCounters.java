package io.recs.examples;

import io.recs.event.RejectedRecord;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/**
 * Counts what passes through as Flink accumulators, which the client reads while the job runs
 * (progress lines) and at its end (the summary). The maps are chained to their input, so they cost
 * an increment per record.
 */
final class RunCounters {
  static final String ACCEPTED_EVENTS = "recs.accepted-events";
  static final String REJECTED_PREFIX = "recs.rejected.";
  static final String WRITTEN_PREFIX = "recs.written.";

  private RunCounters() {}

  /** Counts every record into the accumulator {@code name}. */
  static final class Count<T> extends RichMapFunction<T, T> {
    private static final long serialVersionUID = 1L;
    private final String name;
    private transient LongCounter counter;

    Count(String name) {
      this.name = name;
    }

    @Override
    public void open(OpenContext openContext) {
      counter = getRuntimeContext().getLongCounter(name);
    }

    @Override
    public T map(T value) {
      counter.add(1);
      return value;
    }
  }

  /** Counts dead letters by reason, into {@code recs.rejected.<REASON>}. */
  static final class CountRejected extends RichMapFunction<RejectedRecord, RejectedRecord> {
    private static final long serialVersionUID = 1L;
    private transient LongCounter[] byReason;

    @Override
    public void open(OpenContext openContext) {
      io.recs.event.RejectReason[] reasons = io.recs.event.RejectReason.values();
      byReason = new LongCounter[reasons.length];
    }

    @Override
    public RejectedRecord map(RejectedRecord value) {
      int reason = value.reason().ordinal();
      if (byReason[reason] == null) {
        byReason[reason] =
            getRuntimeContext().getLongCounter(REJECTED_PREFIX + value.reason().name());
      }
      byReason[reason].add(1);
      return value;
    }
  }
}
