package io.recs.evaluation.data;

import java.util.Random;

/**
 * The interest clusters of each user and the cluster of each user's current session, for {@link
 * InteractionGenerator}'s interest drift. Interests are kept oldest first.
 */
final class Interests {
  private final int[][] clusters;
  private final int[] sizes;
  private final int[] focus;
  private final int clusterCount;

  Interests(int[] homeClusters, int capacity, int clusterCount) {
    int users = homeClusters.length;
    this.clusters = new int[users][capacity];
    this.sizes = new int[users];
    this.focus = new int[users];
    this.clusterCount = clusterCount;
    for (int u = 0; u < users; u++) {
      clusters[u][0] = homeClusters[u];
      sizes[u] = 1;
      focus[u] = homeClusters[u];
    }
  }

  /** The cluster of the user's current session. */
  int focus(int user) {
    return focus[user];
  }

  /** Starts a new session for the user, on a new interest or on another current one. */
  void newSession(int user, Random random, double newInterestProbability) {
    if (sizes[user] == 1 || random.nextDouble() < newInterestProbability) {
      int cluster = random.nextInt(clusterCount);
      add(user, cluster);
      focus[user] = cluster;
    } else {
      int pick = random.nextInt(sizes[user] - 1);
      int[] mine = clusters[user];
      // The pick-th current interest other than the focus.
      for (int k = 0; k < sizes[user]; k++) {
        if (mine[k] == focus[user]) {
          continue;
        }
        if (pick-- == 0) {
          focus[user] = mine[k];
          return;
        }
      }
    }
  }

  private void add(int user, int cluster) {
    int[] mine = clusters[user];
    for (int k = 0; k < sizes[user]; k++) {
      if (mine[k] == cluster) { // already an interest: it becomes the newest
        System.arraycopy(mine, k + 1, mine, k, sizes[user] - k - 1);
        mine[sizes[user] - 1] = cluster;
        return;
      }
    }
    if (sizes[user] == mine.length) {
      System.arraycopy(mine, 1, mine, 0, mine.length - 1);
      mine[mine.length - 1] = cluster;
    } else {
      mine[sizes[user]++] = cluster;
    }
  }
}
