package io.recs.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.recs.pipeline.RecsPipeline;
import io.recs.request.RequestConfig;
import io.recs.similarity.SimilarityConfig;
import org.junit.jupiter.api.Test;

/** The code samples of docs/learning.md, compiled and checked. */
class LearningDocExamplesTest {

  @Test
  void learnedScoringPipeline() {
    // docs/learning.md: the opening example
    ScoringConfig scoring =
        ScoringConfig.builder()
            .linear(LinearScoring.builder().build()) // learned online, starts as Scorers.sum()
            .build();
    RecsPipeline pipeline =
        RecsPipeline.builder()
            .similarity(SimilarityConfig.builder().historySize(100).build())
            .requests(RequestConfig.builder().seedItems(100).build()) // features see the last 100
            .scoring(scoring)
            .build();

    assertThat(pipeline.scoring().linear().learning()).isTrue();
  }

  @Test
  void preTrainExportAndLoad() {
    // docs/learning.md: "Pre-train, export and load weights"
    String json =
        """
        {
          "updates" : 123456,
          "weights" : { "WHOLE" : 0.41, "LAST_20" : 0.12, "LAST_10" : 0.9, "LAST_3" : 1.7, "DECAYED" : 0.3 }
        }
        """;
    LinearScoring serving =
        LinearScoring.builder().initialWeights(LearnedWeights.fromJson(json)).build();
    LinearScoring frozen =
        LinearScoring.builder()
            .initialWeights(LearnedWeights.fromJson(json))
            .learning(false)
            .build();

    assertThat(serving.initialWeights().weightOf("LAST_3")).isEqualTo(1.7);
    assertThat(serving.initialWeights().updates()).isEqualTo(123456);
    assertThat(frozen.learning()).isFalse();
  }
}
