package io.recs.evaluation.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recs.evaluation.data.InteractionGenerator;
import io.recs.event.Interaction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecentItemCfRecommenderTest {

  private static Interaction view(String user, String item, long time) {
    return Interaction.of(user, item, "view", 1.0, time);
  }

  private static RecentItemCfRecommender fed(int recent, List<Interaction> events) {
    Set<String> items = new LinkedHashSet<>();
    events.forEach(e -> items.add(e.itemId()));
    RecentItemCfRecommender recommender = RecentItemCfRecommender.over(items, recent);
    events.forEach(recommender::update);
    return recommender;
  }

  /**
   * co(a,b) = 2, co(a,c) = co(b,c) = co(b,d) = 1 and n(a) = 2, n(b) = 3, n(c) = n(d) = 1 before u4:
   * from a, b scores 2/√6 = 0.816 and c 1/√2 = 0.707.
   */
  @Test
  void ranksByTheSumOfCosinesToTheRecentItemsExcludingSeenOnes() {
    List<Interaction> events =
        new ArrayList<>(
            List.of(
                view("u1", "a", 1),
                view("u1", "b", 2),
                view("u1", "c", 3),
                view("u2", "a", 4),
                view("u2", "b", 5),
                view("u3", "b", 6),
                view("u3", "d", 7),
                view("u4", "a", 8)));
    assertThat(fed(1, events).recommend("u4", 10)).containsExactly("b", "c");

    events.add(view("u4", "d", 9));
    // From d alone: b 1/√3 (a is seen); from d and a: b 0.577 + 0.816, c 0.707.
    assertThat(fed(1, events).recommend("u4", 10)).containsExactly("b");
    assertThat(fed(2, events).recommend("u4", 10)).containsExactly("b", "c");
    assertThat(fed(2, events).recommend("u4", 1)).containsExactly("b");
    assertThat(fed(2, events).recommend("nobody", 10)).isEmpty();
  }

  @Test
  void aRepeatMakesAnItemRecentAgain() {
    List<Interaction> events =
        List.of(
            view("u1", "a", 1),
            view("u1", "x", 2),
            view("u2", "b", 3),
            view("u2", "y", 4),
            view("u3", "a", 5),
            view("u3", "b", 6),
            view("u3", "a", 7));
    // u3's most recent item is a again: its row (x, and b from u3) ranks, not b's (y).
    RecentItemCfRecommender recommender = fed(1, events);
    assertThat(recommender.recommend("u3", 10)).containsExactly("x");
  }

  /**
   * At every 97th event of a generated set, the incremental lists equal those of a recomputation
   * from the events so far, written independently (maps of sets, cosine from user sets).
   */
  @Test
  void equalsARecomputationFromScratchOnGeneratedData() {
    List<Interaction> events = InteractionGenerator.tiny(3).generate();
    Set<String> items = new LinkedHashSet<>();
    events.forEach(e -> items.add(e.itemId()));
    RecentItemCfRecommender recommender = RecentItemCfRecommender.over(items, 5);
    List<String> order = new ArrayList<>(items);
    for (int k = 0; k < events.size(); k++) {
      recommender.update(events.get(k));
      if (k % 97 == 0) {
        String user = events.get(k).userId();
        assertThat(recommender.recommend(user, 10))
            .as("list of %s after %d events", user, k + 1)
            .isEqualTo(recomputed(events.subList(0, k + 1), user, 5, 10, order));
      }
    }
  }

  private static List<String> recomputed(
      List<Interaction> prefix, String user, int recent, int n, List<String> order) {
    Map<String, Set<String>> usersOf = new HashMap<>();
    List<String> history = new ArrayList<>();
    for (Interaction e : prefix) {
      usersOf.computeIfAbsent(e.itemId(), i -> new HashSet<>()).add(e.userId());
      if (e.userId().equals(user)) {
        history.remove(e.itemId());
        history.add(e.itemId());
      }
    }
    Map<String, Double> scores = new HashMap<>();
    // Most recent seed first, the order in which the recommender sums.
    for (int s = history.size() - 1; s >= Math.max(0, history.size() - recent); s--) {
      String seed = history.get(s);
      for (String candidate : usersOf.keySet()) {
        Set<String> both = new HashSet<>(usersOf.get(seed));
        both.retainAll(usersOf.get(candidate));
        if (!candidate.equals(seed) && !both.isEmpty()) {
          double cosine =
              both.size()
                  / (Math.sqrt(usersOf.get(seed).size())
                      * Math.sqrt(usersOf.get(candidate).size()));
          scores.merge(candidate, cosine, Double::sum);
        }
      }
    }
    history.forEach(scores::remove);
    return scores.entrySet().stream()
        .sorted(
            Comparator.<Map.Entry<String, Double>>comparingDouble(Map.Entry::getValue)
                .reversed()
                .thenComparingInt(entry -> order.indexOf(entry.getKey())))
        .limit(n)
        .map(Map.Entry::getKey)
        .toList();
  }

  @Test
  void refusesTooManyItemsAndUnknownItems() {
    Set<String> many = new HashSet<>();
    for (int k = 0; k <= RecentItemCfRecommender.MAX_ITEMS; k++) {
      many.add("i" + k);
    }
    assertThatThrownBy(() -> RecentItemCfRecommender.over(many, 10))
        .hasMessageContaining("at most 12000 items");
    RecentItemCfRecommender recommender = RecentItemCfRecommender.over(Set.of("a"), 10);
    assertThatThrownBy(() -> recommender.update(view("u", "b", 1)))
        .hasMessageContaining("item b was not given");
  }
}
