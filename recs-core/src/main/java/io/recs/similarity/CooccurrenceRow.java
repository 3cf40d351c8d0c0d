package io.recs.similarity;

import java.util.Arrays;
import org.apache.flink.annotation.Internal;

/**
 * One item's co-occurrence row: the co-occurring items and their co-occurrence counts, in insertion
 * order, with an open-addressing index so that adding to a count is one hash probe.
 *
 * <p>Kept in keyed state as one value (one state access per update message instead of two per
 * column with a {@code MapState}). Mutable and public only so that Flink's POJO serializer can keep
 * it; the index is transient and rebuilt on first use after deserialization.
 */
@Internal
public final class CooccurrenceRow {
  /** Co-occurring item ids; entries {@code [0, size)} are valid. */
  public String[] items = new String[0];

  /** Co-occurrence counts, parallel to {@link #items}. */
  public double[] counts = new double[0];

  /** Number of valid entries. */
  public int size;

  /** Slot to entry index + 1; 0 marks an empty slot. Length a power of two, at least 2 × size. */
  private transient int[] slots;

  /**
   * The hash code of each slot's item, parallel to {@link #slots}: a probe compares it before it
   * touches the item, so that a collision costs no memory access outside this array.
   */
  private transient int[] slotHashes;

  /** For Flink's serializer. */
  public CooccurrenceRow() {}

  /**
   * Adds {@code delta} to the count of {@code item}, creating the entry if needed; the new count.
   */
  public double add(String item, double delta) {
    int index = addAt(item, delta); // before reading counts, which addAt may replace
    return counts[index];
  }

  /**
   * Adds {@code delta} to the count of {@code item}, creating the entry if needed; the entry's
   * index in {@link #items} and {@link #counts}.
   */
  int addAt(String item, double delta) {
    if (slots == null || 2 * (size + 1) > slots.length) {
      reindex(Math.max(16, Integer.highestOneBit(Math.max(1, size + 1) * 4)));
    }
    int hash = item.hashCode();
    int slot = slotOf(item, hash);
    int entry = slots[slot];
    if (entry != 0) {
      counts[entry - 1] += delta;
      return entry - 1;
    }
    if (size == items.length) {
      int length = Math.max(8, items.length * 2);
      items = Arrays.copyOf(items, length);
      counts = Arrays.copyOf(counts, length);
    }
    items[size] = item;
    counts[size] = delta;
    size++;
    slots[slot] = size;
    slotHashes[slot] = hash;
    return size - 1;
  }

  /** Removes every entry. */
  void clear() {
    items = new String[0];
    counts = new double[0];
    size = 0;
    slots = null;
    slotHashes = null;
  }

  /** Whether {@code item} has an entry. */
  boolean contains(String item) {
    if (size == 0) {
      return false;
    }
    if (slots == null) {
      reindex(Math.max(16, Integer.highestOneBit(size * 4)));
    }
    return slots[slotOf(item, item.hashCode())] != 0;
  }

  /** The slot that holds {@code item}, or the empty slot where it would go. */
  private int slotOf(String item, int hash) {
    int mask = slots.length - 1;
    int slot = spread(hash) & mask;
    while (true) {
      int entry = slots[slot];
      if (entry == 0 || (slotHashes[slot] == hash && items[entry - 1].equals(item))) {
        return slot;
      }
      slot = (slot + 1) & mask;
    }
  }

  private void reindex(int capacity) {
    slots = new int[capacity];
    slotHashes = new int[capacity];
    int mask = capacity - 1;
    for (int k = 0; k < size; k++) {
      int hash = items[k].hashCode();
      int slot = spread(hash) & mask;
      while (slots[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      slots[slot] = k + 1;
      slotHashes[slot] = hash;
    }
  }

  private static int spread(int hash) {
    int mixed = hash * 0x9E3779B9;
    return mixed ^ (mixed >>> 16);
  }
}
