package io.recs.similarity;

import io.recs.event.ItemCategory;
import io.recs.event.ItemCount;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Keyed by item: counts the item's users n(i) and fans each {@link Touch} out into co-occurrence
 * {@link RowUpdate}s for both directions, for the first {@code maxUsersPerItem} users of the item
 * (by default all of them). The first users are those that arrive first: at parallelism above 1 the
 * touches of an item come from several user subtasks in an order that varies between runs, so a cap
 * that an item reaches makes its pairs, and the lists built from them, irreproducible.
 *
 * <p>The new item's row gets one update with all partners; each partner's row gets one update with
 * the new item. Every count change goes to the {@link #ITEM_COUNTS} side output. With {@code
 * weighted}, repeat touches (a user's later actions on an item) add their deltas to the pairs but
 * do not count the user again, and every touch grows the item's squared weighted norm ‖i‖² = Σ_u
 * W_u(i)², sent with the count to the {@link #ITEM_NORMS} side output.
 */
@Internal
public final class ItemCountFunction extends KeyedProcessFunction<String, Touch, RowUpdate> {
  private static final long serialVersionUID = 1L;

  /** The item count after every touch. */
  public static final OutputTag<ItemCount> ITEM_COUNTS =
      new OutputTag<>("recs-item-counts", TypeInformation.of(ItemCount.class));

  /** An item's category when it first becomes known or changes. */
  public static final OutputTag<ItemCategory> ITEM_CATEGORIES =
      new OutputTag<>("recs-item-categories", TypeInformation.of(ItemCategory.class));

  /**
   * With {@code weighted}: the item's user count and squared weighted norm after every touch, for
   * the similarity stage's broadcast input.
   */
  public static final OutputTag<CountUpdate> ITEM_NORMS =
      new OutputTag<>("recs-item-norms", TypeInformation.of(CountUpdate.class));

  private final int maxUsersPerItem;
  private final boolean weighted;

  private transient ValueState<Long> users;
  private transient ValueState<String> category;
  private transient ValueState<Double> norm;
  private transient Counter cappedTouches;

  /** A function that lets the first {@code maxUsersPerItem} users of an item generate pairs. */
  public ItemCountFunction(int maxUsersPerItem) {
    this(maxUsersPerItem, false);
  }

  /**
   * A function that lets the first {@code maxUsersPerItem} users of an item generate pairs, and
   * with {@code weighted} also keeps the item's squared weighted norm ‖i‖² and lets repeat touches
   * add to the pairs while the item has at most {@code maxUsersPerItem} users.
   */
  public ItemCountFunction(int maxUsersPerItem, boolean weighted) {
    this.maxUsersPerItem = maxUsersPerItem;
    this.weighted = weighted;
  }

  @Override
  public void open(OpenContext openContext) {
    users = getRuntimeContext().getState(new ValueStateDescriptor<>("users", Types.LONG));
    category = getRuntimeContext().getState(new ValueStateDescriptor<>("category", Types.STRING));
    if (weighted) { // a state of its own: unweighted state stays as it was
      norm = getRuntimeContext().getState(new ValueStateDescriptor<>("norm", Types.DOUBLE));
    }
    cappedTouches = getRuntimeContext().getMetricGroup().counter("cappedTouches");
  }

  @Override
  public void processElement(Touch touch, Context ctx, Collector<RowUpdate> out) throws Exception {
    Long current = users.value();
    long count;
    if (touch.repeat()) {
      count = current == null ? 0 : current;
    } else {
      count = current == null ? 1 : current + 1;
      users.update(count);
      ctx.output(ITEM_COUNTS, new ItemCount(touch.item(), count, touch.time()));
    }
    if (weighted) {
      Double before = norm.value();
      double after = (before == null ? 0 : before) + touch.normDelta();
      norm.update(after);
      ctx.output(ITEM_NORMS, new CountUpdate(touch.item(), count, after));
    }
    if (touch.category() != null && !touch.category().equals(category.value())) {
      category.update(touch.category());
      ctx.output(ITEM_CATEGORIES, new ItemCategory(touch.item(), touch.category()));
    }
    // A repeat touch cannot tell whether its user was one of the first users, so once the item
    // has more users than the cap, repeats add no pairs.
    if (count > maxUsersPerItem) {
      cappedTouches.inc();
      return;
    }
    String[] partners = touch.partners();
    if (partners.length == 0) {
      return;
    }
    double[] deltas = touch.deltas();
    out.collect(
        new RowUpdate(
            touch.item(), partners, deltas, touch.time(), count, new long[partners.length]));
    String[] self = {touch.item()};
    long[] selfCount = {count};
    for (int k = 0; k < partners.length; k++) {
      out.collect(
          new RowUpdate(partners[k], self, new double[] {deltas[k]}, touch.time(), 0, selfCount));
    }
  }
}
