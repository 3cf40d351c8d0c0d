package io.recs.scoring;

import io.recs.event.ScoredItem;
import io.recs.event.TieBreak;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * Merges the seeds of one request and their candidates into ranked, explained candidates: the pure
 * core of the ranking stage ({@link RankScoring}), free of Flink so that it is easy to test. One
 * instance per ranking subtask: it reuses its candidate index from request to request, so it is not
 * thread-safe.
 */
final class Ranking {
  private final CandidateIndex index = new CandidateIndex();

  // Scratch arrays reused from request to request (a request has a few hundred contributions, and
  // allocating them afresh made most of the rank stage's garbage); grown when a request needs more.
  private String[] items = new String[0];
  private int[] start = new int[1];
  private int[] candidateOf = new int[0];
  private int[] fill = new int[0];
  private double[] affinity = new double[0];
  private double[] similarity = new double[0];
  private int[] seed = new int[0];
  private double[] scores = new double[0];
  private double[] partAffinities = new double[0];
  private double[] partSimilarities = new double[0];
  private int lastDistinct;

  /**
   * Makes the scratch arrays hold at least {@code entries} contributions of {@code parts} seeds.
   */
  private void ensureCapacity(int entries, int parts) {
    if (items.length < entries) {
      int capacity = Math.max(entries, 2 * items.length);
      items = new String[capacity];
      start = new int[capacity + 1];
      candidateOf = new int[capacity];
      fill = new int[capacity];
      affinity = new double[capacity];
      similarity = new double[capacity];
      seed = new int[capacity];
      scores = new double[capacity];
    }
    if (partAffinities.length < parts) {
      partAffinities = new double[parts];
      partSimilarities = new double[parts];
    }
  }

  /**
   * The top {@code n} candidates of a request's parts.
   *
   * <p>Contributions are grouped by candidate in flat arrays, every candidate is scored, and the
   * filters are asked best first only until n candidates pass: most candidates are never judged,
   * which keeps the per-request cost of the seen-set lookups low.
   *
   * @param allowed whether a candidate may be recommended (seen, blocklist, user filter, category)
   * @param config scorer, boosts and explanation length
   */
  List<ScoredItem> rank(
      SeedCandidates parts, int n, Predicate<String> allowed, ScoringConfig config) {
    return rank(parts, n, allowed, config, null);
  }

  /**
   * As {@link #rank(SeedCandidates, int, Predicate, ScoringConfig)}; with {@code linear} not null,
   * scores with its model over the candidates' features and leaves the candidates to learn from in
   * it.
   */
  List<ScoredItem> rank(
      SeedCandidates parts,
      int n,
      Predicate<String> allowed,
      ScoringConfig config,
      LinearRanking linear) {
    int entries = 0;
    for (int p = 0; p < parts.count(); p++) {
      entries += parts.candidates()[p] == null ? 0 : parts.candidates()[p].length;
    }
    // Number the distinct candidates and count their contributions into start[c + 1].
    index.reset(entries);
    ensureCapacity(entries, parts.count());
    String[] items = this.items;
    int[] start = this.start;
    int[] candidateOf = this.candidateOf;
    Arrays.fill(start, 0, entries + 1, 0);
    int e = 0;
    for (int p = 0; p < parts.count(); p++) {
      String[] candidates = parts.candidates()[p];
      if (candidates == null) {
        continue;
      }
      for (String item : candidates) {
        int c = index.numberOf(item);
        items[c] = item;
        start[c + 1]++;
        candidateOf[e++] = c;
      }
    }
    int distinct = index.size();
    lastDistinct = distinct;
    // Group the contributions by candidate: those of candidate c are [start[c], start[c + 1]).
    for (int c = 0; c < distinct; c++) {
      start[c + 1] += start[c];
    }
    int[] fill = this.fill;
    System.arraycopy(start, 0, fill, 0, distinct);
    double[] affinity = this.affinity;
    double[] similarity = this.similarity;
    int[] seed = this.seed;
    e = 0;
    boolean normalize = linear == null && config.normalizeSeeds();
    for (int p = 0; p < parts.count(); p++) {
      double[] similarities = parts.similarities()[p];
      if (similarities == null) {
        continue;
      }
      double rowSum = normalize ? rowSum(similarities) : 1;
      for (double value : similarities) {
        int at = fill[candidateOf[e++]]++;
        affinity[at] = parts.affinities()[p];
        similarity[at] = value / rowSum;
        seed[at] = p;
      }
    }
    double[] scores = this.scores;
    double[] features = null;
    if (linear == null) {
      double[] affinities = partAffinities;
      double[] similarities = partSimilarities;
      for (int c = 0; c < distinct; c++) {
        int count = start[c + 1] - start[c];
        System.arraycopy(affinity, start[c], affinities, 0, count);
        System.arraycopy(similarity, start[c], similarities, 0, count);
        scores[c] = config.scorer().score(affinities, similarities, count);
      }
    } else {
      features = linear.features(parts, items, start, seed, similarity, distinct);
      int width = linear.featureCount();
      for (int c = 0; c < distinct; c++) {
        scores[c] = linear.score(features, c * width);
      }
    }
    if (!config.boosts().isEmpty()) {
      for (int c = 0; c < distinct; c++) {
        scores[c] *= config.boosts().getOrDefault(items[c], 1.0);
      }
    }
    CandidateHeap best = new CandidateHeap(items, scores, distinct);
    List<ScoredItem> result = new ArrayList<>(Math.min(n, distinct));
    KeptCandidates kept = linear == null ? null : linear.startKeeping();
    boolean[] taken = kept == null ? null : new boolean[distinct];
    while (result.size() < n && !best.isEmpty()) {
      int c = best.poll();
      if (allowed.test(items[c])) {
        List<String> because =
            because(
                parts, seed, affinity, similarity, start[c], start[c + 1], config.explanations());
        result.add(new ScoredItem(items[c], scores[c], because));
        if (kept != null && kept.size < linear.keepTop()) {
          kept.add(items[c], features, c * kept.featureCount);
          taken[c] = true;
        }
      }
    }
    if (kept != null) {
      keep(linear, kept, taken, best, items, features, distinct, allowed);
    }
    return result;
  }

  /**
   * A held-out sample of the request last ranked with {@code linear}, to learn from ({@link
   * LearningSignal#HELD_OUT}): one of its seeds h is drawn at random and left out of the user's
   * history; the entries are the candidates kept by that ranking (top ones, then random ones) and,
   * last, h itself, all with the features they have without h (the candidates h alone brought are
   * left out, they would not be candidates without it). {@link RankingFeature#TRENDING} is 0 in
   * every entry: h's trending score counts the user's own interaction with h. Null when h is not a
   * candidate of the other seeds (nothing to learn from).
   */
  KeptCandidates heldOut(SeedCandidates parts, LinearRanking linear) {
    if (parts.count() < 2) {
      return null;
    }
    int excluded = linear.random().nextInt(parts.count());
    int positive = index.find(parts.seeds()[excluded]);
    if (positive < 0) {
      return null;
    }
    double[] x = linear.features(parts, items, start, seed, similarity, lastDistinct, excluded);
    int width = linear.featureCount();
    if (x[positive * width + SUPPORT] == 0) {
      return null;
    }
    KeptCandidates kept = linear.kept();
    KeptCandidates sample = new KeptCandidates(kept.size + 1, width);
    for (int k = 0; k < kept.size; k++) {
      int c = index.find(kept.items[k]);
      if (x[c * width + SUPPORT] > 0) {
        sample.add(items[c], x, c * width);
        if (k < kept.top) {
          sample.top++;
        }
      }
    }
    sample.add(items[positive], x, positive * width);
    // h's trending score counts the user's own interaction with h, which an item the user has not
    // met does not have: with sparse activity it mostly says "the user had it lately". Not learnt.
    for (int k = 0; k < sample.size; k++) {
      sample.features[k * width + TRENDING_FEATURE] = 0;
    }
    return sample;
  }

  private static final int SUPPORT = RankingFeature.SUPPORT.ordinal();
  private static final int TRENDING_FEATURE = RankingFeature.TRENDING.ordinal();

  /**
   * The sum of one seed's candidate similarities, the divisor of {@link
   * ScoringConfig#normalizeSeeds()}; 1 when it is not positive (a row of zeros stays zeros).
   */
  static double rowSum(double[] similarities) {
    double sum = 0;
    for (double value : similarities) {
      sum += value;
    }
    return sum > 0 ? sum : 1;
  }

  /**
   * Fills {@code kept} up to the configured number of top candidates, then with candidates drawn at
   * random from the rest, allowed ones only.
   */
  private static void keep(
      LinearRanking linear,
      KeptCandidates kept,
      boolean[] taken,
      CandidateHeap best,
      String[] items,
      double[] features,
      int distinct,
      Predicate<String> allowed) {
    int width = kept.featureCount;
    while (kept.size < linear.keepTop() && !best.isEmpty()) {
      int c = best.poll();
      if (allowed.test(items[c])) {
        kept.add(items[c], features, c * width);
        taken[c] = true;
      }
    }
    kept.top = kept.size;
    int remaining = distinct - kept.size;
    int wanted = Math.min(linear.keepRandom(), remaining);
    // A bounded number of draws: candidates that are not allowed are skipped.
    for (int draw = 0; draw < 4 * wanted && kept.size - kept.top < wanted; draw++) {
      int c = linear.random().nextInt(distinct);
      if (!taken[c] && allowed.test(items[c])) {
        kept.add(items[c], features, c * width);
        taken[c] = true;
      }
    }
  }

  /**
   * The seeds that contributed most (affinity × similarity) to one candidate, ties in {@link
   * TieBreak} order.
   */
  private static List<String> because(
      SeedCandidates parts,
      int[] seed,
      double[] affinity,
      double[] similarity,
      int from,
      int to,
      int limit) {
    Integer[] order = new Integer[to - from];
    for (int k = 0; k < order.length; k++) {
      order[k] = from + k;
    }
    Arrays.sort(
        order,
        (x, y) -> {
          int byContribution =
              Double.compare(affinity[y] * similarity[y], affinity[x] * similarity[x]);
          return byContribution != 0
              ? byContribution
              : TieBreak.compare(parts.seeds()[seed[x]], parts.seeds()[seed[y]]);
        });
    int size = Math.min(limit, order.length);
    String[] result = new String[size];
    for (int k = 0; k < size; k++) {
      result[k] = parts.seeds()[seed[order[k]]];
    }
    return List.of(result);
  }

  /**
   * A binary heap of candidate numbers, best first: higher score, ties in {@link TieBreak} order.
   */
  private static final class CandidateHeap {
    private final String[] items;
    private final double[] scores;
    private final int[] heap;
    private int size;

    CandidateHeap(String[] items, double[] scores, int count) {
      this.items = items;
      this.scores = scores;
      this.heap = new int[count];
      for (int c = 0; c < count; c++) {
        heap[c] = c;
      }
      size = count;
      for (int k = size / 2 - 1; k >= 0; k--) {
        siftDown(k);
      }
    }

    boolean isEmpty() {
      return size == 0;
    }

    int poll() {
      int top = heap[0];
      heap[0] = heap[--size];
      siftDown(0);
      return top;
    }

    private void siftDown(int k) {
      while (true) {
        int left = 2 * k + 1;
        if (left >= size) {
          return;
        }
        int child = left + 1 < size && better(heap[left + 1], heap[left]) ? left + 1 : left;
        if (!better(heap[child], heap[k])) {
          return;
        }
        int swap = heap[k];
        heap[k] = heap[child];
        heap[child] = swap;
        k = child;
      }
    }

    private boolean better(int x, int y) {
      int byScore = Double.compare(scores[x], scores[y]);
      return byScore > 0 || (byScore == 0 && TieBreak.compare(items[x], items[y]) < 0);
    }
  }

  /** Appends trending items that are allowed and not chosen yet until the list holds n items. */
  static void backfill(
      List<ScoredItem> chosen, List<ScoredItem> trending, int n, Predicate<String> allowed) {
    if (chosen.size() >= n) {
      return;
    }
    java.util.Set<String> taken = new java.util.HashSet<>();
    chosen.forEach(item -> taken.add(item.itemId()));
    for (ScoredItem item : trending) {
      if (chosen.size() >= n) {
        return;
      }
      if (!taken.contains(item.itemId()) && allowed.test(item.itemId())) {
        chosen.add(new ScoredItem(item.itemId(), item.score(), List.of(TRENDING)));
        taken.add(item.itemId());
      }
    }
  }

  /** The explanation of a backfilled item. */
  static final String TRENDING = "trending";
}
