package io.recs.examples;

import io.recs.event.RejectReason;
import io.recs.event.RejectedRecord;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;

/**
 * Counts what passes through as Flink accumulators, which the client reads while the job runs
 * (progress lines) and at its end (the summary). The counts are also kept in operator state, so
 * that after a failover or a resumed run they continue from the checkpoint instead of starting
 * again at zero: the summary covers the whole input, each record once. The maps are chained to
 * their input, so they cost an increment per record.
 */
final class RunCounters {
  static final String ACCEPTED_EVENTS = "recs.accepted-events";
  static final String REJECTED_PREFIX = "recs.rejected.";
  static final String WRITTEN_PREFIX = "recs.written.";

  private RunCounters() {}

  /** Counts every record into the accumulator {@code name}. */
  static final class Count<T> extends RichMapFunction<T, T> implements CheckpointedFunction {
    private static final long serialVersionUID = 1L;
    private final String name;
    private transient LongCounter counter;
    private transient ListState<Long> state;
    private transient long count;

    Count(String name) {
      this.name = name;
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
      state =
          context
              .getOperatorStateStore()
              .getListState(new ListStateDescriptor<>("count", Types.LONG));
      for (Long restored : state.get()) {
        count += restored;
      }
    }

    @Override
    public void open(OpenContext openContext) {
      counter = getRuntimeContext().getLongCounter(name);
      counter.add(count);
    }

    @Override
    public T map(T value) {
      count++;
      counter.add(1);
      return value;
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
      state.update(List.of(count));
    }
  }

  /** Counts dead letters by reason, into {@code recs.rejected.<REASON>}. */
  static final class CountRejected extends RichMapFunction<RejectedRecord, RejectedRecord>
      implements CheckpointedFunction {
    private static final long serialVersionUID = 1L;
    private transient LongCounter[] byReason;
    private transient long[] counts;
    private transient ListState<String> state;

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
      state =
          context
              .getOperatorStateStore()
              .getListState(new ListStateDescriptor<>("rejected", Types.STRING));
      counts = new long[RejectReason.values().length];
      for (String entry : state.get()) {
        int eq = entry.indexOf('=');
        counts[RejectReason.valueOf(entry.substring(0, eq)).ordinal()] +=
            Long.parseLong(entry.substring(eq + 1));
      }
    }

    @Override
    public void open(OpenContext openContext) {
      byReason = new LongCounter[counts.length];
      for (RejectReason reason : RejectReason.values()) {
        if (counts[reason.ordinal()] > 0) {
          counter(reason).add(counts[reason.ordinal()]);
        }
      }
    }

    private LongCounter counter(RejectReason reason) {
      int r = reason.ordinal();
      if (byReason[r] == null) {
        byReason[r] = getRuntimeContext().getLongCounter(REJECTED_PREFIX + reason.name());
      }
      return byReason[r];
    }

    @Override
    public RejectedRecord map(RejectedRecord value) {
      counts[value.reason().ordinal()]++;
      counter(value.reason()).add(1);
      return value;
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
      List<String> entries = new ArrayList<>();
      for (RejectReason reason : RejectReason.values()) {
        if (counts[reason.ordinal()] > 0) {
          entries.add(reason.name() + "=" + counts[reason.ordinal()]);
        }
      }
      state.update(entries);
    }
  }
}
