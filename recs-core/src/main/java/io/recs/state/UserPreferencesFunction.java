package io.recs.state;

import io.recs.event.Interaction;
import io.recs.event.RecommendationRequest;
import io.recs.metrics.WallClock;
import io.recs.similarity.SimilarityConfig;
import io.recs.similarity.Touch;
import java.util.Arrays;
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
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Keyed by user: keeps the user's {@link UserHistory} and seen set; emits a {@link Touch} for every
 * item the user interacts with for the first time (while under {@code maxItemsPerUser}), and, with
 * {@code similarity.weighted}, a repeat touch for every later action of positive weight on an item
 * of the seen set; and starts recommendation requests.
 *
 * <p>Requests come from interactions (every one, or at most one per trigger interval, latest wins),
 * from the second input, and once per user when a bounded input ends (marked final, so that later
 * stages answer it from their final state). This stage decides when; what a request sends (its
 * seeds and messages) is up to the {@link UserRequests} of {@code io.recs.request}. The exact
 * semantics are in {@code docs/architecture.md} and {@code docs/recommendations.md}.
 */
@Internal
public final class UserPreferencesFunction
    extends KeyedCoProcessFunction<String, Interaction, RecommendationRequest, Touch> {
  private static final long serialVersionUID = 1L;

  /** One record per distinct user, emitted on the user's first interaction. */
  public static final OutputTag<String> NEW_USERS = new OutputTag<>("recs-new-users", Types.STRING);

  private static final long END_OF_INPUT = Long.MAX_VALUE;

  private final SimilarityConfig similarity;
  private final PreferenceConfig preferences;
  private final UserRequests requests;
  private final WallClock clock;

  private transient ValueState<UserHistory> history;
  private transient MapState<String, Boolean> seen;
  private transient ValueState<Long> pendingTrigger;
  private transient Counter touches;
  private transient long halfLifeMs;
  private transient long pairWindowMs;
  private transient long triggerIntervalMs;

  /**
   * A function with the given configuration.
   *
   * @param requests what requests send, or {@link UserRequests#none()} to start none
   */
  public UserPreferencesFunction(
      SimilarityConfig similarity,
      PreferenceConfig preferences,
      UserRequests requests,
      WallClock clock) {
    this.similarity = similarity;
    this.preferences = preferences;
    this.requests = requests;
    this.clock = clock;
  }

  @Override
  public void open(OpenContext openContext) {
    ValueStateDescriptor<UserHistory> historyDescriptor =
        new ValueStateDescriptor<>("history", TypeInformation.of(UserHistory.class));
    MapStateDescriptor<String, Boolean> seenDescriptor =
        new MapStateDescriptor<>("seen", Types.STRING, Types.BOOLEAN);
    ValueStateDescriptor<Long> triggerDescriptor =
        new ValueStateDescriptor<>("pending-trigger", Types.LONG);
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
    pendingTrigger = getRuntimeContext().getState(triggerDescriptor);
    touches = getRuntimeContext().getMetricGroup().counter("touches");
    halfLifeMs = preferences.halfLife().toMillis();
    pairWindowMs = similarity.pairWindow() == null ? -1 : similarity.pairWindow().toMillis();
    triggerIntervalMs = requests.triggerIntervalMs();
  }

  @Override
  public void processElement1(Interaction event, Context ctx, Collector<Touch> out)
      throws Exception {
    UserHistory current = history.value();
    if (current == null) {
      current = new UserHistory();
    }
    if (current.size == 0) { // a history never shrinks: this is the user's first interaction
      ctx.output(NEW_USERS, event.userId());
      if (requests.enabled()) {
        ctx.timerService().registerEventTimeTimer(END_OF_INPUT);
      }
    }
    String item = event.itemId();
    boolean admits = current.seenCount < similarity.maxItemsPerUser();
    boolean isSeen = (admits || similarity.weighted()) && seen.contains(item);
    if (admits && !isSeen) {
      seen.put(item, Boolean.TRUE);
      current.seenCount++;
      out.collect(touch(current, event, false));
      touches.inc();
    } else if (isSeen && similarity.weighted() && event.weight() > 0) {
      // A repeat action raises the user's weight on an item it already pairs with.
      out.collect(touch(current, event, true));
      touches.inc();
    }
    current.record(
        item,
        event.weight(),
        event.timestamp(),
        halfLifeMs,
        similarity.historySize(),
        event.action());
    if (requests.enabled()) {
      current.lastArrivalMillis = clock.millis();
      if (event.category() != null && requests.restrictToEventCategory()) {
        current.lastCategory = event.category();
      }
      requests.interaction(event, output(ctx));
      if (requests.triggerOnInteraction()) {
        triggerRequest(ctx, current, event);
      }
    }
    history.update(current);
  }

  /** Requests now, or at the end of the trigger interval if one is set. */
  private void triggerRequest(Context ctx, UserHistory current, Interaction event)
      throws Exception {
    if (triggerIntervalMs == 0) {
      String category = requests.restrictToEventCategory() ? event.category() : null;
      request(ctx, current, event.timestamp(), 0, category, false, event);
    } else if (pendingTrigger.value() == null) {
      long at = (Math.floorDiv(event.timestamp(), triggerIntervalMs) + 1) * triggerIntervalMs;
      ctx.timerService().registerEventTimeTimer(at);
      pendingTrigger.update(at);
    }
  }

  @Override
  public void processElement2(RecommendationRequest request, Context ctx, Collector<Touch> out)
      throws Exception {
    if (!requests.enabled()) {
      return; // the pipeline has no recommendation stages
    }
    UserHistory current = history.value();
    if (current == null) {
      current = new UserHistory();
    }
    current.lastArrivalMillis = clock.millis();
    request(ctx, current, request.timestamp(), request.n(), request.category(), false, null);
    history.update(current);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Touch> out) throws Exception {
    UserHistory current = history.value();
    if (current == null) {
      return; // expired by TTL
    }
    if (timestamp == END_OF_INPUT) {
      request(ctx, current, current.latestTime(), 0, null, true, null);
    } else {
      pendingTrigger.clear();
      String category = requests.restrictToEventCategory() ? current.lastCategory : null;
      request(ctx, current, current.latestTime(), 0, category, false, null);
    }
    history.update(current);
  }

  /**
   * Starts a request; {@code trigger}, if not null, is the interaction that triggered it, carried
   * along so that the ranking stage excludes its item even if the seen notice is overtaken.
   */
  private void request(
      Context ctx,
      UserHistory current,
      long time,
      int n,
      String category,
      boolean isFinal,
      Interaction trigger) {
    requests.request(
        ctx.getCurrentKey(),
        current,
        current.requests++,
        time,
        n,
        category,
        isFinal,
        trigger,
        output(ctx));
  }

  private static UserRequests.Output output(Context ctx) {
    return new UserRequests.Output() {
      @Override
      public <T> void emit(OutputTag<T> tag, T value) {
        ctx.output(tag, value);
      }
    };
  }

  /**
   * The touch of the event's item: its partners are the at most {@code pairWindowItems} most recent
   * history entries (before this event), other than the item itself, within {@code pairWindow}.
   * Weighted, each delta is w × W(j), the growth of the product W(i)·W(j) of the accumulated
   * weights, and the norm delta is the growth of W(i)², (W(i) + w)² − W(i)².
   */
  private Touch touch(UserHistory current, Interaction event, boolean repeat) {
    int limit = Math.min(current.size, similarity.pairWindowItems());
    int count = 0;
    String[] partners = new String[limit];
    double[] deltas = new double[limit];
    int own = -1;
    for (int k = 0; k < limit; k++) {
      if (current.items[k].equals(event.itemId())) {
        own = k;
        // A repeat finds its own item in the history (a first touch only when state TTL expired
        // the item's seen entry but not the history): never its own partner.
        continue;
      }
      if (pairWindowMs >= 0 && current.lastTimes[k] < event.timestamp() - pairWindowMs) {
        continue;
      }
      partners[count] = current.items[k];
      deltas[count] = similarity.weighted() ? event.weight() * current.weights[k] : 1.0;
      count++;
    }
    if (count < limit) {
      partners = Arrays.copyOf(partners, count);
      deltas = Arrays.copyOf(deltas, count);
    }
    if (!similarity.weighted()) {
      return new Touch(
          event.itemId(), event.userId(), event.timestamp(), event.category(), partners, deltas);
    }
    if (own < 0 && limit < current.size) {
      own = current.indexOf(event.itemId());
    }
    double ownWeight = own < 0 ? 0 : current.weights[own];
    double w = event.weight();
    return new Touch(
        event.itemId(),
        event.userId(),
        event.timestamp(),
        event.category(),
        partners,
        deltas,
        repeat,
        w * (2 * ownWeight + w));
  }
}
