package io.recs.state;

import io.recs.similarity.CountUpdate;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Counts distinct users. Runs under a single constant key: it sees one record per new user, which
 * is far less than the event rate, so one task suffices.
 */
@Internal
public final class UserCountFunction extends KeyedProcessFunction<Integer, String, CountUpdate> {
  private static final long serialVersionUID = 1L;

  private transient ValueState<Long> users;

  @Override
  public void open(OpenContext openContext) {
    users = getRuntimeContext().getState(new ValueStateDescriptor<>("users", Types.LONG));
  }

  @Override
  public void processElement(String user, Context ctx, Collector<CountUpdate> out)
      throws Exception {
    Long current = users.value();
    long next = current == null ? 1 : current + 1;
    users.update(next);
    out.collect(new CountUpdate(CountUpdate.TOTAL_USERS, next));
  }
}
