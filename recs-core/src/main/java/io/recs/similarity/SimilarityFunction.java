package io.recs.similarity;

import io.recs.event.SimilarItems;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by item: keeps the item's co-occurrence row and its top-K neighbours, and emits {@link
 * SimilarItems} when the ordered neighbour list changes.
 *
 * <p>Item counts and the user total arrive on a broadcast input and are held by every subtask (one
 * long per item; with {@code weighted}, also one double per item, its squared weighted norm, which
 * the measures then use in place of the count). A row update rescores only the changed columns,
 * with the counts as they are then; other entries keep the score they had when last computed. So
 * between recomputations the list can be slightly stale. It is recomputed from the whole row on
 * every emission timer (with {@code emitInterval}) and when the input ends (an event-time timer at
 * the end of time), so a drained bounded input leaves exact lists computed from final counts.
 */
@Internal
public final class SimilarityFunction
    extends KeyedBroadcastProcessFunction<String, RowUpdate, CountUpdate, SimilarItems> {
  private static final long serialVersionUID = 1L;

  /** The broadcast item counts: item id (or {@link CountUpdate#TOTAL_USERS}) to count. */
  public static final MapStateDescriptor<String, Long> COUNTS =
      new MapStateDescriptor<>("recs-counts", Types.STRING, Types.LONG);

  /**
   * With {@code weighted} only, the broadcast squared weighted norms: item id to ‖i‖². A state of
   * its own, declared only when weighted, so that unweighted state stays as it was.
   */
  public static final MapStateDescriptor<String, Double> NORMS =
      new MapStateDescriptor<>("recs-norms", Types.STRING, Types.DOUBLE);

  private static final long END_OF_INPUT = Long.MAX_VALUE;

  private final SimilarityConfig config;

  private transient ValueState<CooccurrenceRow> row;
  private transient ValueState<Neighbours> current;
  private transient ValueState<Neighbours> emitted;
  private transient ValueState<Long> pendingTimer;
  private transient long intervalMs;

  /** A function with the given configuration. */
  public SimilarityFunction(SimilarityConfig config) {
    this.config = config;
  }

  @Override
  public void open(OpenContext openContext) {
    row =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("row", TypeInformation.of(CooccurrenceRow.class)));
    TypeInformation<Neighbours> type = TypeInformation.of(Neighbours.class);
    current = getRuntimeContext().getState(new ValueStateDescriptor<>("current", type));
    emitted = getRuntimeContext().getState(new ValueStateDescriptor<>("emitted", type));
    pendingTimer = getRuntimeContext().getState(new ValueStateDescriptor<>("timer", Types.LONG));
    intervalMs = config.emitInterval().toMillis();
  }

  @Override
  public void processBroadcastElement(CountUpdate update, Context ctx, Collector<SimilarItems> out)
      throws Exception {
    BroadcastState<String, Long> counts = ctx.getBroadcastState(COUNTS);
    Long known = counts.get(update.item());
    if (known == null || known < update.count()) {
      counts.put(update.item(), update.count());
    }
    if (config.weighted() && !CountUpdate.TOTAL_USERS.equals(update.item())) {
      BroadcastState<String, Double> norms = ctx.getBroadcastState(NORMS);
      Double knownNorm = norms.get(update.item());
      if (knownNorm == null || knownNorm < update.norm()) {
        norms.put(update.item(), update.norm());
      }
    }
  }

  @Override
  public void processElement(RowUpdate update, ReadOnlyContext ctx, Collector<SimilarItems> out)
      throws Exception {
    ReadOnlyBroadcastState<String, Long> counts = ctx.getBroadcastState(COUNTS);
    ReadOnlyBroadcastState<String, Double> norms =
        config.weighted() ? ctx.getBroadcastState(NORMS) : null;
    double rowCount =
        norms != null
            ? norm(norms, update.row())
            : Math.max(update.rowCount(), count(counts, update.row()));
    double users = count(counts, CountUpdate.TOTAL_USERS);
    Neighbours list = current.value();
    if (list == null) {
      list = new Neighbours();
      ctx.timerService().registerEventTimeTimer(END_OF_INPUT);
    }
    list.time = Math.max(list.time, update.time());
    boolean changed = false;
    String[] cols = update.cols();
    double[] deltas = update.deltas();
    long[] colCounts = update.colCounts();
    CooccurrenceRow entries = row.value();
    if (entries == null) {
      entries = new CooccurrenceRow();
    }
    for (int k = 0; k < cols.length; k++) {
      double c = entries.add(cols[k], deltas[k]);
      double colCount =
          norms != null ? norm(norms, cols[k]) : Math.max(colCounts[k], count(counts, cols[k]));
      double score = score(c, rowCount, colCount, users);
      changed |= list.offer(cols[k], score, config.neighbours());
    }
    row.update(entries);
    list.rowSize = entries.size;
    list.updatesSinceRecompute += cols.length;
    if (config.measure() != SimilarityMeasure.COOCCURRENCE
        && list.updatesSinceRecompute >= Math.max(config.neighbours(), list.rowSize)) {
      // Scores of entries that did not change were computed with the counts of their time;
      // recomputing the row once per rowSize updates bounds that drift at O(K) amortised work.
      Neighbours fresh = recompute(entries, rowCount, counts, norms);
      fresh.time = list.time;
      fresh.rowSize = list.rowSize;
      changed |= !fresh.sameItems(list);
      list = fresh;
    }
    current.update(list);
    if (!changed) {
      return;
    }
    if (intervalMs == 0) {
      emitIfChanged(update.row(), list, false, out);
    } else if (pendingTimer.value() == null) {
      long at = (Math.floorDiv(update.time(), intervalMs) + 1) * intervalMs;
      ctx.timerService().registerEventTimeTimer(at);
      pendingTimer.update(at);
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<SimilarItems> out)
      throws Exception {
    Neighbours previous = current.value();
    ReadOnlyBroadcastState<String, Long> counts = ctx.getBroadcastState(COUNTS);
    ReadOnlyBroadcastState<String, Double> norms =
        config.weighted() ? ctx.getBroadcastState(NORMS) : null;
    CooccurrenceRow entries = row.value();
    Neighbours list =
        recompute(
            entries == null ? new CooccurrenceRow() : entries,
            norms != null ? norm(norms, ctx.getCurrentKey()) : count(counts, ctx.getCurrentKey()),
            counts,
            norms);
    list.time = previous == null ? timestamp : previous.time;
    list.rowSize = previous == null ? 0 : previous.rowSize;
    current.update(list);
    boolean endOfInput = timestamp == END_OF_INPUT;
    if (!endOfInput) {
      pendingTimer.clear();
    }
    // At the end of input the scores are final too, so a list with changed scores is re-emitted.
    emitIfChanged(ctx.getCurrentKey(), list, endOfInput, out);
  }

  /**
   * The list from the whole row with the counts (weighted: the norms) known now; resets the drift
   * counter.
   */
  private Neighbours recompute(
      CooccurrenceRow entries,
      double rowCount,
      ReadOnlyBroadcastState<String, Long> counts,
      ReadOnlyBroadcastState<String, Double> norms)
      throws Exception {
    double users = count(counts, CountUpdate.TOTAL_USERS);
    double[] scores = new double[entries.size];
    for (int k = 0; k < entries.size; k++) {
      String col = entries.items[k];
      scores[k] =
          score(
              entries.counts[k],
              rowCount,
              norms != null ? norm(norms, col) : count(counts, col),
              users);
    }
    return Neighbours.top(entries.items, scores, entries.size, config.neighbours());
  }

  private void emitIfChanged(
      String item, Neighbours list, boolean compareScores, Collector<SimilarItems> out)
      throws Exception {
    Neighbours last = emitted.value();
    if (compareScores ? !list.sameAs(last) : !list.sameItems(last)) {
      emitted.update(list.copy());
      out.collect(new SimilarItems(item, list.toScoredItems(), list.time));
    }
  }

  /** The similarity; {@code a} and {@code b} are counts, or when weighted, squared norms. */
  private double score(double c, double a, double b, double users) {
    return config.weighted()
        ? Similarities.weightedScore(config.measure(), c, a, b, users)
        : Similarities.score(config.measure(), c, a, b, users);
  }

  private static double norm(ReadOnlyBroadcastState<String, Double> norms, String key)
      throws Exception {
    Double value = norms.get(key);
    return value == null ? 0 : value;
  }

  private static double count(ReadOnlyBroadcastState<String, Long> counts, String key)
      throws Exception {
    Long value = counts.get(key);
    return value == null ? 0 : value;
  }
}
