package io.recs.examples;

import io.recs.evaluation.metrics.RankingMetrics;
import io.recs.evaluation.metrics.RankingReport;
import io.recs.evaluation.metrics.Recommender;
import io.recs.evaluation.metrics.Split;
import io.recs.event.Interaction;
import io.recs.pipeline.RecsPipeline;
import io.recs.request.NeighbourLookup;
import io.recs.request.RequestConfig;
import io.recs.scoring.LearnedWeights;
import io.recs.scoring.LearningSignal;
import io.recs.scoring.LinearScoring;
import io.recs.scoring.RankingFeature;
import io.recs.scoring.ScoringConfig;
import io.recs.similarity.SimilarityConfig;
import io.recs.state.PreferenceConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Learned scoring against the grid of fixed scorers it replaces: whole history, last 20, last 10,
 * last 3, and decayed affinity with half-lives of 1 and 30 days, all over the same seeds (the
 * user's most recent {@code seedItems} history items) and the same item similarity; the learned
 * model starts as {@link io.recs.scoring.Scorers#sum()} with the default 7-day half-life and is not
 * told which of them is best. There is one learned scorer per {@link LearningSignal}: the
 * next-event signal serves next-item lists (the prequential protocol), the held-out signal
 * taste-style lists (the random split).
 *
 * <p>Prequential (test-then-learn): each event is a request, judged against the list the pipeline
 * emitted for the same user's previous event. Hit rate@k: the event's item is in the first k.
 * Recall@k: the share of the distinct items of the user's next {@code horizon} events (this one and
 * the following ones) that are in the first k. Both are averaged over all events, a user's first
 * event counting 0, so every scorer has the same denominator.
 */
final class LearningEvaluation {
  private LearningEvaluation() {}

  /** One scorer of the comparison. */
  record Variant(
      String name, RequestConfig requests, ScoringConfig scoring, PreferenceConfig preferences) {
    boolean learns() {
      return scoring.linear().learning();
    }

    /** What the variant learns from, or null for a fixed scorer. */
    LearningSignal signal() {
      return learns() ? scoring.linear().signal() : null;
    }
  }

  /** Prequential figures of one variant, and the learned weights if it learns. */
  record Prequential(
      String name, double hitRate, double recall, long hits, LearnedWeights weights) {}

  /** The fixed grid and the scorer learned from the next-event signal, in that order. */
  static List<Variant> variants(int k, int seedItems, int candidatesPerSeed) {
    return variants(
        k, seedItems, candidatesPerSeed, List.of(LearningSignal.NEXT_EVENT), List.of(), null);
  }

  /**
   * The fixed grid, then one learned scorer per signal, in the order given; the learned scorers
   * also weigh per-action features, and start from {@code pretrained} weights if not null.
   */
  static List<Variant> variants(
      int k,
      int seedItems,
      int candidatesPerSeed,
      List<LearningSignal> signals,
      List<String> actions,
      LearnedWeights pretrained) {
    List<Variant> variants = new ArrayList<>();
    PreferenceConfig defaults = PreferenceConfig.defaults();
    variants.add(
        fixed("whole history", RankingFeature.WHOLE, k, seedItems, candidatesPerSeed, defaults));
    variants.add(
        fixed("last 20", RankingFeature.LAST_20, k, seedItems, candidatesPerSeed, defaults));
    variants.add(
        fixed("last 10", RankingFeature.LAST_10, k, seedItems, candidatesPerSeed, defaults));
    variants.add(fixed("last 3", RankingFeature.LAST_3, k, seedItems, candidatesPerSeed, defaults));
    variants.add(
        fixed(
            "half-life 1 day",
            RankingFeature.DECAYED,
            k,
            seedItems,
            candidatesPerSeed,
            PreferenceConfig.builder().halfLife(Duration.ofDays(1)).build()));
    variants.add(
        fixed(
            "half-life 30 days",
            RankingFeature.DECAYED,
            k,
            seedItems,
            candidatesPerSeed,
            PreferenceConfig.builder().halfLife(Duration.ofDays(30)).build()));
    for (LearningSignal signal : signals) {
      String name =
          "learned (BPR), "
              + (signal == LearningSignal.NEXT_EVENT ? "next event" : "held out")
              + (pretrained == null ? "" : ", pre-trained");
      variants.add(
          new Variant(
              name,
              requests(seedItems, candidatesPerSeed),
              scoring(
                  k,
                  LinearScoring.builder()
                      .signal(signal)
                      .actions(actions)
                      .initialWeights(pretrained)
                      .build()),
              defaults));
    }
    return variants;
  }

  private static Variant fixed(
      String name,
      RankingFeature feature,
      int k,
      int seedItems,
      int candidatesPerSeed,
      PreferenceConfig preferences) {
    return new Variant(
        name,
        requests(seedItems, candidatesPerSeed),
        scoring(k, LinearScoring.fixed(LearnedWeights.only(feature))),
        preferences);
  }

  private static RequestConfig requests(int seedItems, int candidatesPerSeed) {
    return RequestConfig.builder()
        .seedItems(seedItems)
        .candidatesPerSeed(candidatesPerSeed)
        .neighbourLookup(NeighbourLookup.REPLICATED)
        .build();
  }

  private static ScoringConfig scoring(int k, LinearScoring linear) {
    return ScoringConfig.builder().n(k).linear(linear).build();
  }

  static RecsPipeline pipeline(Variant variant, SimilarityConfig similarity) {
    return RecsPipeline.builder()
        .similarity(similarity)
        .requests(variant.requests())
        .scoring(variant.scoring())
        .preferences(variant.preferences())
        .build();
  }

  /** Runs one variant prequentially over the events (which must have distinct times per user). */
  static Prequential prequential(
      StreamingRuns.Progress progress,
      Variant variant,
      SimilarityConfig similarity,
      List<Interaction> events,
      int parallelism,
      int k,
      int horizon,
      long eventsPerSecond)
      throws Exception {
    StreamingRuns.Lists lists =
        StreamingRuns.lists(
            progress.named(variant.name() + ", prequential"),
            pipeline(variant, similarity),
            events,
            parallelism,
            eventsPerSecond,
            true);
    Map<String, List<Interaction>> byUser = new LinkedHashMap<>();
    for (Interaction event : events) {
      byUser.computeIfAbsent(event.userId(), u -> new ArrayList<>()).add(event);
    }
    long hits = 0;
    double recall = 0;
    for (Map.Entry<String, List<Interaction>> user : byUser.entrySet()) {
      List<Interaction> sequence = user.getValue();
      Map<Long, List<String>> emitted = lists.byUserAndTime().getOrDefault(user.getKey(), Map.of());
      for (int j = 1; j < sequence.size(); j++) {
        List<String> list = emitted.getOrDefault(sequence.get(j - 1).timestamp(), List.of());
        Set<String> top = new HashSet<>(list.subList(0, Math.min(k, list.size())));
        if (top.contains(sequence.get(j).itemId())) {
          hits++;
        }
        Set<String> next = new HashSet<>();
        for (int h = j; h < Math.min(sequence.size(), j + horizon); h++) {
          next.add(sequence.get(h).itemId());
        }
        int found = 0;
        for (String item : next) {
          found += top.contains(item) ? 1 : 0;
        }
        recall += (double) found / next.size();
      }
    }
    LearnedWeights weights =
        lists.weights().isEmpty() ? null : LearnedWeights.average(lists.weights());
    return new Prequential(
        variant.name(), (double) hits / events.size(), recall / events.size(), hits, weights);
  }

  /**
   * Runs one variant over the training part, lists after every interaction (so that the learned
   * scorer learns), and evaluates each user's final list on the test part.
   */
  static RankingReport randomSplit(
      StreamingRuns.Progress progress,
      Variant variant,
      SimilarityConfig similarity,
      Split split,
      int parallelism,
      int k,
      long eventsPerSecond)
      throws Exception {
    Map<String, Long> last = new HashMap<>();
    split.train().forEach(e -> last.merge(e.userId(), e.timestamp(), Math::max));
    StreamingRuns.Lists lists =
        StreamingRuns.lists(
            progress.named(variant.name() + ", split"),
            pipeline(variant, similarity),
            split.train(),
            parallelism,
            eventsPerSecond,
            false);
    Map<String, List<String>> finals = new HashMap<>();
    lists
        .byUserAndTime()
        .forEach(
            (user, byTime) -> {
              // The final list answers the end of input and carries the user's latest time; it
              // replaces the list of the user's last interaction, which has the same time.
              List<String> list = byTime.get(last.get(user));
              if (list != null) {
                finals.put(user, list);
              }
            });
    Recommender recommender =
        (user, n) -> {
          List<String> list = finals.getOrDefault(user, List.of());
          return list.subList(0, Math.min(n, list.size()));
        };
    return RankingMetrics.evaluate(recommender, split.test(), k);
  }

  /**
   * The events with each user's times made distinct (an event at or before the user's previous one
   * moves to 1 ms after it), so that a list can be found by its triggering event's time. Order is
   * kept.
   */
  static List<Interaction> distinctTimesPerUser(List<Interaction> events) {
    Map<String, Long> previous = new HashMap<>();
    List<Interaction> result = new ArrayList<>(events.size());
    for (Interaction e : events) {
      Long before = previous.get(e.userId());
      long time = before != null && e.timestamp() <= before ? before + 1 : e.timestamp();
      previous.put(e.userId(), time);
      result.add(
          time == e.timestamp()
              ? e
              : new Interaction(
                  e.userId(), e.itemId(), e.action(), e.weight(), time, e.category()));
    }
    return result;
  }
}
