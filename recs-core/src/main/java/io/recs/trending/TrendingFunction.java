package io.recs.trending;

import io.recs.config.EmitInterval;
import io.recs.event.Interaction;
import io.recs.event.ScoredItem;
import io.recs.event.TrendingItems;
import io.recs.similarity.Neighbours;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by scope ({@link TrendingItems#GLOBAL} or a category): decayed popularity per item and the
 * current top list, emitted as {@link TrendingItems} when the ordered list changes.
 *
 * <p>Popularity at time T is Σ w·2^(−(T − t)/h) over the item's interactions. Because the decay
 * factor is common to all items at any T, the order is that of Σ w·2^(t/h), which only grows and
 * does not depend on arrival order (forward decay, Cormode et al., ICDE 2009). It is kept as a
 * base-2 logarithm so that long streams cannot overflow.
 *
 * <p>The stored sums depend on the half-life. Each scope keeps the half-life they were computed
 * with, so that a job restored from a savepoint with another half-life converts them on the scope's
 * next event or timer: each item keeps its popularity at the scope's latest event time and decays
 * with the new half-life from there. (Savepoints taken before the half-life was stored are taken to
 * have the configured one.)
 */
@Internal
public final class TrendingFunction
    extends KeyedProcessFunction<String, Interaction, TrendingItems> {
  private static final long serialVersionUID = 1L;

  private static final long END_OF_INPUT = Long.MAX_VALUE;

  private final TrendingConfig config;

  private transient MapState<String, Double> logPopularity;
  private transient ValueState<Neighbours> top;
  private transient ValueState<Neighbours> emitted;
  private transient ValueState<Long> latest;
  private transient ValueState<Long> pendingTimer;
  private transient ValueState<Double> storedHalfLifeMs;
  private transient double halfLifeMs;
  private transient long intervalMs;

  /** Whether lists are emitted only by the end-of-input timer. */
  private transient boolean atEndOnly;

  /** A function with the given configuration. */
  public TrendingFunction(TrendingConfig config) {
    this.config = config;
  }

  @Override
  public void open(OpenContext openContext) {
    logPopularity =
        getRuntimeContext()
            .getMapState(new MapStateDescriptor<>("popularity", Types.STRING, Types.DOUBLE));
    TypeInformation<Neighbours> type = TypeInformation.of(Neighbours.class);
    top = getRuntimeContext().getState(new ValueStateDescriptor<>("top", type));
    emitted = getRuntimeContext().getState(new ValueStateDescriptor<>("emitted", type));
    latest = getRuntimeContext().getState(new ValueStateDescriptor<>("latest", Types.LONG));
    pendingTimer = getRuntimeContext().getState(new ValueStateDescriptor<>("timer", Types.LONG));
    storedHalfLifeMs =
        getRuntimeContext().getState(new ValueStateDescriptor<>("half-life-ms", Types.DOUBLE));
    halfLifeMs = config.halfLife().toMillis();
    intervalMs = config.emitInterval().toMillis();
    atEndOnly = EmitInterval.endOfInput(config.emitInterval());
  }

  @Override
  public void processElement(Interaction event, Context ctx, Collector<TrendingItems> out)
      throws Exception {
    adoptHalfLife();
    Neighbours list = top.value();
    if (list == null) {
      list = new Neighbours();
      ctx.timerService().registerEventTimeTimer(END_OF_INPUT);
    }
    Long last = latest.value();
    long now = last == null ? event.timestamp() : Math.max(last, event.timestamp());
    latest.update(now);
    double contribution = Math.log(event.weight()) / Math.log(2) + event.timestamp() / halfLifeMs;
    Double old = logPopularity.get(event.itemId());
    double updated = old == null ? contribution : logAddExp2(old, contribution);
    logPopularity.put(event.itemId(), updated);
    boolean changed = event.weight() > 0 && list.offer(event.itemId(), updated, config.size());
    top.update(list);
    if (!changed) {
      return;
    }
    if (intervalMs == 0) {
      emitIfChanged(ctx.getCurrentKey(), list, now, false, out);
    } else if (!atEndOnly && pendingTimer.value() == null) {
      long at = (Math.floorDiv(event.timestamp(), intervalMs) + 1) * intervalMs;
      ctx.timerService().registerEventTimeTimer(at);
      pendingTimer.update(at);
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<TrendingItems> out)
      throws Exception {
    adoptHalfLife();
    Neighbours list = top.value();
    boolean endOfInput = timestamp == END_OF_INPUT;
    if (!endOfInput) {
      pendingTimer.clear();
    }
    emitIfChanged(ctx.getCurrentKey(), list, latest.value(), endOfInput, out);
  }

  private void emitIfChanged(
      String scope, Neighbours list, long now, boolean always, Collector<TrendingItems> out)
      throws Exception {
    Neighbours last = emitted.value();
    // At the end, scores matter too: a change that kept the order at the time of the last
    // emission would otherwise never be emitted.
    if (!list.sameItems(last) || (always && (last.time != now || !list.sameAs(last)))) {
      Neighbours copy = list.copy();
      copy.time = now;
      emitted.update(copy);
      out.collect(new TrendingItems(scope, decayedTo(list, now), now));
    }
  }

  /**
   * Converts this scope's sums if they were computed with another half-life: with T the scope's
   * latest event time, log2 popularity(T) = L − T/h_old is kept, so L becomes L − T/h_old +
   * T/h_new. The shift is the same for every item, so the order does not change.
   */
  private void adoptHalfLife() throws Exception {
    Double stored = storedHalfLifeMs.value();
    if (stored != null && stored == halfLifeMs) {
      return;
    }
    Long now = latest.value();
    if (stored != null && now != null) {
      double shift = now / halfLifeMs - now / stored;
      List<Map.Entry<String, Double>> entries = new ArrayList<>();
      logPopularity.entries().forEach(entries::add);
      for (Map.Entry<String, Double> entry : entries) {
        logPopularity.put(entry.getKey(), entry.getValue() + shift);
      }
      top.update(shifted(top.value(), shift));
      emitted.update(shifted(emitted.value(), shift));
    }
    storedHalfLifeMs.update(halfLifeMs);
  }

  private static Neighbours shifted(Neighbours list, double shift) {
    if (list != null) {
      for (int k = 0; k < list.size; k++) {
        list.scores[k] += shift;
      }
    }
    return list;
  }

  /** The list with scores as popularity at {@code now}: 2^(log − now/h). */
  private List<ScoredItem> decayedTo(Neighbours list, long now) {
    List<ScoredItem> items = new ArrayList<>(list.size);
    for (int k = 0; k < list.size; k++) {
      items.add(ScoredItem.of(list.items[k], Math.pow(2, list.scores[k] - now / halfLifeMs)));
    }
    return items;
  }

  /** log2(2^a + 2^b) without overflow. */
  static double logAddExp2(double a, double b) {
    double max = Math.max(a, b);
    double min = Math.min(a, b);
    if (min == Double.NEGATIVE_INFINITY) {
      return max;
    }
    return max + Math.log1p(Math.pow(2, min - max)) / Math.log(2);
  }
}
