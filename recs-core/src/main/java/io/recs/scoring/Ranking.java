package io.recs.scoring;

import io.recs.event.ScoredItem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Predicate;

/**
 * Merges the parts of one request into ranked, explained candidates: the pure core of {@link
 * RankFunction}, free of Flink so that it is easy to test.
 */
final class Ranking {
  private Ranking() {}

  /** Contributions of the seeds to one candidate. */
  private static final class Candidate {
    final String item;
    double[] affinities = new double[4];
    double[] similarities = new double[4];
    String[] seeds = new String[4];
    int count;
    double score;

    Candidate(String item) {
      this.item = item;
    }

    void add(String seed, double affinity, double similarity) {
      if (count == seeds.length) {
        affinities = Arrays.copyOf(affinities, count * 2);
        similarities = Arrays.copyOf(similarities, count * 2);
        seeds = Arrays.copyOf(seeds, count * 2);
      }
      seeds[count] = seed;
      affinities[count] = affinity;
      similarities[count] = similarity;
      count++;
    }

    /** The seeds that contributed most (affinity × similarity), ties by seed id. */
    List<String> because(int limit) {
      Integer[] order = new Integer[count];
      for (int k = 0; k < count; k++) {
        order[k] = k;
      }
      Arrays.sort(
          order,
          (x, y) -> {
            int byContribution =
                Double.compare(affinities[y] * similarities[y], affinities[x] * similarities[x]);
            return byContribution != 0 ? byContribution : seeds[x].compareTo(seeds[y]);
          });
      List<String> result = new ArrayList<>(Math.min(limit, count));
      for (int k = 0; k < Math.min(limit, count); k++) {
        result.add(seeds[order[k]]);
      }
      return result;
    }
  }

  /**
   * The top {@code n} candidates of a request's parts.
   *
   * @param parts the request's parts, each with a seed's candidates
   * @param allowed whether a candidate may be recommended (seen, blocklist, user filter, category)
   * @param config scorer, boosts and explanation length
   */
  static List<ScoredItem> rank(
      RankMessage[] parts, int partCount, int n, Predicate<String> allowed, ScoringConfig config) {
    int entries = 0;
    for (int p = 0; p < partCount; p++) {
      entries += parts[p].candidates() == null ? 0 : parts[p].candidates().length;
    }
    // Parts arrive in an order that depends on timing (and, after a restore, on the order in
    // which timers fire); visiting them by seed makes the floating-point sums, and so the lists,
    // independent of it.
    RankMessage[] bySeed = Arrays.copyOf(parts, partCount);
    Arrays.sort(bySeed, BY_SEED);
    // One lookup per entry; candidates that are not allowed map to REFUSED, so each is judged once.
    Map<String, Candidate> candidates = new HashMap<>(Math.max(16, entries * 2));
    for (RankMessage part : bySeed) {
      if (part.candidates() == null) {
        continue;
      }
      for (int k = 0; k < part.candidates().length; k++) {
        String item = part.candidates()[k];
        Candidate candidate = candidates.get(item);
        if (candidate == null) {
          candidate = allowed.test(item) ? new Candidate(item) : REFUSED;
          candidates.put(item, candidate);
        }
        if (candidate != REFUSED) {
          candidate.add(part.seed(), part.affinity(), part.similarities()[k]);
        }
      }
    }
    // The best n by a bounded heap whose head is the weakest kept candidate.
    PriorityQueue<Candidate> best = new PriorityQueue<>(n + 1, BEST_FIRST.reversed());
    for (Candidate candidate : candidates.values()) {
      if (candidate == REFUSED) {
        continue;
      }
      double score =
          config.scorer().score(candidate.affinities, candidate.similarities, candidate.count);
      candidate.score = score * config.boosts().getOrDefault(candidate.item, 1.0);
      best.add(candidate);
      if (best.size() > n) {
        best.poll();
      }
    }
    List<Candidate> list = new ArrayList<>(best);
    list.sort(BEST_FIRST);
    List<ScoredItem> result = new ArrayList<>(list.size());
    for (Candidate candidate : list) {
      result.add(
          new ScoredItem(
              candidate.item, candidate.score, candidate.because(config.explanations())));
    }
    return result;
  }

  /** Parts by seed id; a part without seed (a request without history) first. */
  private static final Comparator<RankMessage> BY_SEED =
      Comparator.comparing(RankMessage::seed, Comparator.nullsFirst(Comparator.naturalOrder()));

  /** Higher score first, ties by item id. */
  private static final Comparator<Candidate> BEST_FIRST =
      (x, y) -> {
        int byScore = Double.compare(y.score, x.score);
        return byScore != 0 ? byScore : x.item.compareTo(y.item);
      };

  /** Marks candidates that the filters refused. */
  private static final Candidate REFUSED = new Candidate("");

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
