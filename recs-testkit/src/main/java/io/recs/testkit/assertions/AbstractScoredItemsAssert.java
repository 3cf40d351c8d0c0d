package io.recs.testkit.assertions;

import io.recs.event.ScoredItem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.flink.annotation.PublicEvolving;
import org.assertj.core.api.AbstractAssert;

/**
 * The checks that recommendations and similar-items lists share: both are ranked lists of {@link
 * ScoredItem}s. Get an instance from {@link RecsAssertions}.
 *
 * <pre>{@code
 * assertThat(driver.similarItems().latestFor("i1"))
 *     .startsWithItems("i2")
 *     .hasScoresDescending();
 * }</pre>
 *
 * <p>Every failure message names the list's owner and prints the actual list, one item a line with
 * its rank, score and explanation.
 *
 * @param <SELF> the concrete assertion type
 * @param <ACTUAL> the list type
 */
@PublicEvolving
public abstract class AbstractScoredItemsAssert<
        SELF extends AbstractScoredItemsAssert<SELF, ACTUAL>, ACTUAL>
    extends AbstractAssert<SELF, ACTUAL> {

  /** The explanation of an item that fills a short list from the trending list. */
  static final String TRENDING = "trending";

  AbstractScoredItemsAssert(ACTUAL actual, Class<?> selfType) {
    super(actual, selfType);
  }

  /** The ranked items of the actual list. */
  abstract List<ScoredItem> items();

  /** Whose list it is, for messages, for example {@code recommendations for user 'u1'}. */
  abstract String subject();

  /** The list has exactly {@code n} items. */
  public SELF hasSize(int n) {
    isNotNull();
    if (items().size() != n) {
      fail("to have " + n + " items but it has " + items().size());
    }
    return myself;
  }

  /** The list holds exactly these items, in this order. */
  public SELF containsExactlyItems(String... itemIds) {
    isNotNull();
    if (!ids().equals(Arrays.asList(itemIds))) {
      fail("to contain exactly, in this order, " + Arrays.asList(itemIds));
    }
    return myself;
  }

  /** The list begins with these items, in this order. */
  public SELF startsWithItems(String... itemIds) {
    isNotNull();
    List<String> ids = ids();
    if (ids.size() < itemIds.length || !ids.subList(0, itemIds.length).equals(List.of(itemIds))) {
      fail("to start with " + Arrays.asList(itemIds));
    }
    return myself;
  }

  /** The list holds these items, in any order and at any rank. */
  public SELF containsItems(String... itemIds) {
    isNotNull();
    List<String> missing = new ArrayList<>(Arrays.asList(itemIds));
    missing.removeAll(ids());
    if (!missing.isEmpty()) {
      fail("to contain " + Arrays.asList(itemIds) + " but " + missing + " are missing");
    }
    return myself;
  }

  /** None of these items is in the list. */
  public SELF excludes(String... itemIds) {
    isNotNull();
    List<String> present = new ArrayList<>(Arrays.asList(itemIds));
    present.retainAll(ids());
    if (!present.isEmpty()) {
      fail("to exclude " + Arrays.asList(itemIds) + " but " + present + " are listed");
    }
    return myself;
  }

  /**
   * Scores never increase down the list (ties allowed). Items backfilled from trending carry
   * popularity scores, which are not comparable with the personal ones above them, so they are
   * checked among themselves.
   */
  public SELF hasScoresDescending() {
    isNotNull();
    List<ScoredItem> items = items();
    for (int k = 1; k < items.size(); k++) {
      ScoredItem above = items.get(k - 1);
      ScoredItem item = items.get(k);
      if (backfilled(item) == backfilled(above) && item.score() > above.score()) {
        fail(
            "to have descending scores but "
                + item.itemId()
                + " at rank "
                + (k + 1)
                + " scores higher than "
                + above.itemId()
                + " above it");
      }
    }
    return myself;
  }

  static boolean backfilled(ScoredItem item) {
    return item.because().equals(List.of(TRENDING));
  }

  /** The actual item, failing with the list if it is absent. */
  ScoredItem item(String itemId) {
    isNotNull();
    for (ScoredItem item : items()) {
      if (item.itemId().equals(itemId)) {
        return item;
      }
    }
    fail("to contain " + itemId);
    throw new AssertionError("unreachable");
  }

  List<String> ids() {
    return items().stream().map(ScoredItem::itemId).toList();
  }

  /** Fails with "Expecting {subject} {expectation}; the list was:" and the list. */
  void fail(String expectation) {
    failWithMessage(
        "%s", "Expecting " + subject() + " " + expectation + "; the list was:" + list());
  }

  private String list() {
    List<ScoredItem> items = items();
    if (items.isEmpty()) {
      return "\n  (empty)";
    }
    StringBuilder text = new StringBuilder();
    for (int k = 0; k < items.size(); k++) {
      ScoredItem item = items.get(k);
      text.append(
          String.format(
              Locale.ROOT,
              "%n  %d. %s  score %.4f%s",
              k + 1,
              item.itemId(),
              item.score(),
              item.because().isEmpty() ? "" : "  because " + item.because()));
    }
    return text.toString();
  }
}
