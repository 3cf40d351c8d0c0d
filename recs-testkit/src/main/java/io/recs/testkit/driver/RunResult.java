package io.recs.testkit.driver;

import io.recs.event.Recommendations;
import io.recs.event.RejectedRecord;
import io.recs.event.SimilarItems;
import io.recs.event.TrendingItems;
import java.util.List;

/** The collected outputs of one run; an output the job did not name is null. */
final class RunResult {
  private final List<Recommendations> recommendations;
  private final List<SimilarItems> similarItems;
  private final List<TrendingItems> trending;
  private final List<RejectedRecord> deadLetters;

  RunResult(
      List<Recommendations> recommendations,
      List<SimilarItems> similarItems,
      List<TrendingItems> trending,
      List<RejectedRecord> deadLetters) {
    this.recommendations = recommendations;
    this.similarItems = similarItems;
    this.trending = trending;
    this.deadLetters = deadLetters;
  }

  List<Recommendations> recommendations() {
    return named("recommendations", recommendations);
  }

  List<SimilarItems> similarItems() {
    return named("similarItems", similarItems);
  }

  List<TrendingItems> trending() {
    return named("trending", trending);
  }

  List<RejectedRecord> deadLetters() {
    return deadLetters;
  }

  private static <T> List<T> named(String output, List<T> records) {
    if (records == null) {
      throw new IllegalStateException(
          "the job under test names no "
              + output
              + " output; add it to the JobOutputs that the job returns");
    }
    return records;
  }
}
