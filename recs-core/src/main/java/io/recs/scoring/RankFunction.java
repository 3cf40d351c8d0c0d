package io.recs.scoring;

import io.recs.event.Recommendations;
import io.recs.event.ScoredItem;
import io.recs.event.TrendingItems;
import io.recs.metrics.WallClock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Keyed by user: merges the parts of each recommendation request, filters and ranks the candidates,
 * backfills from trending items, and emits {@link Recommendations}.
 *
 * <p>Keeps the user's seen items (those excluded by the {@link SeenFilter}, at most {@code
 * maxSeenItems}). Trending lists and item categories arrive on the broadcast input. Requests
 * complete when all their parts have arrived; an older request completing after a newer one has
 * been emitted is dropped (latest wins). Final requests complete when the input ends. The metric
 * {@code recommendationLatencyMs} is a histogram of the wall-clock delay from the arrival of the
 * triggering record at the user stage to the emission here.
 *
 * <p>With {@link ScoringConfig#linear()}, candidates are scored by a linear model over their {@link
 * RankingFeature features}. If it learns, the function keeps each user's last candidates ({@link
 * KeptCandidates}) and, when the user's next interaction arrives (a seen notice, or a replicated
 * request that carries it), makes pairwise updates from it before ranking anything else. The
 * weights are operator state (union list state, one copy per subtask): a restored subtask, at any
 * parallelism, starts from the average of all restored copies. When a bounded input ends, each
 * subtask emits its weights once on {@link #LEARNED_WEIGHTS}. Metrics: {@code learnedPairs}
 * (pairwise updates) and {@code positivesNotKept} (interactions whose item was not among the kept
 * candidates).
 */
@Internal
public final class RankFunction
    extends KeyedBroadcastProcessFunction<String, RankMessage, RankContext, Recommendations>
    implements CheckpointedFunction {
  private static final long serialVersionUID = 1L;

  /** Trending lists by scope. */
  public static final MapStateDescriptor<String, TrendingItems> TRENDING =
      new MapStateDescriptor<>(
          "recs-trending", Types.STRING, TypeInformation.of(TrendingItems.class));

  /** Item categories. */
  public static final MapStateDescriptor<String, String> CATEGORIES =
      new MapStateDescriptor<>("recs-categories", Types.STRING, Types.STRING);

  /** Items' top candidates, with {@link NeighbourLookup#REPLICATED}. */
  public static final MapStateDescriptor<String, RankContext> CANDIDATES =
      new MapStateDescriptor<>(
          "recs-candidates", Types.STRING, TypeInformation.of(RankContext.class));

  /** Each subtask's learned weights, once when a bounded input ends. */
  public static final OutputTag<LearnedWeights> LEARNED_WEIGHTS =
      new OutputTag<>("recs-learned-weights", TypeInformation.of(LearnedWeights.class));

  private static final long END_OF_INPUT = Long.MAX_VALUE;

  private final ScoringConfig config;
  private final WallClock clock;

  private transient MapState<String, Boolean> seen;
  private transient ValueState<Integer> seenCount;
  private transient MapState<Long, PendingRequest> pending;
  private transient ValueState<Long> lastEmitted;
  private transient Histogram latency;
  private transient Ranking ranking;
  private transient LinearRanking linear;
  private transient ListState<LearnedWeights> weightsState;
  private transient ValueState<KeptCandidates> kept;
  private transient Counter learnedPairs;
  private transient Counter positivesNotKept;
  private transient boolean exported;
  private transient TrendingItems trendingSeen;
  private transient Map<String, Double> trendingScores;
  private transient CanonicalItemIds itemIds;

  /** A function with the given configuration. */
  public RankFunction(ScoringConfig config, WallClock clock) {
    this.config = config;
    this.clock = clock;
  }

  @Override
  public void initializeState(FunctionInitializationContext context) throws Exception {
    LinearScoring linearConfig = config.linear();
    if (linearConfig == null) {
      return;
    }
    weightsState =
        context
            .getOperatorStateStore()
            .getUnionListState(
                new ListStateDescriptor<>(
                    "learned-weights", TypeInformation.of(LearnedWeights.class)));
    List<LearnedWeights> copies = new ArrayList<>();
    if (context.isRestored()) {
      weightsState.get().forEach(copies::add);
    }
    List<String> features = linearConfig.featureNames();
    LinearModel model =
        copies.isEmpty()
            ? LinearModel.of(features, linearConfig.startWeights())
            : LinearModel.restored(features, copies);
    int subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
    linear = new LinearRanking(linearConfig, model, new Random(linearConfig.seed() + subtask));
  }

  @Override
  public void snapshotState(FunctionSnapshotContext context) throws Exception {
    if (linear != null) {
      weightsState.update(List.of(linear.model().export()));
    }
  }

  /** This subtask's current weights, or null without linear scoring. */
  LearnedWeights weights() {
    return linear == null ? null : linear.model().export();
  }

  @Override
  public void open(OpenContext openContext) {
    itemIds = new CanonicalItemIds();
    seen =
        getRuntimeContext()
            .getMapState(new MapStateDescriptor<>("seen", Types.STRING, Types.BOOLEAN));
    seenCount = getRuntimeContext().getState(new ValueStateDescriptor<>("seen-count", Types.INT));
    pending =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "pending", Types.LONG, TypeInformation.of(PendingRequest.class)));
    lastEmitted =
        getRuntimeContext().getState(new ValueStateDescriptor<>("last-emitted", Types.LONG));
    ranking = new Ranking();
    latency =
        getRuntimeContext()
            .getMetricGroup()
            .histogram("recommendationLatencyMs", new DescriptiveStatisticsHistogram(10_000));
    if (config.linear() != null && linear == null) { // not run through initializeState
      LinearScoring linearConfig = config.linear();
      linear =
          new LinearRanking(
              linearConfig,
              LinearModel.of(linearConfig.featureNames(), linearConfig.startWeights()),
              new Random(linearConfig.seed()));
    }
    if (linear != null && config.linear().learning()) {
      kept =
          getRuntimeContext()
              .getState(
                  new ValueStateDescriptor<>(
                      "kept-candidates", TypeInformation.of(KeptCandidates.class)));
      learnedPairs = getRuntimeContext().getMetricGroup().counter("learnedPairs");
      positivesNotKept = getRuntimeContext().getMetricGroup().counter("positivesNotKept");
    }
  }

  @Override
  public void processBroadcastElement(
      RankContext update, Context ctx, Collector<Recommendations> out) throws Exception {
    if (update.trending() != null) {
      ctx.getBroadcastState(TRENDING).put(update.trending().scope(), update.trending());
    } else if (update.candidates() != null) {
      String[] candidates = new String[update.candidates().length];
      for (int k = 0; k < candidates.length; k++) {
        candidates[k] = itemIds.canonical(update.candidates()[k]);
      }
      String item = itemIds.canonical(update.item());
      ctx.getBroadcastState(CANDIDATES)
          .put(item, new RankContext(null, item, null, candidates, update.similarities()));
    } else {
      ctx.getBroadcastState(CATEGORIES).put(update.item(), update.category());
    }
  }

  @Override
  public void processElement(
      RankMessage message, ReadOnlyContext ctx, Collector<Recommendations> out) throws Exception {
    if (kept != null
        && message.seenItem() != null
        && (message.kind() == RankMessage.SEEN || message.kind() == RankMessage.REQUEST)) {
      learn(message.seenItem());
    }
    if (message.seenItem() != null) {
      markSeen(message.seenItem(), message.seenAction());
    }
    if (message.kind() == RankMessage.SEEN) {
      return;
    }
    if (message.kind() == RankMessage.REQUEST && !message.finalRequest()) {
      PendingRequest request = new PendingRequest();
      request.add(message);
      complete(ctx, request, out);
      return;
    }
    PendingRequest request = pending.get(message.requestId());
    if (request == null) {
      request = new PendingRequest();
    }
    request.add(message);
    if (message.kind() == RankMessage.EMPTY
        || message.kind() == RankMessage.REQUEST
        || request.isComplete()) {
      if (message.finalRequest()) {
        pending.put(message.requestId(), request);
        ctx.timerService().registerEventTimeTimer(END_OF_INPUT);
      } else {
        pending.remove(message.requestId());
        complete(ctx, request, out);
      }
    } else {
      pending.put(message.requestId(), request);
    }
  }

  /** Pairwise updates from the user's choice of {@code item} after their last list. */
  private void learn(String item) throws Exception {
    KeptCandidates last = kept.value();
    if (last == null) {
      return;
    }
    int pairs = linear.model().learn(last, item, config.linear(), linear.random());
    if (pairs > 0) {
      learnedPairs.inc(pairs);
    } else {
      positivesNotKept.inc();
    }
    kept.clear();
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Recommendations> out)
      throws Exception {
    if (timestamp == END_OF_INPUT && linear != null && !exported) {
      ctx.output(LEARNED_WEIGHTS, linear.model().export());
      exported = true;
    }
    Iterator<Map.Entry<Long, PendingRequest>> entries = pending.iterator();
    List<PendingRequest> complete = new ArrayList<>();
    while (entries.hasNext()) {
      PendingRequest request = entries.next().getValue();
      RankMessage first = request.parts[0];
      if (first.finalRequest()
          && (first.kind() == RankMessage.EMPTY
              || first.kind() == RankMessage.REQUEST
              || request.isComplete())) {
        complete.add(request);
        entries.remove();
      }
    }
    for (PendingRequest request : complete) {
      complete(ctx, request, out);
    }
  }

  private void complete(ReadOnlyContext ctx, PendingRequest request, Collector<Recommendations> out)
      throws Exception {
    RankMessage first = request.parts[0];
    Long last = lastEmitted.value();
    if (!first.finalRequest() && last != null && first.requestId() < last) {
      return; // a newer request was answered already
    }
    lastEmitted.update(first.requestId());
    String user = first.user();
    String category = first.category();
    ReadOnlyBroadcastState<String, String> categories = ctx.getBroadcastState(CATEGORIES);
    Predicate<String> allowed =
        item -> {
          try {
            return !seen.contains(item)
                && !config.blocklist().contains(item)
                && (config.filter() == null || config.filter().allows(user, item))
                && (category == null || category.equals(categories.get(item)));
          } catch (Exception e) {
            throw new IllegalStateException("cannot read state of user " + user, e);
          }
        };
    String scope = category == null ? TrendingItems.GLOBAL : category;
    if (linear != null) {
      linear.trending(trendingScores(ctx.getBroadcastState(TRENDING).get(scope)));
    }
    List<ScoredItem> items =
        new ArrayList<>(ranking.rank(parts(ctx, request), first.n(), allowed, config, linear));
    if (kept != null && !first.finalRequest()) {
      kept.update(linear.kept());
    }
    if (config.trendingBackfill() && items.size() < first.n()) {
      TrendingItems trending = ctx.getBroadcastState(TRENDING).get(scope);
      if (trending != null) {
        Ranking.backfill(items, trending.items(), first.n(), allowed);
      }
    }
    out.collect(new Recommendations(user, items, first.time(), first.finalRequest()));
    if (!first.finalRequest()) { // a final request answers the end of input, not an arrival
      latency.update(clock.millis() - first.arrivalMillis());
    }
  }

  /** Item to trending score of a list, computed once per list. */
  private java.util.function.ToDoubleFunction<String> trendingScores(TrendingItems trending) {
    if (trending == null) {
      return item -> 0;
    }
    if (trending != trendingSeen) {
      Map<String, Double> scores = new HashMap<>();
      trending.items().forEach(item -> scores.put(item.itemId(), item.score()));
      trendingScores = scores;
      trendingSeen = trending;
    }
    Map<String, Double> scores = trendingScores;
    return item -> scores.getOrDefault(item, 0.0);
  }

  /**
   * The seeds and candidates of a request: from its part messages, or for a {@link
   * RankMessage#REQUEST} from the replicated candidate lists as they are now.
   */
  private static Ranking.Parts parts(ReadOnlyContext ctx, PendingRequest request) throws Exception {
    RankMessage first = request.parts[0];
    if (first.kind() != RankMessage.REQUEST) {
      return Ranking.Parts.of(
          request.parts, first.kind() == RankMessage.EMPTY ? 0 : request.received);
    }
    ReadOnlyBroadcastState<String, RankContext> candidates = ctx.getBroadcastState(CANDIDATES);
    String[] seeds = first.seeds();
    Ranking.Parts parts = Ranking.Parts.empty(seeds.length);
    for (int p = 0; p < seeds.length; p++) {
      parts.set(p, seeds[p], first.affinities()[p]);
      if (first.recencies() != null) {
        parts.describe(p, first.recencies()[p], first.weights()[p], first.seedActions()[p]);
      }
      RankContext list = candidates.get(seeds[p]);
      if (list != null) {
        parts.candidates()[p] = list.candidates();
        parts.similarities()[p] = list.similarities();
      }
    }
    return parts;
  }

  private void markSeen(String item, String action) throws Exception {
    if (!config.seenFilter().excludes(action) || seen.contains(item)) {
      return;
    }
    Integer count = seenCount.value();
    int current = count == null ? 0 : count;
    if (current < config.maxSeenItems()) {
      seen.put(item, Boolean.TRUE);
      seenCount.update(current + 1);
    }
  }
}
