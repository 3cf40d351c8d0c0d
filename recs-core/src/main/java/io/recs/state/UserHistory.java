package io.recs.state;

import io.recs.event.TieBreak;
import java.util.Arrays;
import org.apache.flink.annotation.Internal;

/**
 * A user's bounded recent history: up to a capacity of distinct items, most recent first, each with
 * accumulated weight, last event time and time-decayed affinity.
 *
 * <p>Mutable and public only so that Flink's POJO serializer can store it in keyed state; it is not
 * part of the API. Recency is by arrival: an interaction moves its item to the front, and when the
 * history is full the least recent item is evicted. Affinity decays in event time, so replaying a
 * stream gives the same values as the live run.
 */
@Internal
public final class UserHistory {
  /** Item ids; entries {@code [0, size)} are valid, most recent first. */
  public String[] items = new String[0];

  /** Accumulated raw weight per entry. */
  public double[] weights = new double[0];

  /** Latest event time per entry, epoch ms. */
  public long[] lastTimes = new long[0];

  /** Decayed affinity per entry, valid at {@code lastTimes[k]}. */
  public double[] affinities = new double[0];

  /**
   * Latest action per entry, or null where unknown (histories stored before actions were kept have
   * no array: it is created on the first {@link #record}).
   */
  public String[] actions = new String[0];

  /** Number of valid entries. */
  public int size;

  /** Number of distinct items admitted to co-occurrence so far (bounded by kmax). */
  public int seenCount;

  /** Number of recommendation requests started for this user; the next request's id. */
  public long requests;

  /** Wall-clock time when the user's latest record arrived, for latency measurement. */
  public long lastArrivalMillis;

  /**
   * The latest event time of any interaction recorded, even one whose item was evicted since (0 in
   * histories stored before it was kept: {@link #latestTime()} then falls back to the entries).
   */
  public long latestEventTime;

  /** Category of the latest interaction that carried one, or null. */
  public String lastCategory;

  /** For Flink's serializer. */
  public UserHistory() {}

  /**
   * The latest event time of the interactions recorded, whatever their order of arrival, or 0 when
   * there were none.
   */
  public long latestTime() {
    long latest = latestEventTime;
    for (int k = 0; k < size; k++) {
      latest = Math.max(latest, lastTimes[k]);
    }
    return latest;
  }

  /**
   * Indexes of the at most {@code limit} entries with the highest affinity at {@code time}, best
   * first, ties in {@link TieBreak} order.
   */
  public int[] mostRelevant(int limit, long time, long halfLifeMs) {
    Integer[] order = new Integer[size];
    double[] affinity = new double[size];
    for (int k = 0; k < size; k++) {
      order[k] = k;
      affinity[k] = affinityAt(k, time, halfLifeMs);
    }
    Arrays.sort(
        order,
        (x, y) -> {
          int byAffinity = Double.compare(affinity[y], affinity[x]);
          return byAffinity != 0 ? byAffinity : TieBreak.compare(items[x], items[y]);
        });
    int count = Math.min(limit, size);
    int[] result = new int[count];
    for (int k = 0; k < count; k++) {
      result[k] = order[k];
    }
    return result;
  }

  /** Index of the item, or -1. */
  public int indexOf(String item) {
    for (int k = 0; k < size; k++) {
      if (items[k].equals(item)) {
        return k;
      }
    }
    return -1;
  }

  /**
   * Records an interaction: accumulates weight and affinity and moves the item to the front,
   * evicting the least recent item when {@code capacity} is reached.
   */
  public void record(String item, double weight, long time, long halfLifeMs, int capacity) {
    record(item, weight, time, halfLifeMs, capacity, null);
  }

  /** As {@link #record(String, double, long, long, int)}, remembering the latest action. */
  public void record(
      String item, double weight, long time, long halfLifeMs, int capacity, String action) {
    if (actions == null || actions.length < items.length) {
      actions = actions == null ? new String[items.length] : Arrays.copyOf(actions, items.length);
    }
    int k = indexOf(item);
    if (k < 0) {
      ensureCapacity(capacity);
      k = Math.min(size, capacity - 1);
      if (size < capacity) {
        size++;
      }
      items[k] = item;
      weights[k] = 0;
      affinities[k] = 0;
      lastTimes[k] = time;
      actions[k] = null;
    }
    latestEventTime = Math.max(latestEventTime, time);
    weights[k] += weight;
    if (time >= lastTimes[k] || actions[k] == null) {
      actions[k] = action;
    }
    if (time >= lastTimes[k]) {
      affinities[k] = affinities[k] * decay(time - lastTimes[k], halfLifeMs) + weight;
      lastTimes[k] = time;
    } else {
      affinities[k] += weight * decay(lastTimes[k] - time, halfLifeMs);
    }
    moveToFront(k);
  }

  /** The affinity of entry {@code k} decayed to {@code time} (never grown for earlier times). */
  public double affinityAt(int k, long time, long halfLifeMs) {
    return time <= lastTimes[k]
        ? affinities[k]
        : affinities[k] * decay(time - lastTimes[k], halfLifeMs);
  }

  /**
   * The recency of entry {@code k} at {@code time}: {@code 0.5^(age / half-life)}, with {@code age}
   * the time since its last event (1 for earlier times), whatever the events' weights.
   */
  public double recencyAt(int k, long time, long halfLifeMs) {
    return time <= lastTimes[k] ? 1.0 : decay(time - lastTimes[k], halfLifeMs);
  }

  static double decay(long elapsedMs, long halfLifeMs) {
    return Math.pow(0.5, (double) elapsedMs / halfLifeMs);
  }

  private void moveToFront(int k) {
    if (k == 0) {
      return;
    }
    String item = items[k];
    double weight = weights[k];
    long lastTime = lastTimes[k];
    double affinity = affinities[k];
    String action = actions[k];
    System.arraycopy(items, 0, items, 1, k);
    System.arraycopy(weights, 0, weights, 1, k);
    System.arraycopy(lastTimes, 0, lastTimes, 1, k);
    System.arraycopy(affinities, 0, affinities, 1, k);
    System.arraycopy(actions, 0, actions, 1, k);
    items[0] = item;
    weights[0] = weight;
    lastTimes[0] = lastTime;
    affinities[0] = affinity;
    actions[0] = action;
  }

  private void ensureCapacity(int capacity) {
    if (items.length >= capacity || items.length > size) {
      return;
    }
    int length = Math.min(capacity, Math.max(8, items.length * 2));
    items = Arrays.copyOf(items, length);
    weights = Arrays.copyOf(weights, length);
    lastTimes = Arrays.copyOf(lastTimes, length);
    affinities = Arrays.copyOf(affinities, length);
    actions = Arrays.copyOf(actions, length);
  }

  /** The latest action on entry {@code k}, or null if unknown. */
  public String actionAt(int k) {
    return actions == null || k >= actions.length ? null : actions[k];
  }

  /** Indexes of the at most {@code limit} most recent entries, most recent first. */
  public int[] mostRecent(int limit) {
    int[] result = new int[Math.min(limit, size)];
    for (int k = 0; k < result.length; k++) {
      result[k] = k;
    }
    return result;
  }
}
