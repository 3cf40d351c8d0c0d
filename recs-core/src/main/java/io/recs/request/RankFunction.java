package io.recs.request;

import io.recs.event.Recommendations;
import io.recs.event.ScoredItem;
import io.recs.event.TrendingItems;
import io.recs.metrics.WallClock;
import io.recs.scoring.LearnedWeights;
import io.recs.scoring.RankScoring;
import io.recs.scoring.ScoringConfig;
import java.util.List;
import java.util.function.Predicate;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Keyed by user, the ranking stage: routes each message to its part and emits {@link
 * Recommendations}.
 *
 * <ul>
 *   <li>a {@link Seen} notice (or the trigger a request carries) goes to the {@link SeenItems} and,
 *       when the model learns, to {@link RankScoring#learnFrom learning};
 *   <li>a {@link RequestMessage} goes to the {@link RequestAssembly}; a complete request is ranked
 *       by {@link RankScoring} among the items that are not seen, allowed by the configuration and
 *       in the request's category;
 *   <li>broadcast {@link RankUpdate}s fill the broadcast state: {@link #TRENDING} lists, item
 *       {@link #CATEGORIES} and, with the replicated lookup, {@link #CANDIDATES}.
 * </ul>
 *
 * <p>The metric {@code recommendationLatencyMs} is a histogram of the wall-clock delay from the
 * arrival of the triggering record at the user stage to the emission here. With linear scoring,
 * each subtask emits its weights once on {@link #LEARNED_WEIGHTS} when a bounded input ends.
 */
@Internal
public final class RankFunction
    extends KeyedBroadcastProcessFunction<String, RankInput, RankUpdate, Recommendations>
    implements CheckpointedFunction {
  private static final long serialVersionUID = 1L;

  /** Trending lists by scope. */
  public static final MapStateDescriptor<String, TrendingItems> TRENDING =
      new MapStateDescriptor<>(
          "recs-trending", Types.STRING, TypeInformation.of(TrendingItems.class));

  /** Item categories. */
  public static final MapStateDescriptor<String, String> CATEGORIES =
      new MapStateDescriptor<>("recs-categories", Types.STRING, Types.STRING);

  /** Items' top candidates, with the replicated lookup. */
  public static final MapStateDescriptor<String, CandidateList> CANDIDATES =
      new MapStateDescriptor<>(
          "recs-candidates", Types.STRING, TypeInformation.of(CandidateList.class));

  /** Each subtask's learned weights, once when a bounded input ends. */
  public static final OutputTag<LearnedWeights> LEARNED_WEIGHTS =
      new OutputTag<>("recs-learned-weights", TypeInformation.of(LearnedWeights.class));

  private final ScoringConfig config;
  private final WallClock clock;

  private transient RankScoring scoring;
  private transient SeenItems seen;
  private transient RequestAssembly requests;
  private transient CanonicalItemIds itemIds;
  private transient Histogram latency;
  private transient boolean exported;

  /** A function with the given configuration. */
  public RankFunction(ScoringConfig config, WallClock clock) {
    this.config = config;
    this.clock = clock;
  }

  @Override
  public void initializeState(FunctionInitializationContext context) throws Exception {
    scoring = new RankScoring(config);
    scoring.initializeState(context, getRuntimeContext().getTaskInfo().getIndexOfThisSubtask());
  }

  @Override
  public void snapshotState(FunctionSnapshotContext context) throws Exception {
    scoring.snapshotState();
  }

  /** This subtask's current weights, or null without linear scoring. */
  LearnedWeights weights() {
    return scoring.weights();
  }

  @Override
  public void open(OpenContext openContext) {
    if (scoring == null) { // not run through initializeState
      scoring = new RankScoring(config);
    }
    scoring.open(getRuntimeContext());
    seen = new SeenItems(config.seenFilter(), config.maxSeenItems());
    seen.open(getRuntimeContext());
    requests = new RequestAssembly();
    requests.open(getRuntimeContext());
    itemIds = new CanonicalItemIds();
    latency =
        getRuntimeContext()
            .getMetricGroup()
            .histogram("recommendationLatencyMs", new DescriptiveStatisticsHistogram(10_000));
  }

  @Override
  public void processBroadcastElement(
      RankUpdate update, Context ctx, Collector<Recommendations> out) throws Exception {
    if (update instanceof TrendingUpdate trending) {
      ctx.getBroadcastState(TRENDING).put(trending.trending().scope(), trending.trending());
    } else if (update instanceof CategoryUpdate category) {
      ctx.getBroadcastState(CATEGORIES).put(category.item(), category.category());
    } else if (update instanceof CandidateList list) {
      String[] candidates = new String[list.candidates().length];
      for (int k = 0; k < candidates.length; k++) {
        candidates[k] = itemIds.canonical(list.candidates()[k]);
      }
      String item = itemIds.canonical(list.item());
      ctx.getBroadcastState(CANDIDATES)
          .put(item, new CandidateList(item, candidates, list.similarities()));
    }
  }

  @Override
  public void processElement(RankInput input, ReadOnlyContext ctx, Collector<Recommendations> out)
      throws Exception {
    if (input instanceof Seen notice) {
      interacted(notice.item(), notice.action(), notice.time());
    } else if (input instanceof RequestMessage message) {
      RequestHeader header = message.header();
      if (header.seenItem() != null) {
        // A request of one message carries its trigger instead of a seen notice: learn from it
        // and mark it seen before answering.
        interacted(header.seenItem(), header.seenAction(), header.time());
      }
      PendingRequest complete = requests.accept(message, ctx.timerService());
      if (complete != null) {
        answer(ctx, complete, out);
      }
    }
  }

  private void interacted(String item, String action, long time) throws Exception {
    scoring.learnFrom(item);
    seen.mark(item, action, time);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Recommendations> out)
      throws Exception {
    if (timestamp == RequestAssembly.END_OF_INPUT && !exported) {
      LearnedWeights weights = scoring.weights();
      if (weights != null) {
        ctx.output(LEARNED_WEIGHTS, weights);
      }
      exported = true;
    }
    for (PendingRequest request : requests.completeFinalRequests()) {
      answer(ctx, request, out);
    }
  }

  private void answer(ReadOnlyContext ctx, PendingRequest request, Collector<Recommendations> out)
      throws Exception {
    RequestHeader header = request.first().header();
    if (!requests.answers(header)) {
      return; // a newer request was answered already
    }
    String user = header.user();
    String category = header.category();
    seen.migrate();
    ReadOnlyBroadcastState<String, String> categories = ctx.getBroadcastState(CATEGORIES);
    Predicate<String> allowed =
        item -> {
          try {
            return !seen.containsAsOf(item, header.time())
                && scoring.allows(user, item)
                && (category == null || category.equals(categories.get(item)));
          } catch (Exception e) {
            throw new IllegalStateException("cannot read state of user " + user, e);
          }
        };
    int n = scoring.n(header.n());
    TrendingItems trending =
        ctx.getBroadcastState(TRENDING).get(category == null ? TrendingItems.GLOBAL : category);
    List<ScoredItem> items =
        scoring.rank(
            RequestAssembly.candidates(request, ctx.getBroadcastState(CANDIDATES)),
            n,
            allowed,
            trending,
            !header.finalRequest());
    out.collect(new Recommendations(user, items, header.time(), header.finalRequest()));
    if (!header.finalRequest()) { // a final request answers the end of input, not an arrival
      latency.update(clock.millis() - header.arrivalMillis());
    }
  }
}
