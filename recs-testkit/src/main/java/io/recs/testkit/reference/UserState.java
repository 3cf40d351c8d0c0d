package io.recs.testkit.reference;

import io.recs.event.Interaction;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The seen set and recent history of one user, as docs/architecture.md defines them. */
final class UserState {
  private final Set<String> seen = new LinkedHashSet<>();
  // Most recent first: index 0 is the item of the user's latest event.
  private final List<HistoryEntry> history = new ArrayList<>();

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

  /** Moves the event's item to the front, adding its weight, and evicts beyond the size. */
  void record(Interaction event, int historySize) {
    double accumulated = event.weight();
    for (int k = 0; k < history.size(); k++) {
      if (history.get(k).itemId().equals(event.itemId())) {
        accumulated += history.remove(k).accumulatedWeight();
        break;
      }
    }
    history.add(0, new HistoryEntry(event.itemId(), accumulated, event.timestamp()));
    while (history.size() > historySize) {
      history.remove(history.size() - 1);
    }
  }
}
