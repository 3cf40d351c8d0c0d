package io.recs.evaluation.metrics;

import io.recs.event.Interaction;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.apache.flink.annotation.PublicEvolving;

/**
 * Offline top-k ranking metrics with binary relevance.
 *
 * <pre>{@code
 * Split split = Splits.lastNPerUser(events, 5);
 * RankingReport report =
 *     RankingMetrics.evaluate(ItemCosineRecommender.trainedOn(split.train()), split.test(), 10);
 * }</pre>
 *
 * <p>For a user with relevant set R and ranked list L cut to its first k items:
 *
 * <ul>
 *   <li>precision@k = hits / k (a list shorter than k still divides by k);
 *   <li>recall@k = hits / |R|;
 *   <li>NDCG@k = DCG / IDCG with DCG = Σ rel(r) / log2(r + 1) over ranks r = 1..k, and IDCG the DCG
 *       of min(k, |R|) hits at the top;
 *   <li>AP@k = Σ precision@r × rel(r) over r = 1..k, divided by min(k, |R|); MAP@k is its mean;
 *   <li>AP@k as the Microsoft Recommenders benchmark tables report it ({@link
 *       #averagePrecisionMsr}): the same sum divided by |R| instead; {@link RankingReport#mapMsr()}
 *       is its mean. It is never above MAP@k, and well below it when users hold out more than k
 *       items;
 *   <li>hit@k = 1 if any of the k items is relevant.
 * </ul>
 *
 * <p>Averages are over the users with at least one relevant item, in user id order. An item that
 * appears twice in a list counts only at its first rank.
 */
@PublicEvolving
public final class RankingMetrics {
  private RankingMetrics() {}

  /**
   * Evaluates a recommender against held-out events: each user's relevant items are the distinct
   * items of their test events, and the recommender is asked for the top {@code k}.
   */
  public static RankingReport evaluate(Recommender recommender, List<Interaction> test, int k) {
    Map<String, Set<String>> relevant = new TreeMap<>();
    for (Interaction event : test) {
      relevant.computeIfAbsent(event.userId(), u -> new HashSet<>()).add(event.itemId());
    }
    return evaluate(recommender, relevant, k);
  }

  /** Evaluates a recommender against each user's set of relevant items. */
  public static RankingReport evaluate(
      Recommender recommender, Map<String, Set<String>> relevantByUser, int k) {
    Objects.requireNonNull(recommender, "recommender");
    checkK(k);
    double precision = 0, recall = 0, ndcg = 0, map = 0, mapMsr = 0, hits = 0;
    int users = 0;
    for (Map.Entry<String, Set<String>> user : new TreeMap<>(relevantByUser).entrySet()) {
      Set<String> relevant = user.getValue();
      if (relevant.isEmpty()) {
        continue;
      }
      List<String> ranked = recommender.recommend(user.getKey(), k);
      precision += precision(ranked, relevant, k);
      recall += recall(ranked, relevant, k);
      ndcg += ndcg(ranked, relevant, k);
      map += averagePrecision(ranked, relevant, k);
      mapMsr += averagePrecisionMsr(ranked, relevant, k);
      hits += hit(ranked, relevant, k);
      users++;
    }
    if (users == 0) {
      return new RankingReport(k, 0, 0, 0, 0, 0, 0, 0);
    }
    return new RankingReport(
        k,
        users,
        precision / users,
        recall / users,
        ndcg / users,
        map / users,
        hits / users,
        mapMsr / users);
  }

  /** Precision@k of one list: relevant items among its first k, divided by k. */
  public static double precision(List<String> ranked, Set<String> relevant, int k) {
    checkK(k);
    return (double) hitCount(ranked, relevant, k) / k;
  }

  /** Recall@k of one list: relevant items among its first k, divided by |relevant|. */
  public static double recall(List<String> ranked, Set<String> relevant, int k) {
    checkK(k);
    return relevant.isEmpty() ? 0 : (double) hitCount(ranked, relevant, k) / relevant.size();
  }

  /** NDCG@k of one list, binary relevance and log2 discount. */
  public static double ndcg(List<String> ranked, Set<String> relevant, int k) {
    checkK(k);
    double dcg = 0;
    boolean[] relevance = relevanceByRank(ranked, relevant, k);
    for (int r = 1; r <= relevance.length; r++) {
      if (relevance[r - 1]) {
        dcg += 1 / log2(r + 1);
      }
    }
    double idealDcg = 0;
    for (int r = 1; r <= Math.min(k, relevant.size()); r++) {
      idealDcg += 1 / log2(r + 1);
    }
    return idealDcg == 0 ? 0 : dcg / idealDcg;
  }

  /** AP@k of one list: mean of precision@r at the relevant ranks r, over min(k, |relevant|). */
  public static double averagePrecision(List<String> ranked, Set<String> relevant, int k) {
    checkK(k);
    int normaliser = Math.min(k, relevant.size());
    return normaliser == 0 ? 0 : precisionSum(ranked, relevant, k) / normaliser;
  }

  /**
   * AP@k of one list as the Microsoft Recommenders benchmark defines it: Σ precision@r × rel(r)
   * over r = 1..k, divided by |relevant| (not by min(k, |relevant|)).
   *
   * <p>This is {@code map_at_k} of {@code recommenders/evaluation/python_evaluation.py} in
   * recommenders-team/recommenders (at commit 20b0b53f, the version behind the published SAR and
   * baseline tables): {@code rr} sums {@code (hit number) / rank} over a user's hits in the top k,
   * and the result is {@code (df_merge["rr"] / df_merge["actual"]).sum() / n_users}, with {@code
   * actual} the user's number of test items. Later versions keep this formula as {@code map} and
   * change {@code map_at_k} to divide by {@code min(actual, k)}, which is {@link
   * #averagePrecision}. One difference in the mean stays: Microsoft Recommenders averages over the
   * users that have both test items and recommendations ({@code n_users}), recs over every user
   * with a test item, so a user given no list counts 0 here and not at all there.
   */
  public static double averagePrecisionMsr(List<String> ranked, Set<String> relevant, int k) {
    checkK(k);
    return relevant.isEmpty() ? 0 : precisionSum(ranked, relevant, k) / relevant.size();
  }

  /** Σ precision@r × rel(r) over the ranks r = 1..k. */
  private static double precisionSum(List<String> ranked, Set<String> relevant, int k) {
    double sum = 0;
    int hits = 0;
    boolean[] relevance = relevanceByRank(ranked, relevant, k);
    for (int r = 1; r <= relevance.length; r++) {
      if (relevance[r - 1]) {
        hits++;
        sum += (double) hits / r;
      }
    }
    return sum;
  }

  /** Hit@k of one list: 1 if any of its first k items is relevant, else 0. */
  public static double hit(List<String> ranked, Set<String> relevant, int k) {
    return hitCount(ranked, relevant, k) > 0 ? 1 : 0;
  }

  private static int hitCount(List<String> ranked, Set<String> relevant, int k) {
    int hits = 0;
    for (boolean isRelevant : relevanceByRank(ranked, relevant, k)) {
      if (isRelevant) {
        hits++;
      }
    }
    return hits;
  }

  /**
   * Relevance of ranks 1..min(k, list size); a repeated item is relevant only where it first
   * appears.
   */
  private static boolean[] relevanceByRank(List<String> ranked, Set<String> relevant, int k) {
    boolean[] relevance = new boolean[Math.min(k, ranked.size())];
    Set<String> earlier = new HashSet<>();
    for (int r = 0; r < relevance.length; r++) {
      String item = ranked.get(r);
      relevance[r] = earlier.add(item) && relevant.contains(item);
    }
    return relevance;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  private static void checkK(int k) {
    if (k <= 0) {
      throw new IllegalArgumentException("k must be > 0, was " + k);
    }
  }
}
