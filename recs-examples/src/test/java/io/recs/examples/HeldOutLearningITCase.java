package io.recs.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.recs.evaluation.data.InteractionGenerator;
import io.recs.evaluation.metrics.RankingReport;
import io.recs.evaluation.metrics.Split;
import io.recs.evaluation.metrics.Splits;
import io.recs.event.Interaction;
import io.recs.scoring.LearningSignal;
import io.recs.similarity.SimilarityConfig;
import io.recs.similarity.SimilarityMeasure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Learned scoring for taste-style lists: on a per-user random split of generated data with interest
 * drift (where the whole history wins and the next-event signal teaches recency), the scorer
 * learned from held-out history items, started as the decayed sum scorer and not told which fixed
 * scorer is best, must reach at least 0.98 of the best fixed scorer's recall@10 and NDCG@10 and
 * beat the scorer learned from next events.
 */
@Timeout(900)
class HeldOutLearningITCase {
  private static final int K = 10;

  @Test
  void heldOutLearnerMatchesTheBestFixedScorerOnTheRandomSplit() throws Exception {
    List<Interaction> events =
        LearningEvaluation.distinctTimesPerUser(InteractionGenerator.drifting(42).generate());
    Split split = Splits.randomPerUser(events, 0.25, 42);
    SimilarityConfig similarity =
        SimilarityConfig.builder()
            .measure(SimilarityMeasure.COSINE)
            .emitInterval(Duration.ZERO)
            .historySize(50)
            .build();
    List<RankingReport> fixed = new ArrayList<>();
    RankingReport nextEvent = null;
    RankingReport heldOut = null;
    List<LearningEvaluation.Variant> variants =
        LearningEvaluation.variants(
            K,
            50,
            20,
            List.of(LearningSignal.NEXT_EVENT, LearningSignal.HELD_OUT),
            List.of(),
            null);
    for (LearningEvaluation.Variant variant : variants) {
      RankingReport report =
          LearningEvaluation.randomSplit(
              new StreamingRuns.Progress(System.out, Duration.ofSeconds(5), ""),
              variant,
              similarity,
              split,
              2,
              K,
              2_000);
      System.out.printf("%-32s %s%n", variant.name(), report);
      if (variant.signal() == null) {
        fixed.add(report);
      } else if (variant.signal() == LearningSignal.NEXT_EVENT) {
        nextEvent = report;
      } else {
        heldOut = report;
      }
    }

    assertThat(fixed).hasSize(6);
    double bestRecall = fixed.stream().mapToDouble(RankingReport::recall).max().orElseThrow();
    double bestNdcg = fixed.stream().mapToDouble(RankingReport::ndcg).max().orElseThrow();
    assertThat(heldOut).isNotNull();
    assertThat(nextEvent).isNotNull();
    assertThat(heldOut.recall()).isGreaterThanOrEqualTo(0.98 * bestRecall);
    assertThat(heldOut.ndcg()).isGreaterThanOrEqualTo(0.98 * bestNdcg);
    assertThat(heldOut.recall()).isGreaterThan(nextEvent.recall());
    assertThat(heldOut.ndcg()).isGreaterThan(nextEvent.ndcg());
  }
}
