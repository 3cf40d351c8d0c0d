package io.recs.testkit.assertions;

import io.recs.event.Interaction;
import io.recs.event.Recommendations;
import io.recs.event.ScoredItem;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.annotation.PublicEvolving;

/**
 * Assertions on one user's {@link Recommendations}; get it from {@link RecsAssertions}.
 *
 * <pre>{@code
 * assertThatRecommendationsFor(driver.recommendations(), "u1")
 *     .hasSize(3)
 *     .startsWithItems("i2")
 *     .excludesSeen(history)
 *     .explainsItemBy("i2", "i1")
 *     .hasScoresDescending();
 * }</pre>
 */
@PublicEvolving
public final class RecommendationsAssert
    extends AbstractScoredItemsAssert<RecommendationsAssert, Recommendations> {

  RecommendationsAssert(Recommendations actual) {
    super(actual, RecommendationsAssert.class);
  }

  @Override
  List<ScoredItem> items() {
    return actual.items();
  }

  @Override
  String subject() {
    return "recommendations for user '" + actual.userId() + "'";
  }

  /** No item the user interacted with in {@code interactions} is recommended to them. */
  public RecommendationsAssert excludesSeen(Collection<Interaction> interactions) {
    isNotNull();
    Set<String> seen = new LinkedHashSet<>();
    for (Interaction interaction : interactions) {
      if (interaction.userId().equals(actual.userId())) {
        seen.add(interaction.itemId());
      }
    }
    List<String> listed = ids().stream().filter(seen::contains).toList();
    if (!listed.isEmpty()) {
      fail("to exclude the items the user has seen " + seen + " but " + listed + " are listed");
    }
    return myself;
  }

  /** {@code itemId} is listed and explained by (at least) these history items. */
  public RecommendationsAssert explainsItemBy(String itemId, String... historyItems) {
    ScoredItem item = item(itemId);
    if (!item.because().containsAll(Arrays.asList(historyItems))) {
      fail(
          "to explain "
              + itemId
              + " by "
              + Arrays.asList(historyItems)
              + " but it is explained by "
              + item.because());
    }
    return myself;
  }

  /** {@code itemId} is listed as a backfill from the trending list, not from the user's history. */
  public RecommendationsAssert backfilledFromTrending(String itemId) {
    ScoredItem item = item(itemId);
    if (!backfilled(item)) {
      fail(
          "to list "
              + itemId
              + " as backfilled from trending but it is explained by "
              + item.because());
    }
    return myself;
  }
}
