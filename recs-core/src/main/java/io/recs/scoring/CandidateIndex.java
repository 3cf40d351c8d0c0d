package io.recs.scoring;

import java.util.Arrays;

/**
 * Numbers the distinct candidate items of one request 0, 1, 2, ... by open addressing, and is
 * reused from request to request: {@link #reset} clears only the slots the last request used.
 */
final class CandidateIndex {
  private String[] keys = new String[64];
  private int[] numbers = new int[64];
  private int[] used = new int[32];
  private int size;

  /** Forgets every item; makes room for {@code expected} items. */
  void reset(int expected) {
    if (2 * expected > keys.length) {
      int capacity = Integer.highestOneBit(Math.max(expected, 16) * 4);
      keys = new String[capacity];
      numbers = new int[capacity];
    } else {
      for (int k = 0; k < size; k++) {
        keys[used[k]] = null;
      }
    }
    if (used.length < expected) {
      used = new int[expected];
    }
    size = 0;
  }

  /** The number of {@code item}, assigning the next free number to a new item. */
  int numberOf(String item) {
    int slot = slotOf(item);
    if (keys[slot] != null) {
      return numbers[slot];
    }
    keys[slot] = item;
    numbers[slot] = size;
    if (size == used.length) {
      used = Arrays.copyOf(used, size * 2);
    }
    used[size] = slot;
    return size++;
  }

  /** The number of {@code item}, or -1 when it has none since the last reset. */
  int find(String item) {
    int slot = slotOf(item);
    return keys[slot] == null ? -1 : numbers[slot];
  }

  /** The slot holding {@code item}, or the empty slot where it would go. */
  private int slotOf(String item) {
    int mask = keys.length - 1;
    int hash = item.hashCode() * 0x9E3779B9;
    int slot = (hash ^ (hash >>> 16)) & mask;
    while (true) {
      String key = keys[slot];
      if (key == null || key == item || key.equals(item)) {
        return slot;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Number of distinct items since the last reset. */
  int size() {
    return size;
  }
}
