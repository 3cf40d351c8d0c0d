package io.recs.testkit.assertions;

import io.recs.event.Recommendations;
import io.recs.event.SimilarItems;
import io.recs.testkit.driver.KeyedTestOutput;
import org.apache.flink.annotation.PublicEvolving;
import org.assertj.core.api.Assertions;

/**
 * AssertJ entry points for recs results.
 *
 * <pre>{@code
 * import static io.recs.testkit.assertions.RecsAssertions.assertThat;
 * import static io.recs.testkit.assertions.RecsAssertions.assertThatRecommendationsFor;
 *
 * assertThatRecommendationsFor(driver.recommendations(), "u1")
 *     .containsExactlyItems("i2", "i3")
 *     .excludes("i1");
 * assertThat(driver.similarItems().latestFor("i1")).startsWithItems("i2");
 * }</pre>
 *
 * <p>The {@code assertThat} overloads sit beside AssertJ's own: Java picks these for recs types.
 */
@PublicEvolving
public final class RecsAssertions {
  private RecsAssertions() {}

  /** Assertions on one user's recommendations. */
  public static RecommendationsAssert assertThat(Recommendations actual) {
    return new RecommendationsAssert(actual);
  }

  /** Assertions on one item's similar items. */
  public static SimilarItemsAssert assertThat(SimilarItems actual) {
    return new SimilarItemsAssert(actual);
  }

  /**
   * Assertions on the latest recommendations for {@code userId} in a driver's output: after a
   * bounded run, the list computed from the final state.
   */
  public static RecommendationsAssert assertThatRecommendationsFor(
      KeyedTestOutput<Recommendations> output, String userId) {
    return assertThat(latest(output, userId, "recommendations for user"));
  }

  /** Assertions on the latest similar items of {@code itemId} in a driver's output. */
  public static SimilarItemsAssert assertThatSimilarItemsOf(
      KeyedTestOutput<SimilarItems> output, String itemId) {
    return assertThat(latest(output, itemId, "similar items of item"));
  }

  private static <T> T latest(KeyedTestOutput<T> output, String key, String what) {
    if (!output.keys().contains(key)) {
      throw Assertions.<AssertionError>fail(
          "Expecting "
              + what
              + " '"
              + key
              + "' but the run emitted none; it emitted them for "
              + output.keys());
    }
    return output.latestFor(key);
  }
}
