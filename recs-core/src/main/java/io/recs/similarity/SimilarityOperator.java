package io.recs.similarity;

import io.recs.event.SimilarItems;
import java.util.List;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;

/**
 * The similarity stage's operator: Flink's keyed broadcast operator around a {@link
 * SimilarityFunction}, which it lets keep rows in a heap cache ({@link
 * SimilarityConfig#rowCacheEntries()}) by writing the cache to keyed state before every checkpoint
 * barrier, so that every checkpoint and savepoint holds the same state as without the cache.
 */
@Internal
public final class SimilarityOperator
    extends CoBroadcastWithKeyedOperator<String, RowUpdate, CountUpdate, SimilarItems> {
  private static final long serialVersionUID = 1L;

  /** The operator of {@code function}, whose broadcast state is {@code broadcastStates}. */
  public SimilarityOperator(
      SimilarityFunction function, List<MapStateDescriptor<?, ?>> broadcastStates) {
    super(function, broadcastStates);
  }

  @Override
  public void open() throws Exception {
    super.open();
    function().useRowCache(this);
  }

  @Override
  public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
    super.prepareSnapshotPreBarrier(checkpointId);
    function().flushRowCache();
  }

  private SimilarityFunction function() {
    return (SimilarityFunction) userFunction;
  }
}
