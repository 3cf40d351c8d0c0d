package io.recs.evaluation.reference;

import io.recs.evaluation.metrics.IncrementalRecommender;
import io.recs.event.Interaction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.annotation.PublicEvolving;

/**
 * Plain item-to-item CF over a user's most recent items with full similarity rows: the reference
 * for next-event lists, computed exactly and incrementally, for {@link
 * io.recs.evaluation.metrics.PrequentialEvaluator}.
 *
 * <pre>{@code
 * IncrementalRecommender itemCf = RecentItemCfRecommender.over(items, 10);
 * PrequentialResult result = PrequentialEvaluator.evaluate(events, itemCf, 10);
 * }</pre>
 *
 * <p>The model is the binary user-item matrix: a user's first interaction with an item makes it
 * co-occur with every item the user interacted with before, whatever the time between them, and
 * repeats add nothing. The similarity of items i and j is the cosine {@code co(i,j) / sqrt(n(i)
 * n(j))}, with {@code n} the number of distinct users of an item. A user's list ranks every item
 * that co-occurs with at least one of the user's {@code recent} most recently touched distinct
 * items (a repeat makes an item recent again) by the sum of its similarities to them, without a cut
 * of the rows, excluding items the user interacted with; ties by the order in which items were
 * first given. Counts are dense arrays over the given items (memory items² × 4 bytes); not
 * thread-safe.
 */
@PublicEvolving
public final class RecentItemCfRecommender implements IncrementalRecommender {
  /** The largest number of items: 12,000² counts take 576 MB. */
  public static final int MAX_ITEMS = 12_000;

  private final Map<String, Integer> indexOf = new HashMap<>();
  private final String[] items;
  private final int recent;
  private final int[] cooccurrences;
  private final int[] users;
  private final Map<String, LinkedHashSet<Integer>> histories = new HashMap<>();

  private RecentItemCfRecommender(List<String> items, int recent) {
    this.items = items.toArray(new String[0]);
    for (int k = 0; k < this.items.length; k++) {
      indexOf.put(this.items[k], k);
    }
    this.recent = recent;
    this.cooccurrences = new int[this.items.length * this.items.length];
    this.users = new int[this.items.length];
  }

  /**
   * A recommender over {@code items} (the item ids of the evaluated events, each once) that seeds
   * each list with the user's {@code recent} most recent items.
   */
  public static RecentItemCfRecommender over(Set<String> items, int recent) {
    if (items.size() > MAX_ITEMS) {
      throw new IllegalArgumentException(
          "at most " + MAX_ITEMS + " items (dense counts), were " + items.size());
    }
    if (recent <= 0) {
      throw new IllegalArgumentException("recent must be > 0, was " + recent);
    }
    return new RecentItemCfRecommender(new ArrayList<>(items), recent);
  }

  @Override
  public void update(Interaction event) {
    Integer item = indexOf.get(event.itemId());
    if (item == null) {
      throw new IllegalArgumentException("item " + event.itemId() + " was not given");
    }
    LinkedHashSet<Integer> history =
        histories.computeIfAbsent(event.userId(), u -> new LinkedHashSet<>());
    if (history.remove(item)) {
      history.add(item); // a repeat: recent again, no new co-occurrence
      return;
    }
    int n = items.length;
    for (int other : history) {
      cooccurrences[item * n + other]++;
      cooccurrences[other * n + item]++;
    }
    users[item]++;
    history.add(item);
  }

  @Override
  public List<String> recommend(String userId, int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("n must be > 0, was " + n);
    }
    LinkedHashSet<Integer> history = histories.get(userId);
    if (history == null) {
      return List.of();
    }
    Integer[] ordered = history.toArray(new Integer[0]);
    int count = items.length;
    double[] scores = new double[count];
    boolean[] candidate = new boolean[count];
    for (int s = ordered.length - 1; s >= Math.max(0, ordered.length - recent); s--) {
      int seed = ordered[s];
      double seedNorm = Math.sqrt(users[seed]);
      int row = seed * count;
      for (int c = 0; c < count; c++) {
        int co = cooccurrences[row + c];
        if (co > 0) {
          scores[c] += co / (seedNorm * Math.sqrt(users[c]));
          candidate[c] = true;
        }
      }
    }
    for (int seen : history) {
      candidate[seen] = false;
    }
    // The n best by insertion into a short sorted array: lists are short, rows long.
    int[] best = new int[n];
    int size = 0;
    for (int c = 0; c < count; c++) {
      if (!candidate[c] || (size == n && !before(scores, c, best[n - 1]))) {
        continue;
      }
      int at = Math.min(size, n - 1);
      while (at > 0 && before(scores, c, best[at - 1])) {
        best[at] = best[at - 1];
        at--;
      }
      best[at] = c;
      size = Math.min(size + 1, n);
    }
    List<String> top = new ArrayList<>(size);
    for (int k = 0; k < size; k++) {
      top.add(items[best[k]]);
    }
    return top;
  }

  /** Whether item a ranks before item b: a higher score, then the earlier given. */
  private static boolean before(double[] scores, int a, int b) {
    return scores[a] > scores[b] || (scores[a] == scores[b] && a < b);
  }
}
