package io.recs.evaluation.reference;

import io.recs.evaluation.metrics.Recommender;
import io.recs.event.Interaction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.flink.annotation.PublicEvolving;

/**
 * Plain batch item-based collaborative filtering, the quality baseline for the streaming
 * recommender.
 *
 * <pre>{@code
 * Split split = Splits.lastNPerUser(events, 5);
 * Recommender cosine = ItemCosineRecommender.trainedOn(split.train());
 * List<String> top10 = cosine.recommend("u42", 10);
 * }</pre>
 *
 * <p>Builds the full binary user-item matrix of the training events (an event means "the user
 * interacted with the item"; action, weight and time are ignored) and the cosine similarity of
 * every co-occurring item pair, {@code sim(i,j) = |U(i) ∩ U(j)| / sqrt(|U(i)| × |U(j)|)}, with no
 * caps on history, users or neighbours. A user's score for item j is {@code Σ sim(i,j)} over the
 * items i the user interacted with; items the user interacted with are excluded, as are items that
 * score 0, so a list may be shorter than asked. Ties go to the lower item id. Users without
 * training events get an empty list.
 *
 * <p>Immutable after {@link #trainedOn(List)}; memory grows with the number of co-occurring item
 * pairs.
 */
@PublicEvolving
public final class ItemCosineRecommender implements Recommender {
  private final List<String> itemIds; // sorted, so that index order is id order
  private final Map<String, int[]> itemsOfUser;
  private final int[][] neighbourIndexes;
  private final double[][] neighbourSimilarities;

  private ItemCosineRecommender(
      List<String> itemIds,
      Map<String, int[]> itemsOfUser,
      int[][] neighbourIndexes,
      double[][] neighbourSimilarities) {
    this.itemIds = itemIds;
    this.itemsOfUser = itemsOfUser;
    this.neighbourIndexes = neighbourIndexes;
    this.neighbourSimilarities = neighbourSimilarities;
  }

  /** Trains on the events; their order does not matter. */
  public static ItemCosineRecommender trainedOn(List<Interaction> train) {
    Objects.requireNonNull(train, "train");
    UserItemMatrix matrix = UserItemMatrix.of(train);
    int items = matrix.itemIds().size();
    int[][] neighbourIndexes = new int[items][];
    double[][] neighbourSimilarities = new double[items][];
    int[] common = new int[items];
    for (int i = 0; i < items; i++) {
      for (String user : matrix.usersOfItem(i)) {
        for (int j : matrix.itemsOfUser().get(user)) {
          common[j]++;
        }
      }
      common[i] = 0;
      List<Integer> neighbours = new ArrayList<>();
      for (int j = 0; j < items; j++) {
        if (common[j] > 0) {
          neighbours.add(j);
        }
      }
      neighbourIndexes[i] = new int[neighbours.size()];
      neighbourSimilarities[i] = new double[neighbours.size()];
      double usersOfI = matrix.usersOfItem(i).size();
      for (int k = 0; k < neighbours.size(); k++) {
        int j = neighbours.get(k);
        neighbourIndexes[i][k] = j;
        neighbourSimilarities[i][k] =
            common[j] / Math.sqrt(usersOfI * matrix.usersOfItem(j).size());
        common[j] = 0;
      }
    }
    return new ItemCosineRecommender(
        matrix.itemIds(), matrix.itemsOfUser(), neighbourIndexes, neighbourSimilarities);
  }

  /** The cosine similarity of two training items; 0 if they never co-occur or are unknown. */
  public double similarity(String itemI, String itemJ) {
    int i = Collections.binarySearch(itemIds, itemI);
    int j = Collections.binarySearch(itemIds, itemJ);
    if (i < 0 || j < 0) {
      return 0;
    }
    int k = Arrays.binarySearch(neighbourIndexes[i], j); // neighbours are in index order
    return k < 0 ? 0 : neighbourSimilarities[i][k];
  }

  @Override
  public List<String> recommend(String userId, int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("n must be > 0, was " + n);
    }
    int[] history = itemsOfUser.get(userId);
    if (history == null) {
      return List.of();
    }
    double[] scores = new double[itemIds.size()];
    for (int i : history) {
      for (int k = 0; k < neighbourIndexes[i].length; k++) {
        scores[neighbourIndexes[i][k]] += neighbourSimilarities[i][k];
      }
    }
    for (int i : history) {
      scores[i] = 0;
    }
    return topN(scores, n);
  }

  private List<String> topN(double[] scores, int n) {
    // Ordered worst first, so that the first element is the one to drop when over n.
    TreeSet<Integer> best =
        new TreeSet<>(
            (x, y) -> {
              int byScore = Double.compare(scores[x], scores[y]);
              return byScore != 0 ? byScore : Integer.compare(y, x);
            });
    for (int j = 0; j < scores.length; j++) {
      if (scores[j] > 0) {
        best.add(j);
        if (best.size() > n) {
          best.pollFirst();
        }
      }
    }
    List<String> top = new ArrayList<>(best.size());
    for (int j : best.descendingSet()) {
      top.add(itemIds.get(j));
    }
    return top;
  }

  /** The distinct items of each user and the users of each item, indexed by sorted item id. */
  private record UserItemMatrix(
      List<String> itemIds, Map<String, int[]> itemsOfUser, List<List<String>> usersByItem) {

    static UserItemMatrix of(List<Interaction> events) {
      List<String> itemIds =
          List.copyOf(new TreeSet<>(events.stream().map(Interaction::itemId).toList()));
      Map<String, Integer> indexOf = new HashMap<>();
      for (int k = 0; k < itemIds.size(); k++) {
        indexOf.put(itemIds.get(k), k);
      }
      Map<String, TreeSet<Integer>> distinct = new HashMap<>();
      for (Interaction event : events) {
        distinct
            .computeIfAbsent(event.userId(), u -> new TreeSet<>())
            .add(indexOf.get(event.itemId()));
      }
      Map<String, int[]> itemsOfUser = new HashMap<>();
      List<List<String>> usersByItem = new ArrayList<>();
      for (int k = 0; k < itemIds.size(); k++) {
        usersByItem.add(new ArrayList<>());
      }
      distinct.forEach(
          (user, items) -> {
            itemsOfUser.put(user, items.stream().mapToInt(Integer::intValue).toArray());
            items.forEach(i -> usersByItem.get(i).add(user));
          });
      return new UserItemMatrix(itemIds, itemsOfUser, usersByItem);
    }

    List<String> usersOfItem(int item) {
      return usersByItem.get(item);
    }
  }
}
