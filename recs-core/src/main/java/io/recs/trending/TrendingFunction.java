package io.recs.trending;

import io.recs.event.Interaction;
import io.recs.event.ScoredItem;
import io.recs.event.TrendingItems;
import io.recs.similarity.Neighbours;
import java.util.ArrayList;
import java.util.List;
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
  private transient double halfLifeMs;
  private transient long intervalMs;

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
    halfLifeMs = config.halfLife().toMillis();
    intervalMs = config.emitInterval().toMillis();
  }

  @Override
  public void processElement(Interaction event, Context ctx, Collector<TrendingItems> out)
      throws Exception {
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
    } else if (pendingTimer.value() == null) {
      long at = (Math.floorDiv(event.timestamp(), intervalMs) + 1) * intervalMs;
      ctx.timerService().registerEventTimeTimer(at);
      pendingTimer.update(at);
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<TrendingItems> out)
      throws Exception {
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
