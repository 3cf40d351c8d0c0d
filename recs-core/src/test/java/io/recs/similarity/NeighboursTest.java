package io.recs.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import io.recs.event.ScoredItem;
import io.recs.event.TieBreak;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NeighboursTest {

  @Test
  void ordersByScoreThenTieHash() {
    Neighbours list = new Neighbours();
    list.offer("c", 1, 3);
    list.offer("b", 2, 3);
    list.offer("d", 1, 3);
    list.offer("a", 0.5, 3);

    // FNV-1a 64: d 0xaf63d94c8601e773 < c 0xaf63de4c8601eff2 (unsigned): d wins the tie, not c.
    assertThat(list.toScoredItems())
        .containsExactly(ScoredItem.of("b", 2), ScoredItem.of("d", 1), ScoredItem.of("c", 1));
  }

  @Test
  void reportsAChangeOnlyWhenTheOrderOfItemsChanges() {
    Neighbours list = new Neighbours();
    assertThat(list.offer("a", 3, 2)).isTrue();
    assertThat(list.offer("b", 1, 2)).isTrue();
    assertThat(list.offer("b", 2, 2)).isFalse();
    assertThat(list.offer("c", 0.5, 2)).isFalse();
    assertThat(list.offer("b", 4, 2)).isTrue();
  }

  @Test
  void equalsAFullSortWhenScoresOnlyGrow() {
    SplittableRandom random = new SplittableRandom(1);
    Map<String, Double> scores = new HashMap<>();
    Neighbours list = new Neighbours();
    for (int k = 0; k < 20_000; k++) {
      String item = "i" + random.nextInt(300);
      double score = scores.merge(item, (double) random.nextInt(3), Double::sum);
      list.offer(item, score, 10);
    }
    List<ScoredItem> expected = new ArrayList<>();
    scores.forEach((item, score) -> expected.add(ScoredItem.of(item, score)));
    expected.sort(
        Comparator.comparingDouble(ScoredItem::score)
            .reversed()
            .thenComparing(ScoredItem::itemId, TieBreak.ORDER));
    assertThat(list.toScoredItems()).containsExactlyElementsOf(expected.subList(0, 10));
  }

  @Test
  void topOfDistinctItemsEqualsOfferingThemOneByOne() {
    SplittableRandom random = new SplittableRandom(2);
    for (int round = 0; round < 200; round++) {
      int size = random.nextInt(120);
      int capacity = 1 + random.nextInt(60);
      String[] items = new String[size];
      double[] scores = new double[size];
      Neighbours offered = new Neighbours();
      for (int k = 0; k < size; k++) {
        items[k] = "i" + k;
        scores[k] = random.nextInt(8); // many ties: the order then depends on the item ids
        offered.offer(items[k], scores[k], capacity);
      }

      Neighbours top = Neighbours.top(items, scores, size, capacity);

      assertThat(top.toScoredItems()).containsExactlyElementsOf(offered.toScoredItems());
      assertThat(top.sameAs(offered)).isTrue();
      if (size > 0) { // the list goes on like an offered one (its hashes find the item)
        assertThat(top.offer(items[size - 1], 100, capacity))
            .isEqualTo(offered.offer(items[size - 1], 100, capacity));
        assertThat(top.toScoredItems()).containsExactlyElementsOf(offered.toScoredItems());
      }
    }
  }
}
