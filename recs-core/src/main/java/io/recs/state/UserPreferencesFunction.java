package io.recs.state;

import io.recs.event.Interaction;
import io.recs.event.RecommendationRequest;
import io.recs.metrics.WallClock;
import io.recs.scoring.NeighbourLookup;
import io.recs.scoring.RankMessage;
import io.recs.scoring.ScoringConfig;
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
 * <p>A request picks the user's most relevant history items (highest decayed affinity at the
 * request time, ties in TieBreak order) as seeds and sends one lookup per seed to {@link #LOOKUPS},
 * keyed by seed item. Requests come from interactions (every one, or at most one per {@code
 * triggerInterval}, latest wins), from the second input, and once per user when a bounded input
 * ends (marked final, so that later stages answer it from their final state). The exact semantics
 * are in {@code docs/architecture.md} and {@code docs/recommendations.md}.
 */
@Internal
public final class UserPreferencesFunction
    extends KeyedCoProcessFunction<String, Interaction, RecommendationRequest, Touch> {
  private static final long serialVersionUID = 1L;

  /** One record per distinct user, emitted on the user's first interaction. */
  public static final OutputTag<String> NEW_USERS = new OutputTag<>("recs-new-users", Types.STRING);

  /** Lookups of seed items' neighbours, to be keyed by {@link RankMessage#seed()}. */
  public static final OutputTag<RankMessage> LOOKUPS =
      new OutputTag<>("recs-lookups", TypeInformation.of(RankMessage.class));

  /** Seen notices and seedless requests, straight to the ranking stage. */
  public static final OutputTag<RankMessage> TO_RANK =
      new OutputTag<>("recs-to-rank", TypeInformation.of(RankMessage.class));

  private static final long END_OF_INPUT = Long.MAX_VALUE;

  private final SimilarityConfig similarity;
  private final PreferenceConfig preferences;
  private final ScoringConfig scoring;
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
   * @param scoring the scoring configuration, or null to start no recommendation requests
   */
  public UserPreferencesFunction(
      SimilarityConfig similarity,
      PreferenceConfig preferences,
      ScoringConfig scoring,
      WallClock clock) {
    this.similarity = similarity;
    this.preferences = preferences;
    this.scoring = scoring;
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
    triggerIntervalMs = scoring == null ? 0 : scoring.triggerInterval().toMillis();
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
      if (scoring != null) {
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
    if (scoring != null) {
      current.lastArrivalMillis = clock.millis();
      if (event.category() != null && scoring.restrictToEventCategory()) {
        current.lastCategory = event.category();
      }
      boolean requestNow = scoring.triggerOnInteraction() && triggerIntervalMs == 0;
      if (!requestNow || scoring.neighbourLookup() == NeighbourLookup.PARTITIONED) {
        // A replicated-lookup request goes on this same channel and carries the seen item.
        ctx.output(
            TO_RANK, RankMessage.seen(event.userId(), item, event.action(), event.timestamp()));
      }
      if (scoring.triggerOnInteraction()) {
        triggerRequest(ctx, current, event);
      }
    }
    history.update(current);
  }

  /** Requests now, or at the end of the trigger interval if one is set. */
  private void triggerRequest(Context ctx, UserHistory current, Interaction event)
      throws Exception {
    if (triggerIntervalMs == 0) {
      String category = scoring.restrictToEventCategory() ? event.category() : null;
      request(ctx, current, event.timestamp(), scoring.n(), category, false, event);
    } else if (pendingTrigger.value() == null) {
      long at = (Math.floorDiv(event.timestamp(), triggerIntervalMs) + 1) * triggerIntervalMs;
      ctx.timerService().registerEventTimeTimer(at);
      pendingTrigger.update(at);
    }
  }

  @Override
  public void processElement2(RecommendationRequest request, Context ctx, Collector<Touch> out)
      throws Exception {
    if (scoring == null) {
      return; // the pipeline has no recommendation stages
    }
    UserHistory current = history.value();
    if (current == null) {
      current = new UserHistory();
    }
    current.lastArrivalMillis = clock.millis();
    int n = request.n() == 0 ? scoring.n() : request.n();
    request(ctx, current, request.timestamp(), n, request.category(), false, null);
    history.update(current);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Touch> out) throws Exception {
    UserHistory current = history.value();
    if (current == null) {
      return; // expired by TTL
    }
    if (timestamp == END_OF_INPUT) {
      request(ctx, current, current.latestTime(), scoring.n(), null, true, null);
    } else {
      pendingTrigger.clear();
      String category = scoring.restrictToEventCategory() ? current.lastCategory : null;
      request(ctx, current, current.latestTime(), scoring.n(), category, false, null);
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
    String seenItem = trigger == null ? null : trigger.itemId();
    String seenAction = trigger == null ? null : trigger.action();
    long requestId = current.requests++;
    // Linear scoring's features are over history windows by recency, so its seeds are the most
    // recent items; the fixed scorers take the items of highest affinity.
    boolean linear = scoring.linear() != null;
    int[] seeds =
        linear
            ? current.mostRecent(scoring.seedItems())
            : current.mostRelevant(scoring.seedItems(), time, halfLifeMs);
    RankMessage.Header header =
        new RankMessage.Header(
            ctx.getCurrentKey(),
            requestId,
            n,
            time,
            isFinal,
            category,
            current.lastArrivalMillis,
            seenItem,
            seenAction);
    if (seeds.length == 0) {
      ctx.output(TO_RANK, RankMessage.empty(header));
      return;
    }
    if (scoring.neighbourLookup() == NeighbourLookup.REPLICATED) {
      String[] seedItems = new String[seeds.length];
      double[] affinities = new double[seeds.length];
      for (int s = 0; s < seeds.length; s++) {
        seedItems[s] = current.items[seeds[s]];
        affinities[s] = current.affinityAt(seeds[s], time, halfLifeMs);
      }
      if (!linear) { // the fixed scorers need no more: fewer bytes per request
        ctx.output(TO_RANK, RankMessage.request(header, seedItems, affinities, null, null, null));
        return;
      }
      double[] weights = new double[seeds.length];
      String[] actions = new String[seeds.length];
      for (int s = 0; s < seeds.length; s++) {
        weights[s] = current.weights[seeds[s]];
        actions[s] = current.actionAt(seeds[s]);
      }
      ctx.output(
          TO_RANK,
          RankMessage.request(header, seedItems, affinities, seeds.clone(), weights, actions));
      return;
    }
    for (int k : seeds) {
      ctx.output(
          LOOKUPS,
          RankMessage.part(
              header,
              seeds.length,
              current.items[k],
              current.affinityAt(k, time, halfLifeMs),
              k,
              current.weights[k],
              linear ? current.actionAt(k) : null));
    }
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
