package io.recs.similarity;

import org.apache.flink.annotation.Internal;

/**
 * Message to the similarity stage: add {@code deltas[k]} to the co-occurrence C(row, cols[k]).
 *
 * @param row the item whose row changes (the key of the similarity stage)
 * @param cols the co-occurring items
 * @param deltas the increments, one per column
 * @param time event time of the interaction that caused it, epoch ms
 * @param rowCount n(row) when the sender knows it, else 0
 * @param colCounts n(col) per column when the sender knows it, else 0; counts on the message are
 *     fresher than the broadcast ones, which travel on another channel
 */
@Internal
public record RowUpdate(
    String row, String[] cols, double[] deltas, long time, long rowCount, long[] colCounts) {}
