package io.recs.request;

import io.recs.scoring.SeenFilter;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * The ranking stage's seen set, keyed state of the current user: the items the {@link SeenFilter}
 * excludes, at most {@code maxSeenItems} (later ones are not remembered).
 */
final class SeenItems {
  private final SeenFilter filter;
  private final int maxSeenItems;
  private MapState<String, Boolean> seen;
  private ValueState<Integer> seenCount;

  SeenItems(SeenFilter filter, int maxSeenItems) {
    this.filter = filter;
    this.maxSeenItems = maxSeenItems;
  }

  void open(RuntimeContext context) {
    seen = context.getMapState(new MapStateDescriptor<>("seen", Types.STRING, Types.BOOLEAN));
    seenCount = context.getState(new ValueStateDescriptor<>("seen-count", Types.INT));
  }

  /** Remembers that the current user interacted with {@code item} through {@code action}. */
  void mark(String item, String action) throws Exception {
    if (!filter.excludes(action) || seen.contains(item)) {
      return;
    }
    Integer count = seenCount.value();
    int current = count == null ? 0 : count;
    if (current < maxSeenItems) {
      seen.put(item, Boolean.TRUE);
      seenCount.update(current + 1);
    }
  }

  /** Whether the current user has seen {@code item}. */
  boolean contains(String item) throws Exception {
    return seen.contains(item);
  }
}
