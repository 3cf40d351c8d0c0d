package io.recs.similarity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The similarity stage's heap cache of rows and lists on a serializing state backend: the most
 * recently used items' rows, lists and last emitted lists, with the changes not yet written to
 * keyed state marked. Bounded by the number of row entries it holds; the least recently used items
 * leave first, written back if they changed.
 *
 * <p>Only bookkeeping: {@link SimilarityFunction} loads entries from keyed state and writes them
 * back, under each entry's key, when they leave and before every checkpoint barrier.
 */
final class RowCache {

  /** One item's row and lists as cached, with what changed since they were last written. */
  static final class Entry {
    final String item;

    /**
     * The row entries read or changed since the item entered the cache; all of the row once {@link
     * #complete}. When the function appends {@link RowDeltas} instead, the additions not written
     * yet.
     */
    final CooccurrenceRow row = new CooccurrenceRow();

    /** Whether {@link #row} holds every entry of the row, so that an absent column is new. */
    boolean complete;

    Neighbours list;

    /** The last emitted list, or null if none was; valid once {@link #emittedLoaded}. */
    Neighbours emitted;

    boolean emittedLoaded;
    boolean listChanged;
    boolean emittedChanged;

    /** Indices of row entries changed since the last write, each once. */
    private int[] changedColumns = new int[8];

    private int changedCount;
    private final BitSet changedMarks = new BitSet();

    /**
     * The entry of {@code item} with its list, and its row not read yet; for a new item ({@code
     * created}), an empty row, complete, and a list to be written.
     */
    Entry(String item, Neighbours list, boolean created) {
      this.item = item;
      this.list = list;
      this.complete = created;
      this.emittedLoaded = created;
      this.listChanged = created;
    }

    /**
     * Adds {@code delta} to the row entry of {@code column}, creating it with {@code delta} if it
     * is not cached, and marks it changed; the new co-occurrence count.
     */
    double add(String column, double delta) {
      int index = row.addAt(column, delta);
      if (!changedMarks.get(index)) {
        changedMarks.set(index);
        if (changedCount == changedColumns.length) {
          changedColumns = Arrays.copyOf(changedColumns, 2 * changedCount);
        }
        changedColumns[changedCount++] = index;
      }
      return row.counts[index];
    }

    boolean changed() {
      return listChanged || emittedChanged || changedCount > 0;
    }

    int changedColumns() {
      return changedCount;
    }

    /** The index in the row of the {@code k}-th changed entry. */
    int changedColumn(int k) {
      return changedColumns[k];
    }

    /** Marks everything written. */
    void written() {
      listChanged = false;
      emittedChanged = false;
      changedCount = 0;
      changedMarks.clear();
    }
  }

  private final long capacity;
  private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
  private long columns;

  /** A cache that holds rows of at most {@code capacity} entries in all (one row at least). */
  RowCache(long capacity) {
    this.capacity = capacity;
  }

  /** The cached entry of {@code item}, now the most recently used, or null. */
  Entry get(String item) {
    return entries.get(item);
  }

  void put(Entry entry) {
    entries.put(entry.item, entry);
    columns += entry.row.size;
  }

  /** Whether {@code rowEntries} more row entries fit without evicting anything. */
  boolean hasRoomFor(int rowEntries) {
    return columns + rowEntries <= capacity;
  }

  /** Accounts for {@code added} new row entries of a cached row. */
  void grew(int added) {
    columns += added;
  }

  /**
   * Removes the least recently used entries until the cache is within its capacity, never {@code
   * keep}; the removed entries that changed, to be written back.
   */
  List<Entry> evict(String keep) {
    List<Entry> changed = List.of();
    Iterator<Entry> eldest = entries.values().iterator();
    while (columns > capacity && eldest.hasNext()) {
      Entry entry = eldest.next();
      if (entry.item.equals(keep)) {
        continue;
      }
      eldest.remove();
      columns -= entry.row.size;
      if (entry.changed()) {
        if (changed.isEmpty()) {
          changed = new ArrayList<>();
        }
        changed.add(entry);
      }
    }
    return changed;
  }

  /**
   * Empties the row of a cached entry whose row holds only additions not written yet ({@link
   * RowDeltas}), once they are written.
   */
  void clearRow(Entry entry) {
    columns -= entry.row.size;
    entry.row.clear();
    entry.complete = false;
  }

  /** The cached entries that changed since they were last written. */
  List<Entry> changed() {
    List<Entry> changed = new ArrayList<>();
    for (Entry entry : entries.values()) {
      if (entry.changed()) {
        changed.add(entry);
      }
    }
    return changed;
  }
}
