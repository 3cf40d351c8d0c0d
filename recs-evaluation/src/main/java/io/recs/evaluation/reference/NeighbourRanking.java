package io.recs.evaluation.reference;

import io.recs.event.ScoredItem;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;

/**
 * The one ordering of ranked lists in recs: higher score first, then ties in tie order — by the
 * 64-bit FNV-1a hash of the item id's UTF-8 bytes as an unsigned number, then (only for equal
 * hashes) by id. Written from the definition in docs/architecture.md, not with the streaming code's
 * {@code TieBreak}, so that the oracle checks it.
 */
final class NeighbourRanking {
  /** Item ids in tie order. */
  static final Comparator<String> TIES =
      Comparator.comparing(NeighbourRanking::fnv1a64, Long::compareUnsigned)
          .thenComparing(Comparator.naturalOrder());

  static final Comparator<ScoredItem> BEST_FIRST =
      Comparator.comparingDouble(ScoredItem::score)
          .reversed()
          .thenComparing(ScoredItem::itemId, TIES);

  private NeighbourRanking() {}

  static long fnv1a64(String id) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xFF;
      hash *= 0x100000001b3L;
    }
    return hash;
  }
}
