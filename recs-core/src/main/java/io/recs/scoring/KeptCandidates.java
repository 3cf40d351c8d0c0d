package io.recs.scoring;

import org.apache.flink.annotation.Internal;

/**
 * The candidates of a user's last request that {@link LinearScoring} learns from when the user's
 * next interaction arrives: entries {@code [0, top)} are the best allowed ones, {@code [top, size)}
 * drawn at random from the rest. Mutable and public only for Flink's POJO serializer (keyed state).
 */
@Internal
public final class KeptCandidates {
  /** Item ids, {@code size} of them. */
  public String[] items = new String[0];

  /** Features, {@code featureCount} per item, item after item. */
  public float[] features = new float[0];

  /** Features per item. */
  public int featureCount;

  /** Number of entries from the top of the ranking. */
  public int top;

  /** Number of valid entries. */
  public int size;

  /** For Flink's serializer. */
  public KeptCandidates() {}

  KeptCandidates(int capacity, int featureCount) {
    this.items = new String[capacity];
    this.features = new float[capacity * featureCount];
    this.featureCount = featureCount;
  }

  void add(String item, double[] x, int offset) {
    items[size] = item;
    for (int f = 0; f < featureCount; f++) {
      features[size * featureCount + f] = (float) x[offset + f];
    }
    size++;
  }

  int indexOf(String item) {
    for (int k = 0; k < size; k++) {
      if (items[k].equals(item)) {
        return k;
      }
    }
    return -1;
  }
}
