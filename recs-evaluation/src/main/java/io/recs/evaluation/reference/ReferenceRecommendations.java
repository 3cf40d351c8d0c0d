package io.recs.evaluation.reference;

import io.recs.event.Interaction;
import io.recs.event.ScoredItem;
import io.recs.event.TrendingItems;
import io.recs.pipeline.RecsPipeline;
import io.recs.request.RequestConfig;
import io.recs.request.SeedWeights;
import io.recs.scoring.ScoringConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.apache.flink.annotation.PublicEvolving;

/**
 * The correctness oracle of recommendations: each user's final top-N, the answer to the request
 * made once per user when a bounded input ends, computed single-threaded from the semantics of
 * {@code docs/recommendations.md}.
 *
 * <pre>{@code
 * RecsPipeline pipeline = RecsPipeline.builder().build();
 * ReferenceRecommendations reference = ReferenceRecommendations.compute(events, pipeline);
 * List<ScoredItem> top = reference.recommendations("u42");
 * }</pre>
 *
 * <p>From a {@link BatchReference} over the same events (final neighbour lists, histories and
 * affinities), for each user at T, the user's latest event time: the {@code seedItems} history
 * entries with the highest affinity at T (ties in tie order) are the seeds, or with {@code
 * SeedWeights.RECENCY} the {@code seedItems} most recent entries, whose affinity is then their
 * recency 0.5^((T - last event time) / half-life); every seed h contributes (affinity(h), sim(h,
 * j)) to each j among the first {@code candidatesPerSeed} entries of its neighbour list (with
 * {@code normalizeSeeds}, sim(h, j) divided by the sum of those entries' similarities, when
 * positive); candidates in the user's seen set (the first {@code maxSeenItems} distinct items of
 * events whose action the {@code SeenFilter} excludes), in the blocklist or refused by the {@code
 * ItemFilter} are dropped; the score is {@code scorer(affinities, similarities) × boost(j)}; the
 * best N by score, ties in tie order, each explained by the {@code explanations} seeds with the
 * largest affinity × similarity, ties by seed id. Lists shorter than N are filled, when {@code
 * trendingBackfill} is on, from the final global trending list in its order, skipping filtered and
 * chosen items, with {@code because = ["trending"]} and the trending score (popularity at the
 * latest event time of all events). The final request carries no category.
 *
 * <p>Immutable; written for obviousness, not speed.
 */
@PublicEvolving
public final class ReferenceRecommendations {
  /** The explanation of a backfilled item. */
  public static final String TRENDING = "trending";

  private final BatchReference similarity;
  private final Map<String, List<ScoredItem>> trending;
  private final Map<String, List<ScoredItem>> recommendations;

  private ReferenceRecommendations(
      BatchReference similarity,
      Map<String, List<ScoredItem>> trending,
      Map<String, List<ScoredItem>> recommendations) {
    this.similarity = similarity;
    this.trending = trending;
    this.recommendations = recommendations;
  }

  /**
   * Computes every user's final recommendations.
   *
   * @param events the interactions, in the order the streaming job receives them; not modified
   * @param pipeline the configurations, as given to the streaming job
   */
  public static ReferenceRecommendations compute(List<Interaction> events, RecsPipeline pipeline) {
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(pipeline, "pipeline");
    BatchReference similarity =
        BatchReference.compute(events, pipeline.similarity(), pipeline.preferences());
    Map<String, List<ScoredItem>> trending = ReferenceTrending.compute(events, pipeline.trending());
    Map<String, Set<String>> seen = seenItems(events, pipeline.scoring());
    List<ScoredItem> global = trending.getOrDefault(TrendingItems.GLOBAL, List.of());
    Map<String, List<ScoredItem>> lists = new TreeMap<>();
    for (String user : similarity.users()) {
      UserRequest request =
          new UserRequest(
              user,
              similarity,
              pipeline.requests(),
              pipeline.preferences().halfLife().toMillis(),
              pipeline.scoring(),
              seen.getOrDefault(user, Set.of()),
              global);
      lists.put(user, request.answer());
    }
    return new ReferenceRecommendations(
        similarity, Collections.unmodifiableMap(trending), Collections.unmodifiableMap(lists));
  }

  /** The user's final recommendations, best first; empty for an unknown user. */
  public List<ScoredItem> recommendations(String userId) {
    return recommendations.getOrDefault(userId, List.of());
  }

  /** Every user's final recommendations, by user id. */
  public Map<String, List<ScoredItem>> all() {
    return recommendations;
  }

  /** The final trending list of a scope ({@link TrendingItems#GLOBAL} or a category). */
  public List<ScoredItem> trending(String scope) {
    return trending.getOrDefault(scope, List.of());
  }

  /** The similarity reference the recommendations were computed from. */
  public BatchReference similarity() {
    return similarity;
  }

  /** Per user, the first {@code maxSeenItems} distinct items of events the filter excludes. */
  private static Map<String, Set<String>> seenItems(
      List<Interaction> events, ScoringConfig scoring) {
    Map<String, Set<String>> seen = new HashMap<>();
    for (Interaction event : events) {
      Set<String> items = seen.computeIfAbsent(event.userId(), u -> new LinkedHashSet<>());
      if (scoring.seenFilter().excludes(event.action()) && items.size() < scoring.maxSeenItems()) {
        items.add(event.itemId());
      }
    }
    return seen;
  }

  /** One user's final request. */
  private static final class UserRequest {
    private final String user;
    private final BatchReference similarity;
    private final RequestConfig requests;
    private final long halfLifeMs;
    private final ScoringConfig scoring;
    private final Set<String> seen;
    private final List<ScoredItem> trending;

    UserRequest(
        String user,
        BatchReference similarity,
        RequestConfig requests,
        long halfLifeMs,
        ScoringConfig scoring,
        Set<String> seen,
        List<ScoredItem> trending) {
      this.user = user;
      this.similarity = similarity;
      this.requests = requests;
      this.halfLifeMs = halfLifeMs;
      this.scoring = scoring;
      this.seen = seen;
      this.trending = trending;
    }

    List<ScoredItem> answer() {
      long time = similarity.latestTime(user);
      Map<String, Contributions> candidates = new LinkedHashMap<>();
      for (HistoryEntry seed : seeds(time)) {
        double affinity = weight(seed, time);
        List<ScoredItem> neighbours = similarity.similarItems(seed.itemId());
        List<ScoredItem> row =
            neighbours.subList(0, Math.min(requests.candidatesPerSeed(), neighbours.size()));
        double divisor = scoring.normalizeSeeds() ? rowSum(row) : 1;
        for (ScoredItem neighbour : row) {
          if (allowed(neighbour.itemId())) {
            candidates
                .computeIfAbsent(neighbour.itemId(), j -> new Contributions())
                .add(seed.itemId(), affinity, neighbour.score() / divisor);
          }
        }
      }
      List<ScoredItem> ranked = new ArrayList<>();
      candidates.forEach(
          (item, contributions) ->
              ranked.add(
                  new ScoredItem(
                      item,
                      contributions.score(scoring) * scoring.boosts().getOrDefault(item, 1.0),
                      contributions.because(scoring.explanations()))));
      ranked.sort(NeighbourRanking.BEST_FIRST);
      List<ScoredItem> top =
          new ArrayList<>(ranked.subList(0, Math.min(scoring.n(), ranked.size())));
      if (scoring.trendingBackfill()) {
        backfill(top);
      }
      return List.copyOf(top);
    }

    /** Σ of the row's similarities, or 1 when that is not positive. */
    private static double rowSum(List<ScoredItem> row) {
      double sum = 0;
      for (ScoredItem item : row) {
        sum += item.score();
      }
      return sum > 0 ? sum : 1;
    }

    /**
     * The seed items: highest affinity at {@code time} first, ties in tie order; with recency
     * weights the most recent first.
     */
    private List<HistoryEntry> seeds(long time) {
      List<HistoryEntry> items = new ArrayList<>(similarity.history(user));
      if (requests.seedWeights() == SeedWeights.AFFINITY) {
        items.sort(
            Comparator.comparingDouble(
                    (HistoryEntry entry) -> similarity.affinity(user, entry.itemId(), time))
                .reversed()
                .thenComparing(HistoryEntry::itemId, NeighbourRanking.TIES));
      }
      return items.subList(0, Math.min(requests.seedItems(), items.size()));
    }

    /** The seed's weight at {@code time}: its decayed affinity, or its recency. */
    private double weight(HistoryEntry seed, long time) {
      if (requests.seedWeights() == SeedWeights.AFFINITY) {
        return similarity.affinity(user, seed.itemId(), time);
      }
      return time <= seed.lastTimestamp()
          ? 1.0
          : Math.pow(0.5, (double) (time - seed.lastTimestamp()) / halfLifeMs);
    }

    private boolean allowed(String item) {
      return !seen.contains(item)
          && !scoring.blocklist().contains(item)
          && (scoring.filter() == null || scoring.filter().allows(user, item));
    }

    private void backfill(List<ScoredItem> top) {
      Set<String> chosen = new LinkedHashSet<>();
      top.forEach(item -> chosen.add(item.itemId()));
      for (ScoredItem item : trending) {
        if (top.size() >= scoring.n()) {
          return;
        }
        if (!chosen.contains(item.itemId()) && allowed(item.itemId())) {
          top.add(new ScoredItem(item.itemId(), item.score(), List.of(TRENDING)));
          chosen.add(item.itemId());
        }
      }
    }
  }

  /** The seeds' contributions to one candidate, in seed order. */
  private static final class Contributions {
    private final List<String> seeds = new ArrayList<>();
    private final List<Double> affinities = new ArrayList<>();
    private final List<Double> similarities = new ArrayList<>();

    void add(String seed, double affinity, double similarity) {
      seeds.add(seed);
      affinities.add(affinity);
      similarities.add(similarity);
    }

    double score(ScoringConfig scoring) {
      double[] a = affinities.stream().mapToDouble(Double::doubleValue).toArray();
      double[] s = similarities.stream().mapToDouble(Double::doubleValue).toArray();
      return scoring.scorer().score(a, s, seeds.size());
    }

    /** The seeds with the largest affinity × similarity, ties in tie order of the seeds. */
    List<String> because(int limit) {
      List<Integer> order = new ArrayList<>();
      for (int k = 0; k < seeds.size(); k++) {
        order.add(k);
      }
      order.sort(
          Comparator.comparingDouble((Integer k) -> affinities.get(k) * similarities.get(k))
              .reversed()
              .thenComparing(seeds::get, NeighbourRanking.TIES));
      return order.subList(0, Math.min(limit, order.size())).stream().map(seeds::get).toList();
    }
  }
}
