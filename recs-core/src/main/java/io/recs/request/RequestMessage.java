package io.recs.request;

import org.apache.flink.annotation.Internal;

/** A message that belongs to one request: the ranking stage answers when all have arrived. */
@Internal
public sealed interface RequestMessage extends RankInput permits SeedPart, NoSeeds, WholeRequest {

  /** The request this message belongs to. */
  RequestHeader header();

  /** How many messages the request has: one per seed for a {@link SeedPart}, 1 otherwise. */
  int parts();

  @Override
  default String user() {
    return header().user();
  }
}
