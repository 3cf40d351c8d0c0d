package io.recs.testkit.assertions;

import static io.recs.testkit.assertions.RecsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recs.event.ScoredItem;
import io.recs.event.SimilarItems;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimilarItemsAssertTest {
  private static final SimilarItems I1 =
      new SimilarItems("i1", List.of(ScoredItem.of("i2", 0.9), ScoredItem.of("i3", 0.4)), 1000);

  @Test
  void passesWhenTheListMatches() {
    assertThat(I1)
        .hasSize(2)
        .containsExactlyItems("i2", "i3")
        .startsWithItems("i2")
        .excludes("i1")
        .hasScoresDescending();
  }

  @Test
  void failureNamesTheItemAndShowsItsNeighbours() {
    assertThatThrownBy(() -> assertThat(I1).startsWithItems("i3"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            String.format(
                "Expecting similar items of item 'i1' to start with [i3]; the list was:"
                    + "%n  1. i2  score 0.9000%n  2. i3  score 0.4000"));
  }
}
