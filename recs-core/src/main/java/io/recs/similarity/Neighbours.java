package io.recs.similarity;

import io.recs.event.ScoredItem;
import io.recs.event.TieBreak;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.annotation.Internal;

/**
 * A bounded list of neighbours, best first, ties in {@link TieBreak} order.
 *
 * <p>Mutable and public only so that Flink's POJO serializer can keep it in keyed state.
 */
@Internal
public final class Neighbours {
  /** Item ids; entries {@code [0, size)} are valid. */
  public String[] items = new String[0];

  /** Scores, parallel to {@link #items}. */
  public double[] scores = new double[0];

  /** Hash codes of the items, parallel to {@link #items}: a cheap first test when searching. */
  public int[] hashes = new int[0];

  /** Number of valid entries. */
  public int size;

  /** Event time of the latest update that touched this list, epoch ms. */
  public long time;

  /**
   * Number of entries of the co-occurrence row this list is drawn from, or {@link
   * #ROW_SIZE_PENDING}.
   */
  public int rowSize;

  /** Column updates since the list was last recomputed from the whole row. */
  public int updatesSinceRecompute;

  /**
   * The {@link #rowSize} of a map-layout row with {@link RowDeltas} that are not summed into its
   * entries yet, so that its size is not known (see {@link SimilarityFunction}).
   */
  static final int ROW_SIZE_PENDING = -1;

  /** For Flink's serializer. */
  public Neighbours() {}

  /**
   * Puts {@code item} with its current score, keeping at most {@code capacity} entries.
   *
   * @return whether the ordered list of item ids changed
   */
  public boolean offer(String item, double score, int capacity) {
    int old = indexOf(item);
    if (old < 0 && size == capacity && !before(score, item, size - 1)) {
      return false;
    }
    if (old >= 0) {
      remove(old);
    } else if (size == capacity) {
      size--; // drop the last; the new entry beats it
    }
    int at = insertionPoint(score, item);
    insert(at, item, score);
    return old != at;
  }

  /**
   * The best {@code capacity} of {@code size} distinct items with their scores: the list that
   * offering them one by one would leave, built with a bounded heap instead.
   */
  public static Neighbours top(String[] items, double[] scores, int size, int capacity) {
    int[] heap = new int[Math.min(size, capacity)]; // worst of the kept entries at the root
    int kept = 0;
    for (int k = 0; k < size; k++) {
      if (kept < heap.length) {
        heap[kept] = k;
        siftUp(heap, kept++, items, scores);
      } else if (kept > 0 && ranksBefore(items, scores, k, heap[0])) {
        heap[0] = k;
        siftDown(heap, kept, items, scores);
      }
    }
    Neighbours list = new Neighbours();
    list.items = new String[kept];
    list.scores = new double[kept];
    list.hashes = new int[kept];
    for (int at = kept - 1; at >= 0; at--) { // the worst leaves the heap first
      int k = heap[0];
      heap[0] = heap[at];
      siftDown(heap, at, items, scores);
      list.items[at] = items[k];
      list.scores[at] = scores[k];
      list.hashes[at] = items[k].hashCode();
    }
    list.size = kept;
    return list;
  }

  private static boolean ranksBefore(String[] items, double[] scores, int x, int y) {
    int byScore = Double.compare(scores[x], scores[y]);
    return byScore > 0 || (byScore == 0 && TieBreak.compare(items[x], items[y]) < 0);
  }

  private static void siftUp(int[] heap, int at, String[] items, double[] scores) {
    while (at > 0) {
      int parent = (at - 1) >>> 1;
      if (!ranksBefore(items, scores, heap[parent], heap[at])) {
        return;
      }
      swap(heap, at, parent);
      at = parent;
    }
  }

  private static void siftDown(int[] heap, int size, String[] items, double[] scores) {
    int at = 0;
    while (true) {
      int left = 2 * at + 1;
      if (left >= size) {
        return;
      }
      int worse =
          left + 1 < size && ranksBefore(items, scores, heap[left], heap[left + 1])
              ? left + 1
              : left;
      if (!ranksBefore(items, scores, heap[at], heap[worse])) {
        return;
      }
      swap(heap, at, worse);
      at = worse;
    }
  }

  private static void swap(int[] heap, int x, int y) {
    int swap = heap[x];
    heap[x] = heap[y];
    heap[y] = swap;
  }

  /** Whether both lists hold the same items in the same order. */
  public boolean sameItems(Neighbours other) {
    if (other == null || size != other.size) {
      return false;
    }
    for (int k = 0; k < size; k++) {
      if (!items[k].equals(other.items[k])) {
        return false;
      }
    }
    return true;
  }

  /** Whether both lists hold the same items in the same order with the same scores. */
  public boolean sameAs(Neighbours other) {
    if (!sameItems(other)) {
      return false;
    }
    for (int k = 0; k < size; k++) {
      if (Double.compare(scores[k], other.scores[k]) != 0) {
        return false;
      }
    }
    return true;
  }

  /** A copy as scored items. */
  public List<ScoredItem> toScoredItems() {
    ScoredItem[] list = new ScoredItem[size];
    for (int k = 0; k < size; k++) {
      list[k] = ScoredItem.of(items[k], scores[k]);
    }
    return List.of(list);
  }

  /** A deep copy. */
  public Neighbours copy() {
    Neighbours copy = new Neighbours();
    copy.items = Arrays.copyOf(items, size);
    copy.scores = Arrays.copyOf(scores, size);
    copy.hashes = Arrays.copyOf(hashes, size);
    copy.size = size;
    copy.time = time;
    copy.rowSize = rowSize;
    return copy;
  }

  private int indexOf(String item) {
    int hash = item.hashCode();
    for (int k = 0; k < size; k++) {
      if (hashes[k] == hash && items[k].equals(item)) {
        return k;
      }
    }
    return -1;
  }

  /** Whether (score, item) ranks before entry k. */
  private boolean before(double score, String item, int k) {
    int byScore = Double.compare(score, scores[k]);
    return byScore > 0 || (byScore == 0 && TieBreak.compare(item, items[k]) < 0);
  }

  private int insertionPoint(double score, String item) {
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (before(score, item, mid)) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  private void remove(int k) {
    System.arraycopy(items, k + 1, items, k, size - k - 1);
    System.arraycopy(scores, k + 1, scores, k, size - k - 1);
    System.arraycopy(hashes, k + 1, hashes, k, size - k - 1);
    size--;
  }

  private void insert(int at, String item, double score) {
    if (size == items.length) {
      int length = Math.max(4, items.length * 2);
      items = Arrays.copyOf(items, length);
      scores = Arrays.copyOf(scores, length);
      hashes = Arrays.copyOf(hashes, length);
    }
    System.arraycopy(items, at, items, at + 1, size - at);
    System.arraycopy(scores, at, scores, at + 1, size - at);
    System.arraycopy(hashes, at, hashes, at + 1, size - at);
    items[at] = item;
    scores[at] = score;
    hashes[at] = item.hashCode();
    size++;
  }
}
