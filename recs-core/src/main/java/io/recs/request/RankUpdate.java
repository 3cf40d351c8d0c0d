package io.recs.request;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * What is broadcast to every ranking subtask: a {@link TrendingUpdate}, a {@link CategoryUpdate}
 * or, with the replicated lookup, a {@link CandidateList}. Serialized by {@link
 * RankUpdateSerializer}, with one tag byte per type.
 */
@Internal
@TypeInfo(RankUpdateSerializer.Factory.class)
public sealed interface RankUpdate permits TrendingUpdate, CategoryUpdate, CandidateList {}
