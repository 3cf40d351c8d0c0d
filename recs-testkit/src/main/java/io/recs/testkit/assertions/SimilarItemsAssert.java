package io.recs.testkit.assertions;

import io.recs.event.ScoredItem;
import io.recs.event.SimilarItems;
import java.util.List;
import org.apache.flink.annotation.PublicEvolving;

/**
 * Assertions on one item's {@link SimilarItems}; get it from {@link RecsAssertions}.
 *
 * <pre>{@code
 * assertThatSimilarItemsOf(driver.similarItems(), "i1")
 *     .startsWithItems("i2")
 *     .excludes("i1")
 *     .hasScoresDescending();
 * }</pre>
 */
@PublicEvolving
public final class SimilarItemsAssert
    extends AbstractScoredItemsAssert<SimilarItemsAssert, SimilarItems> {

  SimilarItemsAssert(SimilarItems actual) {
    super(actual, SimilarItemsAssert.class);
  }

  @Override
  List<ScoredItem> items() {
    return actual.neighbours();
  }

  @Override
  String subject() {
    return "similar items of item '" + actual.itemId() + "'";
  }
}
