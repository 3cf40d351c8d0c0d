package io.recs.request;

import org.apache.flink.annotation.PublicEvolving;

/** Where the ranking stage finds the neighbours of a request's seed items. */
@PublicEvolving
public enum NeighbourLookup {
  /**
   * Each seed's neighbours are looked up at the seed's partition: one message to the seed's
   * partition and one back per seed and request. No task holds more than its share of the catalog,
   * at the cost of {@code 2 × seedItems} messages per request.
   */
  PARTITIONED,

  /**
   * Every ranking subtask holds the top {@code candidatesPerSeed} neighbours of every item (a
   * broadcast, refreshed when an item's top candidates change), so a request is one message and is
   * scored where it arrives. Memory per ranking subtask: about {@code items × candidatesPerSeed ×
   * (16 + item id length)} bytes; use it while that fits, for the lowest latency.
   */
  REPLICATED
}
