package io.recs.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.recs.evaluation.data.InteractionGenerator;
import io.recs.event.Interaction;
import io.recs.similarity.SimilarityConfig;
import io.recs.similarity.SimilarityMeasure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Learned scoring against the grid of fixed scorers, prequentially, on generated data with interest
 * drift (where recency matters and the best window is not known in advance): the learned model,
 * started as the decayed sum scorer and not told which window is best, must reach at least 0.98 of
 * the best fixed scorer's hit rate@10 and recall@10, and beat whole-history scoring.
 */
@Timeout(900)
class LearnedScoringITCase {
  private static final int K = 10;

  @Test
  void learnedScoringMatchesTheBestFixedScorerAndBeatsWholeHistory() throws Exception {
    List<Interaction> events =
        LearningEvaluation.distinctTimesPerUser(InteractionGenerator.drifting(42).generate());
    SimilarityConfig similarity =
        SimilarityConfig.builder()
            .measure(SimilarityMeasure.COSINE)
            .emitInterval(Duration.ZERO)
            .historySize(50)
            .build();
    List<LearningEvaluation.Prequential> fixed = new ArrayList<>();
    LearningEvaluation.Prequential learned = null;
    for (LearningEvaluation.Variant variant : LearningEvaluation.variants(K, 50, 20)) {
      LearningEvaluation.Prequential result =
          LearningEvaluation.prequential(
              new StreamingRuns.Progress(System.out, Duration.ofSeconds(5), ""),
              variant,
              similarity,
              events,
              2,
              K,
              5,
              2_000);
      System.out.printf(
          "%-20s HR@10 %.4f  R@10 %.4f  %s%n",
          result.name(),
          result.hitRate(),
          result.recall(),
          result.weights() == null ? "" : result.weights().asMap());
      if (variant.learns()) {
        learned = result;
      } else {
        fixed.add(result);
      }
    }

    double bestHitRate =
        fixed.stream().mapToDouble(LearningEvaluation.Prequential::hitRate).max().orElseThrow();
    double bestRecall =
        fixed.stream().mapToDouble(LearningEvaluation.Prequential::recall).max().orElseThrow();
    LearningEvaluation.Prequential whole = fixed.get(0);
    assertThat(whole.name()).isEqualTo("whole history");
    assertThat(learned).isNotNull();
    assertThat(learned.weights().updates()).isPositive();
    assertThat(learned.hitRate()).isGreaterThanOrEqualTo(0.98 * bestHitRate);
    assertThat(learned.recall()).isGreaterThanOrEqualTo(0.98 * bestRecall);
    assertThat(learned.hitRate()).isGreaterThan(whole.hitRate());
    assertThat(learned.recall()).isGreaterThan(whole.recall());
  }
}
