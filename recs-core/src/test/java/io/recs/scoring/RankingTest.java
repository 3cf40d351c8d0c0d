package io.recs.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.recs.event.ScoredItem;
import io.recs.event.TieBreak;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** {@link Ranking} against a plain re-statement of the same rules, on random requests. */
class RankingTest {

  @Test
  void ranksLikeThePlainDefinitionRequestAfterRequest() {
    Random random = new Random(11);
    ScoringConfig config =
        ScoringConfig.builder()
            .explanations(3)
            .boosts(Map.of("i1", 2.0, "i2", 0.5))
            .scorer(Scorers.blend(Map.of(Scorers.sum(), 0.6, Scorers.max(), 0.4)))
            .build();
    Ranking ranking = new Ranking(); // reused, as in the operator
    for (int request = 0; request < 500; request++) {
      int seeds = 1 + random.nextInt(20);
      SeedCandidates parts = SeedCandidates.empty(seeds);
      for (int p = 0; p < seeds; p++) {
        parts.set(p, "s" + p, random.nextInt(4) / 2.0 + 0.1);
        if (random.nextInt(10) == 0) {
          continue; // a seed without neighbours yet
        }
        Set<String> candidates = new LinkedHashSet<>();
        int count = random.nextInt(21);
        while (candidates.size() < count) {
          candidates.add("i" + random.nextInt(request % 2 == 0 ? 40 : 400));
        }
        parts.candidates()[p] = candidates.toArray(new String[0]);
        parts.similarities()[p] = new double[count];
        for (int k = 0; k < count; k++) {
          parts.similarities()[p][k] = random.nextInt(5) / 4.0;
        }
      }
      Set<String> refused = new java.util.HashSet<>();
      for (int k = 0; k < 30; k++) {
        refused.add("i" + random.nextInt(40));
      }
      int n = 1 + random.nextInt(15);
      Predicate<String> allowed = item -> !refused.contains(item);

      assertThat(ranking.rank(parts, n, allowed, config))
          .as("request %d", request)
          .isEqualTo(plainRank(parts, n, allowed, config));
    }
  }

  @Test
  void normalizedSeedsVoteWithTheirAffinityWhateverTheScaleOfTheirRow() {
    // Seed a has a dense row of large similarities, seed b a row of small ones.
    SeedCandidates parts = SeedCandidates.empty(2);
    parts.set(0, "a", 1.0);
    parts.candidates()[0] = new String[] {"x", "y"};
    parts.similarities()[0] = new double[] {0.6, 0.4};
    parts.set(1, "b", 1.0);
    parts.candidates()[1] = new String[] {"z", "y"};
    parts.similarities()[1] = new double[] {0.15, 0.05};
    ScoringConfig plain = ScoringConfig.builder().explanations(1).build();
    ScoringConfig normalized = ScoringConfig.builder().explanations(1).normalizeSeeds(true).build();

    // sum: x 0.6, y 0.45, z 0.15
    assertThat(new Ranking().rank(parts, 3, item -> true, plain))
        .extracting(ScoredItem::itemId)
        .containsExactly("x", "y", "z");
    // normalised: x 0.6, y 0.4 + 0.25 = 0.65, z 0.75: b's row counts as much as a's
    List<ScoredItem> ranked = new Ranking().rank(parts, 3, item -> true, normalized);
    assertThat(ranked).extracting(ScoredItem::itemId).containsExactly("z", "y", "x");
    assertThat(ranked.get(0).score()).isCloseTo(0.75, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(ranked.get(1).score()).isCloseTo(0.65, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(ranked.get(1).because()).containsExactly("a");
  }

  @Test
  void aRowOfZerosIsNotDividedByZero() {
    SeedCandidates parts = SeedCandidates.empty(1);
    parts.set(0, "a", 1.0);
    parts.candidates()[0] = new String[] {"x"};
    parts.similarities()[0] = new double[] {0.0};
    ScoringConfig normalized = ScoringConfig.builder().normalizeSeeds(true).build();
    assertThat(new Ranking().rank(parts, 1, item -> true, normalized))
        .extracting(ScoredItem::score)
        .containsExactly(0.0);
  }

  private static List<ScoredItem> plainRank(
      SeedCandidates parts, int n, Predicate<String> allowed, ScoringConfig config) {
    Map<String, List<Integer>> seedsOf = new HashMap<>();
    Map<String, List<Double>> similaritiesOf = new HashMap<>();
    for (int p = 0; p < parts.count(); p++) {
      if (parts.candidates()[p] == null) {
        continue;
      }
      for (int k = 0; k < parts.candidates()[p].length; k++) {
        String item = parts.candidates()[p][k];
        seedsOf.computeIfAbsent(item, i -> new ArrayList<>()).add(p);
        similaritiesOf
            .computeIfAbsent(item, i -> new ArrayList<>())
            .add(parts.similarities()[p][k]);
      }
    }
    List<ScoredItem> all = new ArrayList<>();
    for (String item : seedsOf.keySet()) {
      if (!allowed.test(item)) {
        continue;
      }
      List<Integer> seeds = seedsOf.get(item);
      double[] affinities = new double[seeds.size()];
      double[] similarities = new double[seeds.size()];
      for (int k = 0; k < seeds.size(); k++) {
        affinities[k] = parts.affinities()[seeds.get(k)];
        similarities[k] = similaritiesOf.get(item).get(k);
      }
      double score = config.scorer().score(affinities, similarities, seeds.size());
      score *= config.boosts().getOrDefault(item, 1.0);
      List<Integer> order = new ArrayList<>();
      for (int k = 0; k < seeds.size(); k++) {
        order.add(k);
      }
      order.sort(
          Comparator.<Integer>comparingDouble(k -> -affinities[k] * similarities[k])
              .thenComparing(k -> parts.seeds()[seeds.get(k)], TieBreak.ORDER));
      List<String> because = new ArrayList<>();
      for (int k = 0; k < Math.min(config.explanations(), order.size()); k++) {
        because.add(parts.seeds()[seeds.get(order.get(k))]);
      }
      all.add(new ScoredItem(item, score, because));
    }
    all.sort(
        Comparator.comparingDouble((ScoredItem i) -> -i.score())
            .thenComparing(ScoredItem::itemId, TieBreak.ORDER));
    return all.subList(0, Math.min(n, all.size()));
  }
}
