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
 * history ({@code recency}, 0 for the most recent item), its accumulated weight and the latest
 * action on it; a {@link #REQUEST} carries them for all its seeds in {@code recencies}, {@code
 * weights} and {@code seedActions}.
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

  /** A seen-item notice. */
  public static RankMessage seen(String user, String item, String action, long time) {
    return new RankMessage(
        SEEN, user, -1, 0, 0, time, false, null, 0, item, action, null, 0, null, null, null, null,
        0, 0, null, null, null, null);
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
