package io.recs.evaluation.reference;

import io.recs.event.Interaction;
import io.recs.event.ScoredItem;
import io.recs.similarity.SimilarityConfig;
import io.recs.state.PreferenceConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.apache.flink.annotation.PublicEvolving;

/**
 * The correctness oracle of item similarity: a plain, single-threaded computation of exactly the
 * semantics of {@code docs/architecture.md}, against which the streaming operators are compared.
 *
 * <pre>{@code
 * List<Interaction> events = InteractionGenerator.small(1).generate();
 * BatchReference reference = BatchReference.compute(events, SimilarityConfig.defaults());
 * List<ScoredItem> neighbours = reference.similarItems("i7");
 * double c = reference.cooccurrence("i7", "i3");
 * }</pre>
 *
 * <p>Events are processed in list order (for a time-sorted input, time order). Per user it keeps
 * the seen set (at most {@code maxItemsPerUser} items) and the recent history ({@code historySize}
 * distinct items by recency of arrival, with accumulated weight and last event time). A user's
 * first touch of an item pairs it with the {@code pairWindowItems} most recent history entries
 * (those within {@code pairWindow} of the event, when set), with delta 1, or {@code weight ×
 * accumulated weight of the partner} when {@code weighted}. Only the first {@code maxUsersPerItem}
 * touches of an item add to its co-occurrences, in both directions; every touch counts in n(i).
 * When {@code weighted}, every later event of positive weight on an item of the user's seen set
 * pairs the same way (with the partners of its time) while n(i) is at most {@code maxUsersPerItem},
 * and the measures use each item's squared weighted norm (see {@link #squaredNorm}) instead of
 * n(i), with the product of the two norms taken as at least c². Top-K lists are computed from the
 * final counts, best first, ties in tie order (FNV-1a hash of the id, see {@code
 * docs/architecture.md}). Each history entry also keeps its decayed affinity as {@code
 * docs/recommendations.md} defines it, with the half-life of a {@link PreferenceConfig}, for {@link
 * ReferenceRecommendations}.
 *
 * <p>The result is immutable. It is written for obviousness, not speed; it handles the generator's
 * standard set (200,000 events) in a few seconds.
 */
@PublicEvolving
public final class BatchReference {
  private final SimilarityConfig config;
  private final Map<String, UserState> users;
  private final Map<String, Long> itemCounts;
  private final Map<String, Double> norms;
  private final Map<String, Map<String, Double>> cooccurrences;
  private final Map<String, List<ScoredItem>> similarItems;

  private BatchReference(
      SimilarityConfig config,
      Map<String, UserState> users,
      Map<String, Long> itemCounts,
      Map<String, Double> norms,
      Map<String, Map<String, Double>> cooccurrences) {
    this.config = config;
    this.users = users;
    this.itemCounts = itemCounts;
    this.norms = norms;
    this.cooccurrences = cooccurrences;
    this.similarItems = topKOfEveryItem();
  }

  /**
   * Runs the reference over the events, in list order, with the default {@link PreferenceConfig}.
   *
   * @param events the interactions; not modified
   * @param config the similarity configuration, as given to the streaming operators
   */
  public static BatchReference compute(List<Interaction> events, SimilarityConfig config) {
    return compute(events, config, PreferenceConfig.defaults());
  }

  /**
   * Runs the reference over the events, in list order.
   *
   * @param events the interactions; not modified
   * @param config the similarity configuration, as given to the streaming operators
   * @param preferences the preference configuration, whose half-life decays affinities
   */
  public static BatchReference compute(
      List<Interaction> events, SimilarityConfig config, PreferenceConfig preferences) {
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(config, "config");
    long halfLifeMs = preferences.halfLife().toMillis();
    Map<String, UserState> users = new LinkedHashMap<>();
    Map<String, Long> itemCounts = new HashMap<>();
    Map<String, Map<String, Double>> cooccurrences = new HashMap<>();
    for (Interaction event : events) {
      UserState user = users.computeIfAbsent(event.userId(), u -> new UserState());
      String item = event.itemId();
      boolean pairs;
      if (user.touch(item, config.maxItemsPerUser())) {
        pairs = itemCounts.merge(item, 1L, Long::sum) <= config.maxUsersPerItem();
      } else {
        // Weighted, a repeat action on a seen item adds to its pairs too, as long as the item
        // has no more users than the cap.
        pairs =
            config.weighted()
                && user.seen().contains(item)
                && event.weight() > 0
                && itemCounts.get(item) <= config.maxUsersPerItem();
      }
      if (pairs) {
        for (Map.Entry<String, Double> partner : partners(user, event, config).entrySet()) {
          add(cooccurrences, item, partner.getKey(), partner.getValue());
          add(cooccurrences, partner.getKey(), item, partner.getValue());
        }
      }
      user.record(event, config.historySize(), halfLifeMs);
    }
    Map<String, Double> norms = new HashMap<>();
    if (config.weighted()) {
      for (UserState user : users.values()) {
        for (String item : user.seen()) {
          norms.merge(item, user.squaredWeight(item), Double::sum);
        }
      }
    }
    return new BatchReference(config, users, itemCounts, norms, cooccurrences);
  }

  /** Partner item → delta, from the history as it was before this event. */
  private static Map<String, Double> partners(
      UserState user, Interaction event, SimilarityConfig config) {
    Map<String, Double> partners = new LinkedHashMap<>();
    List<HistoryEntry> history = user.history();
    int candidates = Math.min(config.pairWindowItems(), history.size());
    Duration window = config.pairWindow();
    for (HistoryEntry entry : history.subList(0, candidates)) {
      boolean inWindow =
          window == null || entry.lastTimestamp() >= event.timestamp() - window.toMillis();
      if (inWindow && !entry.itemId().equals(event.itemId())) {
        double delta = config.weighted() ? event.weight() * entry.accumulatedWeight() : 1.0;
        partners.put(entry.itemId(), delta);
      }
    }
    return partners;
  }

  private static void add(
      Map<String, Map<String, Double>> matrix, String row, String column, double delta) {
    matrix.computeIfAbsent(row, r -> new HashMap<>()).merge(column, delta, Double::sum);
  }

  /** C(i,j): 0 when the items never co-occurred. */
  public double cooccurrence(String itemI, String itemJ) {
    return cooccurrences.getOrDefault(itemI, Map.of()).getOrDefault(itemJ, 0.0);
  }

  /**
   * The whole co-occurrence matrix: row item → (column item → C(row, column)), as a copy sorted by
   * id, so that a failed comparison prints readably.
   */
  public Map<String, Map<String, Double>> cooccurrences() {
    Map<String, Map<String, Double>> sorted = new TreeMap<>();
    cooccurrences.forEach(
        (row, columns) -> sorted.put(row, Collections.unmodifiableMap(new TreeMap<>(columns))));
    return Collections.unmodifiableMap(sorted);
  }

  /** n(i): the number of users whose seen set holds the item. */
  public long itemCount(String itemId) {
    return itemCounts.getOrDefault(itemId, 0L);
  }

  /** n(i) of every touched item, as a copy sorted by id. */
  public Map<String, Long> itemCounts() {
    return Collections.unmodifiableMap(new TreeMap<>(itemCounts));
  }

  /**
   * ‖i‖², the squared weighted norm of the item when weighted: the sum over the users who have the
   * item in their seen set, and over each stay of the item in such a user's history, of the square
   * of the weight the user accumulated on it during the stay; 0 when unweighted.
   */
  public double squaredNorm(String itemId) {
    return norms.getOrDefault(itemId, 0.0);
  }

  /** N: the number of distinct users, every user with at least one interaction. */
  public long userCount() {
    return users.size();
  }

  /** The similarity of item i to item j under the configured measure; 0 when C(i,j) = 0. */
  public double similarity(String itemI, String itemJ) {
    double c = cooccurrence(itemI, itemJ);
    if (c <= 0 || itemI.equals(itemJ)) {
      return 0;
    }
    if (config.weighted()) {
      return SimilarityFormulas.weightedSimilarity(
          config.measure(), c, squaredNorm(itemI), squaredNorm(itemJ), userCount());
    }
    return SimilarityFormulas.similarity(
        config.measure(), c, itemCount(itemI), itemCount(itemJ), userCount());
  }

  /** The top-K neighbours of the item, best first, ties in tie order; empty if it has none. */
  public List<ScoredItem> similarItems(String itemId) {
    return similarItems.getOrDefault(itemId, List.of());
  }

  /** The top-K neighbours of every item that has at least one, sorted by item id. */
  public Map<String, List<ScoredItem>> allSimilarItems() {
    return Collections.unmodifiableMap(similarItems);
  }

  /** The users, in order of their first interaction. */
  public Set<String> users() {
    return Collections.unmodifiableSet(users.keySet());
  }

  /** The user's final seen set, in the order the items were added; empty for an unknown user. */
  public Set<String> seen(String userId) {
    UserState user = users.get(userId);
    return user == null ? Set.of() : Collections.unmodifiableSet(user.seen());
  }

  /** The user's final recent history, most recent first; empty for an unknown user. */
  public List<HistoryEntry> history(String userId) {
    UserState user = users.get(userId);
    return user == null ? List.of() : List.copyOf(user.history());
  }

  /**
   * The user's decayed affinity to a history item at {@code time}; 0 when the item is not in the
   * user's final history.
   */
  public double affinity(String userId, String itemId, long time) {
    UserState user = users.get(userId);
    return user == null ? 0 : user.affinityAt(itemId, time);
  }

  /** The latest event time of the user, epoch ms; {@link Long#MIN_VALUE} for an unknown user. */
  public long latestTime(String userId) {
    UserState user = users.get(userId);
    return user == null ? Long.MIN_VALUE : user.latestTime();
  }

  /** The configuration this reference was computed with. */
  public SimilarityConfig config() {
    return config;
  }

  private Map<String, List<ScoredItem>> topKOfEveryItem() {
    Map<String, List<ScoredItem>> lists = new TreeMap<>();
    for (String item : cooccurrences.keySet()) {
      List<ScoredItem> candidates = new ArrayList<>();
      for (Map.Entry<String, Double> column : cooccurrences.get(item).entrySet()) {
        if (column.getValue() > 0 && !column.getKey().equals(item)) {
          candidates.add(ScoredItem.of(column.getKey(), similarity(item, column.getKey())));
        }
      }
      candidates.sort(NeighbourRanking.BEST_FIRST);
      List<ScoredItem> topK =
          candidates.subList(0, Math.min(config.neighbours(), candidates.size()));
      if (!topK.isEmpty()) {
        lists.put(item, List.copyOf(topK));
      }
    }
    return lists;
  }

  @Override
  public String toString() {
    return "BatchReference{users="
        + users.size()
        + ", items="
        + itemCounts.size()
        + ", rows="
        + cooccurrences.size()
        + ", config="
        + config
        + '}';
  }
}
