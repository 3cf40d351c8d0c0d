package io.recs.examples;

import io.recs.pipeline.RecsPipeline;
import io.recs.scoring.ScoringConfig;
import io.recs.similarity.SimilarityConfig;
import io.recs.similarity.SimilarityMeasure;
import io.recs.trending.TrendingConfig;
import java.util.Arrays;
import java.util.Locale;
import org.apache.flink.util.ParameterTool;
import org.apache.flink.util.TimeUtils;

/** The flags that configure the recs pipeline, shared by the example jobs. */
final class PipelineSettings {
  private PipelineSettings() {}

  static Flags declare(Flags flags) {
    return flags
        .optional("measure", "cosine", "similarity: cooccurrence, jaccard, cosine, llr or lift")
        .optional("n", "10", "recommendations per user")
        .optional("neighbours", "50", "neighbours kept per item")
        .optional(
            "row-batch-size",
            String.valueOf(SimilarityConfig.defaults().rowBatchSize()),
            "co-occurrence updates merged per item-count subtask before sending; 1 sends each at"
                + " once (deterministic intermediate similar-items lists)")
        .optional(
            "trending-half-life",
            "1d",
            "half-life of trending popularity, e.g. 6h or 2d; may change across a savepoint");
  }

  static RecsPipeline pipeline(ParameterTool params) {
    return RecsPipeline.builder()
        .similarity(
            SimilarityConfig.builder()
                .measure(measure(params.get("measure")))
                .neighbours(params.getInt("neighbours"))
                .rowBatchSize(params.getInt("row-batch-size"))
                .build())
        .scoring(
            ScoringConfig.builder()
                .n(params.getInt("n"))
                .candidatesPerSeed(Math.min(20, params.getInt("neighbours")))
                .build())
        .trending(
            TrendingConfig.builder()
                .halfLife(TimeUtils.parseDuration(params.get("trending-half-life")))
                .build())
        .build();
  }

  static SimilarityMeasure measure(String name) {
    try {
      return SimilarityMeasure.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--measure must be one of "
              + Arrays.stream(SimilarityMeasure.values())
                  .map(m -> m.name().toLowerCase(Locale.ROOT))
                  .toList()
              + ", was "
              + name,
          e);
    }
  }
}
