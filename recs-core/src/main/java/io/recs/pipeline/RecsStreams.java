package io.recs.pipeline;

import io.recs.event.ItemCount;
import io.recs.event.Recommendations;
import io.recs.event.RejectedRecord;
import io.recs.event.SimilarItems;
import io.recs.event.TrendingItems;
import io.recs.scoring.LearnedWeights;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.streaming.api.datastream.DataStream;

/** The output streams of a {@link RecsPipeline}. */
@PublicEvolving
public final class RecsStreams {
  private final DataStream<Recommendations> recommendations;
  private final DataStream<SimilarItems> similarItems;
  private final DataStream<TrendingItems> trending;
  private final DataStream<ItemCount> itemCounts;
  private final DataStream<RejectedRecord> deadLetters;
  private final DataStream<LearnedWeights> learnedWeights;

  RecsStreams(
      DataStream<Recommendations> recommendations,
      DataStream<SimilarItems> similarItems,
      DataStream<TrendingItems> trending,
      DataStream<ItemCount> itemCounts,
      DataStream<RejectedRecord> deadLetters) {
    this(recommendations, similarItems, trending, itemCounts, deadLetters, null);
  }

  RecsStreams(
      DataStream<Recommendations> recommendations,
      DataStream<SimilarItems> similarItems,
      DataStream<TrendingItems> trending,
      DataStream<ItemCount> itemCounts,
      DataStream<RejectedRecord> deadLetters,
      DataStream<LearnedWeights> learnedWeights) {
    this.recommendations = recommendations;
    this.similarItems = similarItems;
    this.trending = trending;
    this.itemCounts = itemCounts;
    this.deadLetters = deadLetters;
    this.learnedWeights = learnedWeights;
  }

  RecsStreams withDeadLetters(DataStream<RejectedRecord> newDeadLetters) {
    return new RecsStreams(
        recommendations, similarItems, trending, itemCounts, newDeadLetters, learnedWeights);
  }

  /**
   * With {@link io.recs.scoring.LinearScoring learned scoring}: each ranking subtask's weights,
   * once when a bounded input ends; average them with {@link LearnedWeights#average} to pre-train a
   * model for a live job. Empty for an unbounded input.
   */
  public DataStream<LearnedWeights> learnedWeights() {
    if (learnedWeights == null) {
      throw new IllegalStateException(
          "learnedWeights is available only with ScoringConfig.linear(...) and recommendations");
    }
    return learnedWeights;
  }

  /**
   * The records that did not parse, when the pipeline was applied to raw records with {@link
   * RecsPipeline#applyLines}; otherwise the dead letters are wherever the interactions were parsed.
   */
  public DataStream<RejectedRecord> deadLetters() {
    if (deadLetters == null) {
      throw new IllegalStateException(
          "deadLetters is available only for pipelines applied with applyLines(...)");
    }
    return deadLetters;
  }

  /**
   * Each user's top-N after every triggering interaction or request, and once more, computed from
   * the final state, when a bounded input ends.
   */
  public DataStream<Recommendations> recommendations() {
    return available(recommendations, "recommendations");
  }

  /**
   * Each item's top-K neighbours, emitted when the ordered list changes, and once more with final
   * scores when the input ends.
   */
  public DataStream<SimilarItems> similarItems() {
    return similarItems;
  }

  /** Trending lists, global and per category, emitted when the ordered list changes. */
  public DataStream<TrendingItems> trending() {
    return available(trending, "trending");
  }

  private static <T> DataStream<T> available(DataStream<T> stream, String name) {
    if (stream == null) {
      throw new IllegalStateException(
          name + " is not available: the pipeline was built with recommendations(false)");
    }
    return stream;
  }

  /** Each item's user count n(i), after every change. */
  public DataStream<ItemCount> itemCounts() {
    return itemCounts;
  }
}
