package io.recs.scoring;

import org.apache.flink.annotation.Internal;

/**
 * Message on the way to the ranking stage, keyed by user.
 *
 * <p>One type serves four purposes, because a keyed broadcast operator takes one keyed input:
 *
 * <ul>
 *   <li>{@link #SEEN}: the user interacted with {@code seenItem} through {@code seenAction};
 *   <li>{@link #PART}: one seed item's contribution to request {@code requestId}: first sent from
 *       the user stage to the seed's partition with {@code candidates == null} (a lookup), then
 *       completed there with the seed's neighbours and sent on to the user's partition;
 *   <li>{@link #EMPTY}: a request without seed items (a user with no history);
 *   <li>{@link #REQUEST}: a whole request with all its seeds ({@code seeds}, {@code affinities}),
 *       sent straight to the user's ranking partition when neighbours are {@link
 *       NeighbourLookup#REPLICATED}.
 * </ul>
 *
 * <p>A seed also carries what the {@link LinearScoring features} need: its position in the user's
 * history ({@code recency}, 0 for the most recent item), its accumulated weight and, with linear
 * scoring, the latest action on it; with linear scoring a {@link #REQUEST} carries them for all its
 * seeds in {@code recencies}, {@code weights} and {@code seedActions} (null without it).
 */
@Internal
public record RankMessage(
    byte kind,
    String user,
    long requestId,
    int parts,
    int n,
    long time,
    boolean finalRequest,
    String category,
    long arrivalMillis,
    String seenItem,
    String seenAction,
    String seed,
    double affinity,
    String[] candidates,
    double[] similarities,
    String[] seeds,
    double[] affinities,
    int recency,
    double weight,
    String seedAction,
    int[] recencies,
    double[] weights,
    String[] seedActions) {

  /** A seen-item notice. */
  public static final byte SEEN = 0;

  /** A seed item's part of a request. */
  public static final byte PART = 1;

  /** A request without seed items. */
  public static final byte EMPTY = 2;

  /** A whole request, scored at the ranking stage from replicated neighbour lists. */
  public static final byte REQUEST = 3;

  /**
   * What every message of one request carries.
   *
   * @param user the user the request is for (the key of the ranking stage)
   * @param requestId the user's request number, increasing
   * @param n the number of items wanted
   * @param time the event time of the request, epoch ms
   * @param finalRequest whether it is answered only at the end of input
   * @param category the category to restrict to, or null
   * @param arrivalMillis processing time at which the triggering event arrived, for the latency
   * @param seenItem the item of the interaction that triggered the request, or null
   * @param seenAction that interaction's action, or null
   */
  public record Header(
      String user,
      long requestId,
      int n,
      long time,
      boolean finalRequest,
      String category,
      long arrivalMillis,
      String seenItem,
      String seenAction) {}

  /** A seen-item notice. */
  public static RankMessage seen(String user, String item, String action, long time) {
    return new RankMessage(
        SEEN, user, -1, 0, 0, time, false, null, 0, item, action, null, 0, null, null, null, null,
        0, 0, null, null, null, null);
  }

  /** A request of a user without seed items. */
  public static RankMessage empty(Header h) {
    return ofRequest(EMPTY, h, 0, null, 0, null, null, 0, 0, null, null, null, null);
  }

  /**
   * One seed's part of a request of {@code parts} seeds, before its candidates are looked up.
   * {@code recency}, {@code weight} and {@code seedAction} are for {@link LinearScoring}'s
   * features; the fixed scorers ignore them ({@code seedAction} may be null).
   */
  public static RankMessage part(
      Header h,
      int parts,
      String seed,
      double affinity,
      int recency,
      double weight,
      String seedAction) {
    return ofRequest(
        PART, h, parts, seed, affinity, null, null, recency, weight, seedAction, null, null, null);
  }

  /**
   * A whole request with all its seeds, for {@link NeighbourLookup#REPLICATED}. {@code recencies},
   * {@code weights} and {@code seedActions} are for {@link LinearScoring}'s features (null without
   * it).
   */
  public static RankMessage request(
      Header h,
      String[] seeds,
      double[] affinities,
      int[] recencies,
      double[] weights,
      String[] seedActions) {
    return ofRequest(
        REQUEST,
        h,
        seeds.length,
        null,
        0,
        seeds,
        affinities,
        0,
        0,
        null,
        recencies,
        weights,
        seedActions);
  }

  private static RankMessage ofRequest(
      byte kind,
      Header h,
      int parts,
      String seed,
      double affinity,
      String[] seeds,
      double[] affinities,
      int recency,
      double weight,
      String seedAction,
      int[] recencies,
      double[] weights,
      String[] seedActions) {
    return new RankMessage(
        kind,
        h.user,
        h.requestId,
        parts,
        h.n,
        h.time,
        h.finalRequest,
        h.category,
        h.arrivalMillis,
        h.seenItem,
        h.seenAction,
        seed,
        affinity,
        null,
        null,
        seeds,
        affinities,
        recency,
        weight,
        seedAction,
        recencies,
        weights,
        seedActions);
  }

  /** This part, completed with the seed's neighbours. */
  public RankMessage withCandidates(String[] newCandidates, double[] newSimilarities) {
    return new RankMessage(
        kind,
        user,
        requestId,
        parts,
        n,
        time,
        finalRequest,
        category,
        arrivalMillis,
        seenItem,
        seenAction,
        seed,
        affinity,
        newCandidates,
        newSimilarities,
        seeds,
        affinities,
        recency,
        weight,
        seedAction,
        recencies,
        weights,
        seedActions);
  }
}
