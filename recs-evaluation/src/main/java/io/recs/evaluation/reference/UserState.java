package io.recs.evaluation.reference;

import io.recs.event.Interaction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The seen set and recent history of one user, as docs/architecture.md defines them, with the
 * decayed affinity of each history entry (docs/recommendations.md, step 1).
 */
final class UserState {
  private final Set<String> seen = new LinkedHashSet<>();
  // Most recent first: index 0 is the item of the user's latest event.
  private final List<HistoryEntry> history = new ArrayList<>();
  // Of the items in history only: an evicted entry starts again at 0 when re-added.
  private final Map<String, DecayedAffinity> affinities = new HashMap<>();
  private long latestTime = Long.MIN_VALUE;
  // Item → Σ W² of the item's history entries evicted so far, W the entry's accumulated weight.
  private final Map<String, Double> evictedSquares = new HashMap<>();

  Set<String> seen() {
    return seen;
  }

  List<HistoryEntry> history() {
    return history;
  }

  /** Adds the item to the seen set if it is new and there is room; true when it was added. */
  boolean touch(String itemId, int maxItemsPerUser) {
    if (seen.contains(itemId) || seen.size() >= maxItemsPerUser) {
      return false;
    }
    seen.add(itemId);
    return true;
  }

  /** The latest event time of the user. */
  long latestTime() {
    return latestTime;
  }

  /** The affinity of a history entry at {@code time}, or 0 when the item is not in the history. */
  double affinityAt(String itemId, long time) {
    DecayedAffinity affinity = affinities.get(itemId);
    return affinity == null ? 0 : affinity.at(time);
  }

  /**
   * Moves the event's item to the front, adding its weight and affinity, and evicts beyond the
   * size.
   */
  void record(Interaction event, int historySize, long halfLifeMs) {
    latestTime = Math.max(latestTime, event.timestamp());
    affinities
        .computeIfAbsent(event.itemId(), i -> new DecayedAffinity(halfLifeMs, event.timestamp()))
        .add(event.weight(), event.timestamp());
    double accumulated = event.weight();
    for (int k = 0; k < history.size(); k++) {
      if (history.get(k).itemId().equals(event.itemId())) {
        accumulated += history.remove(k).accumulatedWeight();
        break;
      }
    }
    history.add(0, new HistoryEntry(event.itemId(), accumulated, event.timestamp()));
    while (history.size() > historySize) {
      HistoryEntry evicted = history.remove(history.size() - 1);
      affinities.remove(evicted.itemId());
      evictedSquares.merge(
          evicted.itemId(), evicted.accumulatedWeight() * evicted.accumulatedWeight(), Double::sum);
    }
  }

  /**
   * The user's contribution to an item's squared weighted norm: the sum, over the item's stays in
   * the history (each ended by an eviction, and the current one), of the square of the weight
   * accumulated during the stay.
   */
  double squaredWeight(String itemId) {
    double sum = evictedSquares.getOrDefault(itemId, 0.0);
    for (HistoryEntry entry : history) {
      if (entry.itemId().equals(itemId)) {
        sum += entry.accumulatedWeight() * entry.accumulatedWeight();
      }
    }
    return sum;
  }
}
