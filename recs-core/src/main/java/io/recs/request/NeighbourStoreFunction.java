package io.recs.request;

import io.recs.event.ScoredItem;
import io.recs.event.SimilarItems;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by item, with the partitioned lookup: holds the item's latest neighbour list and answers
 * each {@link SeedLookup} from the user stage with a {@link SeedPart} holding the item's top
 * neighbours as candidates.
 *
 * <p>Lookups of final requests (sent when a bounded input ends) wait for the end of input here, so
 * that they are answered from the final neighbour lists, which arrive just before it.
 */
final class NeighbourStoreFunction
    extends KeyedCoProcessFunction<String, SimilarItems, SeedLookup, RankInput> {
  private static final long serialVersionUID = 1L;

  private static final long END_OF_INPUT = Long.MAX_VALUE;
  private static final String[] NONE = new String[0];
  private static final double[] NO_SCORES = new double[0];

  private final int candidatesPerSeed;

  private transient ValueState<SimilarItems> neighbours;
  private transient ListState<SeedLookup> finalLookups;

  /** A store that answers with at most {@code candidatesPerSeed} neighbours. */
  public NeighbourStoreFunction(int candidatesPerSeed) {
    this.candidatesPerSeed = candidatesPerSeed;
  }

  @Override
  public void open(OpenContext openContext) {
    neighbours =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>("neighbours", TypeInformation.of(SimilarItems.class)));
    finalLookups =
        getRuntimeContext()
            .getListState(new ListStateDescriptor<>("final-lookups", SeedLookupSerializer.TYPE));
  }

  @Override
  public void processElement1(SimilarItems update, Context ctx, Collector<RankInput> out)
      throws Exception {
    neighbours.update(update);
  }

  @Override
  public void processElement2(SeedLookup lookup, Context ctx, Collector<RankInput> out)
      throws Exception {
    if (lookup.header().finalRequest()) {
      finalLookups.add(lookup);
      ctx.timerService().registerEventTimeTimer(END_OF_INPUT);
    } else {
      out.collect(answer(lookup));
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<RankInput> out)
      throws Exception {
    for (SeedLookup lookup : finalLookups.get()) {
      out.collect(answer(lookup));
    }
    finalLookups.clear();
  }

  private SeedPart answer(SeedLookup lookup) throws Exception {
    SimilarItems current = neighbours.value();
    if (current == null) {
      return lookup.answer(NONE, NO_SCORES);
    }
    List<ScoredItem> list = current.neighbours();
    int count = Math.min(candidatesPerSeed, list.size());
    String[] candidates = new String[count];
    double[] similarities = new double[count];
    for (int k = 0; k < count; k++) {
      candidates[k] = list.get(k).itemId();
      similarities[k] = list.get(k).score();
    }
    return lookup.answer(candidates, similarities);
  }
}
