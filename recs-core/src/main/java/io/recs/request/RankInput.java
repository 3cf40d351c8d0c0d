package io.recs.request;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * What reaches the ranking stage on its keyed input, keyed by {@link #user()}: a {@link Seen}
 * notice, or a {@link RequestMessage} (one {@link SeedPart} per seed with the partitioned lookup, a
 * {@link WholeRequest} with the replicated one, {@link NoSeeds} for a user without history).
 * Serialized by {@link RankInputSerializer}, with one tag byte per type.
 */
@Internal
@TypeInfo(RankInputSerializer.Factory.class)
public sealed interface RankInput permits Seen, RequestMessage {

  /** The user this message is for. */
  String user();
}
