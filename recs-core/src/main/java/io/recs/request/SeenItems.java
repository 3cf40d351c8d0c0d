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

  /** Items seen, as versions before seen times were kept wrote them; moved by {@link #migrate}. */
  private MapState<String, Boolean> seen;

  /** Items seen, by the event time of the first interaction that excludes them. */
  private MapState<String, Long> seenAt;

  private ValueState<Integer> seenCount;

  SeenItems(SeenFilter filter, int maxSeenItems) {
    this.filter = filter;
    this.maxSeenItems = maxSeenItems;
  }

  void open(RuntimeContext context) {
    seen = context.getMapState(new MapStateDescriptor<>("seen", Types.STRING, Types.BOOLEAN));
    seenAt = context.getMapState(new MapStateDescriptor<>("seen-at", Types.STRING, Types.LONG));
    seenCount = context.getState(new ValueStateDescriptor<>("seen-count", Types.INT));
  }

  /**
   * Remembers that the current user interacted with {@code item} through {@code action} at event
   * time {@code time}; an earlier time replaces a later one (notices can arrive out of order).
   */
  void mark(String item, String action, long time) throws Exception {
    if (!filter.excludes(action)) {
      return;
    }
    Long at = seenAt.get(item);
    if (at == null) {
      // only a first touch can find the item among those of an earlier version
      migrate();
      at = seenAt.get(item);
    }
    if (at != null) {
      if (time < at) {
        seenAt.put(item, time);
      }
      return;
    }
    Integer count = seenCount.value();
    int current = count == null ? 0 : count;
    if (current < maxSeenItems) {
      seenAt.put(item, time);
      seenCount.update(current + 1);
    }
  }

  /**
   * Whether the current user had seen {@code item} by event time {@code time}: a list answers its
   * request as of the request's time, so an interaction that happened after it (its notice
   * overtaking the request's parts) does not exclude the item from it.
   */
  boolean containsAsOf(String item, long time) throws Exception {
    Long at = seenAt.get(item);
    return at != null && at <= time;
  }

  /**
   * Moves the current user's items restored from a checkpoint of an earlier version (kept without
   * their time) into the timed map, as seen before any request. Called before the user's items are
   * read or written; a seek on an empty map once the user's state is migrated.
   */
  void migrate() throws Exception {
    if (seen.isEmpty()) {
      return;
    }
    for (String item : seen.keys()) {
      seenAt.put(item, Long.MIN_VALUE);
    }
    seen.clear();
  }
}
