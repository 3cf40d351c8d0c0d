package io.recs.testkit.driver;

import io.recs.event.Recommendations;
import io.recs.event.SimilarItems;
import io.recs.event.TrendingItems;
import io.recs.pipeline.RecsStreams;
import java.util.Objects;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The streams of a job under test that a {@link RecsTestDriver} collects.
 *
 * <pre>{@code
 * RecsTestDriver driver = RecsTestDriver.builder()
 *     .job(in -> JobOutputs.recommendations(TopPicksJob.apply(in)))
 *     .build();
 * }</pre>
 *
 * <p>{@link #of(RecsStreams)} takes all three from a pipeline; the other factories name only the
 * streams a job has. Reading an output that was not named fails with a message that says so.
 */
@PublicEvolving
public final class JobOutputs {
  private final DataStream<Recommendations> recommendations;
  private final DataStream<SimilarItems> similarItems;
  private final DataStream<TrendingItems> trending;

  private JobOutputs(
      DataStream<Recommendations> recommendations,
      DataStream<SimilarItems> similarItems,
      DataStream<TrendingItems> trending) {
    this.recommendations = recommendations;
    this.similarItems = similarItems;
    this.trending = trending;
  }

  /** Recommendations, similar items and trending of a pipeline. */
  public static JobOutputs of(RecsStreams streams) {
    return new JobOutputs(streams.recommendations(), streams.similarItems(), streams.trending());
  }

  /** Only recommendations. */
  public static JobOutputs recommendations(DataStream<Recommendations> recommendations) {
    return new JobOutputs(Objects.requireNonNull(recommendations, "recommendations"), null, null);
  }

  /** These outputs, and {@code similarItems} as well. */
  public JobOutputs withSimilarItems(DataStream<SimilarItems> similarItems) {
    return new JobOutputs(
        recommendations, Objects.requireNonNull(similarItems, "similarItems"), trending);
  }

  /** These outputs, and {@code trending} as well. */
  public JobOutputs withTrending(DataStream<TrendingItems> trending) {
    return new JobOutputs(
        recommendations, similarItems, Objects.requireNonNull(trending, "trending"));
  }

  DataStream<Recommendations> recommendations() {
    return recommendations;
  }

  DataStream<SimilarItems> similarItems() {
    return similarItems;
  }

  DataStream<TrendingItems> trending() {
    return trending;
  }
}
