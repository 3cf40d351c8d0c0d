package io.recs.pipeline;

import io.recs.event.ItemCount;
import io.recs.event.SimilarItems;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.streaming.api.datastream.DataStream;

/** The output streams of a {@link RecsPipeline}. */
@PublicEvolving
public final class RecsStreams {
  private final DataStream<SimilarItems> similarItems;
  private final DataStream<ItemCount> itemCounts;

  RecsStreams(DataStream<SimilarItems> similarItems, DataStream<ItemCount> itemCounts) {
    this.similarItems = similarItems;
    this.itemCounts = itemCounts;
  }

  /**
   * Each item's top-K neighbours, emitted when the ordered list changes, and once more with final
   * scores when the input ends.
   */
  public DataStream<SimilarItems> similarItems() {
    return similarItems;
  }

  /** Each item's user count n(i), after every change. */
  public DataStream<ItemCount> itemCounts() {
    return itemCounts;
  }
}
