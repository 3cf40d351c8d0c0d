package io.recs.testkit.assertions;

import static io.recs.testkit.assertions.RecsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recs.event.Interaction;
import io.recs.event.Recommendations;
import io.recs.event.ScoredItem;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecommendationsAssertTest {
  private static final Recommendations U1 =
      new Recommendations(
          "u1",
          List.of(
              new ScoredItem("i2", 2.5, List.of("i1")),
              new ScoredItem("i3", 1.25, List.of("i1", "i4")),
              new ScoredItem("i9", 0.5, List.of("trending"))),
          1000);

  private static final String LIST =
      String.format(
          "%n  1. i2  score 2.5000  because [i1]"
              + "%n  2. i3  score 1.2500  because [i1, i4]"
              + "%n  3. i9  score 0.5000  because [trending]");

  @Test
  void passesWhenTheListMatches() {
    assertThat(U1)
        .hasSize(3)
        .containsExactlyItems("i2", "i3", "i9")
        .startsWithItems("i2", "i3")
        .containsItems("i9", "i2")
        .excludes("i1", "i4")
        .excludesSeen(List.of(view("u1", "i1"), view("u2", "i2")))
        .hasScoresDescending()
        .explainsItemBy("i3", "i4")
        .explainsItemBy("i3", "i1", "i4")
        .backfilledFromTrending("i9");
  }

  @Test
  void sizeFailureShowsTheList() {
    assertThatThrownBy(() -> assertThat(U1).hasSize(2))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "Expecting recommendations for user 'u1' to have 2 items but it has 3; the list was:"
                + LIST);
  }

  @Test
  void orderMatters() {
    assertThatThrownBy(() -> assertThat(U1).containsExactlyItems("i3", "i2", "i9"))
        .hasMessage(
            "Expecting recommendations for user 'u1' to contain exactly, in this order, "
                + "[i3, i2, i9]; the list was:"
                + LIST);
    assertThatThrownBy(() -> assertThat(U1).startsWithItems("i3"))
        .hasMessageStartingWith("Expecting recommendations for user 'u1' to start with [i3];");
    assertThatThrownBy(() -> assertThat(U1).startsWithItems("i2", "i3", "i9", "i10"))
        .hasMessageStartingWith(
            "Expecting recommendations for user 'u1' to start with [i2, i3, i9, i10];");
  }

  @Test
  void missingAndListedItemsAreNamed() {
    assertThatThrownBy(() -> assertThat(U1).containsItems("i2", "i7"))
        .hasMessageStartingWith(
            "Expecting recommendations for user 'u1' to contain [i2, i7] but [i7] are missing;");
    assertThatThrownBy(() -> assertThat(U1).excludes("i5", "i3"))
        .hasMessageStartingWith(
            "Expecting recommendations for user 'u1' to exclude [i5, i3] but [i3] are listed;");
  }

  @Test
  void excludesSeenLooksOnlyAtTheUsersOwnInteractions() {
    assertThatThrownBy(
            () -> assertThat(U1).excludesSeen(List.of(view("u1", "i1"), view("u1", "i3"))))
        .hasMessage(
            "Expecting recommendations for user 'u1' to exclude the items the user has seen "
                + "[i1, i3] but [i3] are listed; the list was:"
                + LIST);
  }

  @Test
  void scoresMustNotIncrease() {
    Recommendations unordered =
        new Recommendations("u2", List.of(ScoredItem.of("a", 1.0), ScoredItem.of("b", 3.0)), 1000);
    assertThatThrownBy(() -> assertThat(unordered).hasScoresDescending())
        .hasMessage(
            String.format(
                "Expecting recommendations for user 'u2' to have descending scores but b at rank"
                    + " 2 scores higher than a above it; the list was:"
                    + "%n  1. a  score 1.0000%n  2. b  score 3.0000"));
  }

  @Test
  void backfilledItemsAreOrderedAmongThemselves() {
    Recommendations backfilled =
        new Recommendations(
            "u4",
            List.of(
                new ScoredItem("i2", 0.5, List.of("i1")),
                new ScoredItem("i7", 3.0, List.of("trending")),
                new ScoredItem("i8", 4.0, List.of("trending"))),
            1000);
    assertThatThrownBy(() -> assertThat(backfilled).hasScoresDescending())
        .hasMessageStartingWith(
            "Expecting recommendations for user 'u4' to have descending scores but i8 at rank 3"
                + " scores higher than i7 above it;");
  }

  @Test
  void explanationsAreChecked() {
    assertThatThrownBy(() -> assertThat(U1).explainsItemBy("i2", "i4"))
        .hasMessageStartingWith(
            "Expecting recommendations for user 'u1' to explain i2 by [i4] but it is explained"
                + " by [i1];");
    assertThatThrownBy(() -> assertThat(U1).explainsItemBy("i7", "i1"))
        .hasMessageStartingWith("Expecting recommendations for user 'u1' to contain i7;");
    assertThatThrownBy(() -> assertThat(U1).backfilledFromTrending("i2"))
        .hasMessageStartingWith(
            "Expecting recommendations for user 'u1' to list i2 as backfilled from trending but"
                + " it is explained by [i1];");
  }

  @Test
  void anEmptyListSaysSo() {
    Recommendations none = new Recommendations("u3", List.of(), 1000);
    assertThat(none).hasSize(0).excludes("i1").hasScoresDescending();
    assertThatThrownBy(() -> assertThat(none).startsWithItems("i1"))
        .hasMessage(
            String.format(
                "Expecting recommendations for user 'u3' to start with [i1]; the list was:"
                    + "%n  (empty)"));
  }

  @Test
  void aNullListFails() {
    assertThatThrownBy(() -> assertThat((Recommendations) null).hasSize(0))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting actual not to be null");
  }

  private static Interaction view(String user, String item) {
    return Interaction.of(user, item, "view", 1.0, 1000);
  }
}
