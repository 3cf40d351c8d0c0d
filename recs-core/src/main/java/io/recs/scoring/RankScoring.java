package io.recs.scoring;

import io.recs.event.ScoredItem;
import io.recs.event.TrendingItems;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.FunctionInitializationContext;

/**
 * The scoring part of the ranking stage, one per ranking subtask: ranks a request's {@link
 * SeedCandidates} with the configured scorer or {@link LinearScoring linear model}, applies the
 * blocklist, the user's filter and the boosts, backfills from trending items, and, when the model
 * learns, either keeps each user's last candidates and learns from the user's next interaction
 * ({@link LearningSignal#NEXT_EVENT}), or learns at once from an item of the user's history held
 * out from the request ({@link LearningSignal#HELD_OUT}).
 *
 * <p>Learning state: the weights are operator state (union list state, one copy per subtask): a
 * restored subtask, at any parallelism, starts from the average of all restored copies; with the
 * next-event signal, the kept candidates are keyed state of the user (the held-out signal keeps
 * none). Metrics: {@code learnedPairs} (pairwise updates) and {@code positivesNotKept}
 * (interactions whose item was not among the kept candidates; with the held-out signal, requests
 * whose held-out item was not a candidate of the other seeds). Not thread-safe.
 */
@Internal
public final class RankScoring {
  private final ScoringConfig config;
  private final Ranking ranking = new Ranking();
  private final TrendingScores trendingScores = new TrendingScores();
  private LinearRanking linear;
  private ListState<LearnedWeights> weightsState;
  private ValueState<KeptCandidates> kept;
  private Counter learnedPairs;
  private Counter positivesNotKept;

  /** Scoring as {@code config} says. */
  public RankScoring(ScoringConfig config) {
    this.config = config;
  }

  /** Restores the learned weights, with linear scoring; call from {@code initializeState}. */
  public void initializeState(FunctionInitializationContext context, int subtask) throws Exception {
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
    linear = new LinearRanking(linearConfig, model, new Random(linearConfig.seed() + subtask));
  }

  /** Keeps the current weights in operator state; call from {@code snapshotState}. */
  public void snapshotState() throws Exception {
    if (linear != null) {
      weightsState.update(List.of(linear.model().export()));
    }
  }

  /** Opens the keyed state and metrics of learning; call from {@code open}. */
  public void open(RuntimeContext context) {
    LinearScoring linearConfig = config.linear();
    if (linearConfig != null && linear == null) { // not run through initializeState
      linear =
          new LinearRanking(
              linearConfig,
              LinearModel.of(linearConfig.featureNames(), linearConfig.startWeights()),
              new Random(linearConfig.seed()));
    }
    if (linear != null && linearConfig.learning()) {
      if (linearConfig.signal() == LearningSignal.NEXT_EVENT) {
        kept =
            context.getState(
                new ValueStateDescriptor<>(
                    "kept-candidates", TypeInformation.of(KeptCandidates.class)));
      }
      learnedPairs = context.getMetricGroup().counter("learnedPairs");
      positivesNotKept = context.getMetricGroup().counter("positivesNotKept");
    }
  }

  /** The number of items a request for {@code requested} items (0 for the default) gets. */
  public int n(int requested) {
    return requested == 0 ? config.n() : requested;
  }

  /** Whether the configuration lets {@code item} be recommended to {@code user}. */
  public boolean allows(String user, String item) {
    return !config.blocklist().contains(item)
        && (config.filter() == null || config.filter().allows(user, item));
  }

  /**
   * Pairwise updates from the current user's choice of {@code item} after their last list; nothing
   * unless the model learns.
   */
  public void learnFrom(String item) throws Exception {
    if (kept == null) {
      return;
    }
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

  /** Pairwise updates from an item of the current user's history held out from the last request. */
  private void learnHeldOut(SeedCandidates parts) {
    KeptCandidates sample = ranking.heldOut(parts, linear);
    int pairs =
        sample == null ? 0 : linear.model().learnLast(sample, config.linear(), linear.random());
    if (pairs > 0) {
      learnedPairs.inc(pairs);
    } else {
      positivesNotKept.inc();
    }
  }

  /**
   * The current user's top {@code n} items.
   *
   * @param allowed whether a candidate may be recommended
   * @param trending the trending list of the request's scope, or null: for the backfill and the
   *     linear model's trending feature
   * @param keep whether the user's next interaction is to be learned from this list
   */
  public List<ScoredItem> rank(
      SeedCandidates parts, int n, Predicate<String> allowed, TrendingItems trending, boolean keep)
      throws Exception {
    if (linear != null) {
      linear.trending(trendingScores.of(trending));
    }
    List<ScoredItem> items = new ArrayList<>(ranking.rank(parts, n, allowed, config, linear));
    if (kept != null && keep) {
      kept.update(linear.kept());
    } else if (keep && linear != null && linear.learnsHeldOut()) {
      learnHeldOut(parts);
    }
    if (config.trendingBackfill() && items.size() < n && trending != null) {
      Ranking.backfill(items, trending.items(), n, allowed);
    }
    return items;
  }

  /** This subtask's current weights, or null without linear scoring. */
  public LearnedWeights weights() {
    return linear == null ? null : linear.model().export();
  }
}
