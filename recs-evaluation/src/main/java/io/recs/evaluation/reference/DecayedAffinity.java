package io.recs.evaluation.reference;

/**
 * The decayed affinity of one history entry, step 1 of {@code docs/recommendations.md}: a new entry
 * starts at 0 with {@code last} at its first event; an event (w, t) at or after {@code last} decays
 * the affinity to t and adds w, an earlier one adds w decayed back to {@code last}.
 */
final class DecayedAffinity {
  private final long halfLifeMs;
  private double affinity;
  private long last;

  DecayedAffinity(long halfLifeMs, long firstTime) {
    this.halfLifeMs = halfLifeMs;
    this.last = firstTime;
  }

  void add(double weight, long time) {
    if (time >= last) {
      affinity = affinity * decay(time - last) + weight;
      last = time;
    } else {
      affinity += weight * decay(last - time);
    }
  }

  /** The affinity at {@code time}; not grown for times before the entry's last event. */
  double at(long time) {
    return time > last ? affinity * decay(time - last) : affinity;
  }

  private double decay(long elapsedMs) {
    return Math.pow(2, -(double) elapsedMs / halfLifeMs);
  }
}
