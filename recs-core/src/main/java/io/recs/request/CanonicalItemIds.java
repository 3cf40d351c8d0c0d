package io.recs.request;

import java.util.HashMap;
import java.util.Map;

/**
 * One instance per distinct item id within a ranking subtask.
 *
 * <p>Every replicated candidate list arrives deserialized, with its own copies of the item ids. A
 * request merges about 400 candidates from 20 such lists; with copies, each one is a separate
 * object whose hash code is computed (or at least read) on a cold cache line. With one instance per
 * item, the few thousand ids a subtask ranks stay in cache with their hash codes, and the candidate
 * index matches them by reference. Holds one entry per distinct id it was given (the items that
 * have a candidate list or appear in one) and is never pruned: bounded by the catalogue, like the
 * replicated lists themselves, and much smaller than them. Not thread-safe; one per subtask, not
 * checkpointed (a cache: lists restored from a checkpoint keep their own copies until they are
 * replaced).
 */
final class CanonicalItemIds {
  private final Map<String, String> ids = new HashMap<>();

  /** The instance of {@code id} this subtask uses. */
  String canonical(String id) {
    String known = ids.putIfAbsent(id, id);
    return known == null ? id : known;
  }

  /** Number of distinct ids held. */
  int size() {
    return ids.size();
  }
}
