package io.recs.request;

import org.apache.flink.annotation.Internal;

/**
 * With the replicated lookup: an item's top candidates.
 *
 * @param item the item
 * @param candidates its top neighbours, best first
 * @param similarities their similarities, parallel to {@code candidates}
 */
@Internal
public record CandidateList(String item, String[] candidates, double[] similarities)
    implements RankUpdate {}
