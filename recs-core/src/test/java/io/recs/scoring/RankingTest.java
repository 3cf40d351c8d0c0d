package io.recs.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.recs.event.ScoredItem;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankingTest {

  /** A seed's part of request 1 of user u: candidate c with similarity 1. */
  private static RankMessage part(String seed, double affinity) {
    return new RankMessage(
        RankMessage.PART,
        "u",
        1,
        3,
        10,
        1000,
        true,
        null,
        0,
        null,
        null,
        seed,
        affinity,
        new String[] {"c"},
        new double[] {1.0});
  }

  @Test
  void theOrderInWhichPartsArriveDoesNotChangeTheList() {
    // 0.1 + 0.2 + 0.3 is 0.6000000000000001 in this order and 0.6 in the reverse one.
    RankMessage[] arrived = {part("s1", 0.1), part("s2", 0.2), part("s3", 0.3)};
    RankMessage[] reversed = {arrived[2], arrived[1], arrived[0]};

    List<ScoredItem> first = Ranking.rank(arrived, 3, 10, item -> true, ScoringConfig.defaults());
    List<ScoredItem> second = Ranking.rank(reversed, 3, 10, item -> true, ScoringConfig.defaults());

    assertThat(first).isEqualTo(second);
    assertThat(first).singleElement().extracting(ScoredItem::score).isEqualTo(0.1 + 0.2 + 0.3);
  }
}
