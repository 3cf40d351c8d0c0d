package io.recs.request;

import io.recs.event.ScoredItem;
import io.recs.event.SimilarItems;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by item, with {@link NeighbourLookup#REPLICATED}: turns the item's neighbour lists into
 * candidate lists for the ranking stage's broadcast, and sends one only when the top {@code
 * candidatesPerSeed} (ids or similarities) changed, so that changes further down the neighbour list
 * are not broadcast.
 */
final class CandidateListFunction extends KeyedProcessFunction<String, SimilarItems, RankUpdate> {
  private static final long serialVersionUID = 1L;

  private final int candidatesPerSeed;

  private transient ValueState<CandidateList> sent;

  /** A function that sends at most {@code candidatesPerSeed} neighbours per item. */
  public CandidateListFunction(int candidatesPerSeed) {
    this.candidatesPerSeed = candidatesPerSeed;
  }

  @Override
  public void open(OpenContext openContext) {
    sent =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("sent", TypeInformation.of(CandidateList.class)));
  }

  @Override
  public void processElement(SimilarItems update, Context ctx, Collector<RankUpdate> out)
      throws Exception {
    List<ScoredItem> neighbours = update.neighbours();
    int count = Math.min(candidatesPerSeed, neighbours.size());
    String[] candidates = new String[count];
    double[] similarities = new double[count];
    for (int k = 0; k < count; k++) {
      candidates[k] = neighbours.get(k).itemId();
      similarities[k] = neighbours.get(k).score();
    }
    CandidateList last = sent.value();
    if (last != null
        && Arrays.equals(last.candidates(), candidates)
        && Arrays.equals(last.similarities(), similarities)) {
      return;
    }
    CandidateList list = new CandidateList(update.itemId(), candidates, similarities);
    sent.update(list);
    out.collect(list);
  }
}
