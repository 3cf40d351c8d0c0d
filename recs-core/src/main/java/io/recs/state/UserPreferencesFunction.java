package io.recs.state;

import io.recs.event.Interaction;
import io.recs.similarity.SimilarityConfig;
import io.recs.similarity.Touch;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Keyed by user: keeps the user's {@link UserHistory} and seen set, and emits a {@link Touch} for
 * every item the user interacts with for the first time (while under {@code maxItemsPerUser}).
 *
 * <p>The first interaction of a user also goes to the {@link #NEW_USERS} side output, from which
 * the total user count is kept. The exact semantics are in {@code docs/architecture.md}.
 */
@Internal
public final class UserPreferencesFunction
    extends KeyedProcessFunction<String, Interaction, Touch> {
  private static final long serialVersionUID = 1L;

  /** One record per distinct user, emitted on the user's first interaction. */
  public static final OutputTag<String> NEW_USERS = new OutputTag<>("recs-new-users", Types.STRING);

  private static final double[] NO_DELTAS = new double[0];
  private static final String[] NO_ITEMS = new String[0];

  private final SimilarityConfig similarity;
  private final PreferenceConfig preferences;

  private transient ValueState<UserHistory> history;
  private transient MapState<String, Boolean> seen;
  private transient Counter touches;
  private transient long halfLifeMs;
  private transient long pairWindowMs;

  /** A function with the given configuration. */
  public UserPreferencesFunction(SimilarityConfig similarity, PreferenceConfig preferences) {
    this.similarity = similarity;
    this.preferences = preferences;
  }

  /** The state descriptor of the history, shared with readers of the same state. */
  static ValueStateDescriptor<UserHistory> historyDescriptor() {
    return new ValueStateDescriptor<>("history", TypeInformation.of(UserHistory.class));
  }

  @Override
  public void open(OpenContext openContext) {
    ValueStateDescriptor<UserHistory> historyDescriptor = historyDescriptor();
    MapStateDescriptor<String, Boolean> seenDescriptor =
        new MapStateDescriptor<>("seen", Types.STRING, Types.BOOLEAN);
    if (preferences.stateTtl() != null) {
      StateTtlConfig ttl =
          StateTtlConfig.newBuilder(preferences.stateTtl())
              .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
              .build();
      historyDescriptor.enableTimeToLive(ttl);
      seenDescriptor.enableTimeToLive(ttl);
    }
    history = getRuntimeContext().getState(historyDescriptor);
    seen = getRuntimeContext().getMapState(seenDescriptor);
    touches = getRuntimeContext().getMetricGroup().counter("touches");
    halfLifeMs = preferences.halfLife().toMillis();
    pairWindowMs = similarity.pairWindow() == null ? -1 : similarity.pairWindow().toMillis();
  }

  @Override
  public void processElement(Interaction event, Context ctx, Collector<Touch> out)
      throws Exception {
    UserHistory current = history.value();
    if (current == null) {
      current = new UserHistory();
      ctx.output(NEW_USERS, event.userId());
    }
    String item = event.itemId();
    if (current.seenCount < similarity.maxItemsPerUser() && !seen.contains(item)) {
      seen.put(item, Boolean.TRUE);
      current.seenCount++;
      out.collect(touch(current, event));
      touches.inc();
    }
    current.record(item, event.weight(), event.timestamp(), halfLifeMs, similarity.historySize());
    history.update(current);
  }

  private Touch touch(UserHistory current, Interaction event) {
    int limit = Math.min(current.size, similarity.pairWindowItems());
    int count = 0;
    String[] partners = limit == 0 ? NO_ITEMS : new String[limit];
    double[] deltas = limit == 0 ? NO_DELTAS : new double[limit];
    for (int k = 0; k < limit; k++) {
      if (pairWindowMs >= 0 && current.lastTimes[k] < event.timestamp() - pairWindowMs) {
        continue;
      }
      partners[count] = current.items[k];
      deltas[count] = similarity.weighted() ? event.weight() * current.weights[k] : 1.0;
      count++;
    }
    if (count < limit) {
      partners = java.util.Arrays.copyOf(partners, count);
      deltas = java.util.Arrays.copyOf(deltas, count);
    }
    return new Touch(event.itemId(), event.userId(), event.timestamp(), partners, deltas);
  }
}
