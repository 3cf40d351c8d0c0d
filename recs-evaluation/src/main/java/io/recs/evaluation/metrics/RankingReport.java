package io.recs.evaluation.metrics;

import java.util.Locale;
import org.apache.flink.annotation.PublicEvolving;

/**
 * Ranking metrics at cut-off k, each averaged over the evaluated users; see {@link RankingMetrics}.
 *
 * @param k the cut-off
 * @param users how many users were evaluated (those with at least one relevant item)
 * @param precision mean precision@k
 * @param recall mean recall@k
 * @param ndcg mean NDCG@k
 * @param map mean average precision@k (MAP@k), AP normalised by min(k, |relevant|)
 * @param hitRate share of users with at least one relevant item in their top k
 * @param mapMsr mean average precision@k as the Microsoft Recommenders benchmark reports it, AP
 *     normalised by |relevant|; see {@link RankingMetrics#averagePrecisionMsr}
 */
@PublicEvolving
public record RankingReport(
    int k,
    int users,
    double precision,
    double recall,
    double ndcg,
    double map,
    double hitRate,
    double mapMsr) {

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "users=%d P@%d=%.4f R@%d=%.4f NDCG@%d=%.4f MAP@%d=%.4f MAP-MSR@%d=%.4f HR@%d=%.4f",
        users,
        k,
        precision,
        k,
        recall,
        k,
        ndcg,
        k,
        map,
        k,
        mapMsr,
        k,
        hitRate);
  }
}
