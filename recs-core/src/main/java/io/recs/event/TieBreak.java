package io.recs.event;

import java.util.Comparator;
import org.apache.flink.annotation.PublicEvolving;

/**
 * The order of items whose scores are equal, used by every ranked list of recs (neighbour lists,
 * candidates, recommendations, trending lists, seeds and explanations): the item with the smaller
 * {@link #hash(String) tie hash}, as an unsigned number, comes first; only two ids with the same
 * hash fall back to their string order.
 *
 * <pre>{@code
 * list.sort(Comparator.comparingDouble(ScoredItem::score).reversed()
 *     .thenComparing(ScoredItem::itemId, TieBreak.ORDER));
 * }</pre>
 *
 * <p>A hash instead of the ids' string order, so that ties do not systematically favour ids that
 * sort first ({@code "10"} before {@code "9"}, {@code "a…"} before {@code "z…"}) while staying the
 * same in every run, JVM and language. The hash is 64-bit FNV-1a over the id's UTF-8 bytes: start
 * with {@code 0xcbf29ce484222325}; for each byte, xor it in, then multiply by {@code 0x100000001b3}
 * modulo 2^64.
 */
@PublicEvolving
public final class TieBreak {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  /** Item ids in tie order: by unsigned {@link #hash(String)}, then by string order. */
  public static final Comparator<String> ORDER = TieBreak::compare;

  private TieBreak() {}

  /**
   * Negative when {@code a} ranks before {@code b} among equal scores, positive when after, 0 only
   * for equal ids.
   */
  public static int compare(String a, String b) {
    if (a.equals(b)) {
      return 0;
    }
    int byHash = Long.compareUnsigned(hash(a), hash(b));
    return byHash != 0 ? byHash : a.compareTo(b);
  }

  /** 64-bit FNV-1a of the UTF-8 bytes of {@code id} (an unpaired surrogate counts as {@code ?}). */
  public static long hash(String id) {
    long h = FNV_OFFSET;
    for (int k = 0; k < id.length(); k++) {
      char c = id.charAt(k);
      if (c < 0x80) {
        h = (h ^ c) * FNV_PRIME;
      } else if (c < 0x800) {
        h = (h ^ (0xC0 | (c >> 6))) * FNV_PRIME;
        h = (h ^ (0x80 | (c & 0x3F))) * FNV_PRIME;
      } else if (Character.isSurrogate(c)) {
        int cp = id.codePointAt(k);
        if (Character.isSupplementaryCodePoint(cp) && Character.isHighSurrogate(c)) {
          h = (h ^ (0xF0 | (cp >> 18))) * FNV_PRIME;
          h = (h ^ (0x80 | ((cp >> 12) & 0x3F))) * FNV_PRIME;
          h = (h ^ (0x80 | ((cp >> 6) & 0x3F))) * FNV_PRIME;
          h = (h ^ (0x80 | (cp & 0x3F))) * FNV_PRIME;
          k++;
        } else {
          h = (h ^ '?') * FNV_PRIME;
        }
      } else {
        h = (h ^ (0xE0 | (c >> 12))) * FNV_PRIME;
        h = (h ^ (0x80 | ((c >> 6) & 0x3F))) * FNV_PRIME;
        h = (h ^ (0x80 | (c & 0x3F))) * FNV_PRIME;
      }
    }
    return h;
  }
}
