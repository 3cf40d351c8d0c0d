package io.recs.similarity;

import org.apache.flink.annotation.Internal;

/**
 * Additions to one item's co-occurrence row not yet summed into its entries: kept by the similarity
 * stage's map layout when lists are computed only at the end of the input ({@link
 * SimilarityFunction}), where appending them costs no state read.
 *
 * @param cols the co-occurring items, possibly one several times
 * @param deltas what to add to each column's count, parallel to {@code cols}
 */
@Internal
public record RowDeltas(String[] cols, double[] deltas) {}
