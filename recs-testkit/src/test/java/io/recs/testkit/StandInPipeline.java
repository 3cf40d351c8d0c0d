package io.recs.testkit;

import io.recs.event.Interaction;
import io.recs.event.Recommendations;
import io.recs.event.ScoredItem;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Stands in for the recs pipeline in the connector tests: per user, after each interaction, it
 * emits the user's last {@link #HISTORY} items (newest first, score = weight) as {@link
 * Recommendations} stamped with the interaction's time. The tests call only {@link
 * #recommend(DataStream)}, so switching them to the real pipeline means replacing that one call.
 */
public final class StandInPipeline {
  /** How many recent items each output lists. */
  public static final int HISTORY = 3;

  private StandInPipeline() {}

  /** One {@link Recommendations} per interaction, keyed by user. */
  public static DataStream<Recommendations> recommend(DataStream<Interaction> interactions) {
    return interactions
        .keyBy(Interaction::userId)
        .process(new LastItems(), TypeInformation.of(Recommendations.class))
        .name("stand-in-recommender")
        .uid("stand-in-recommender");
  }

  /** What {@link #recommend} emits after {@code history}, the user's interactions in order. */
  public static Recommendations expected(List<Interaction> history) {
    List<ScoredItem> items = new ArrayList<>();
    for (int i = history.size() - 1; i >= 0 && items.size() < HISTORY; i--) {
      items.add(ScoredItem.of(history.get(i).itemId(), history.get(i).weight()));
    }
    Interaction last = history.get(history.size() - 1);
    return new Recommendations(last.userId(), items, last.timestamp());
  }

  private static final class LastItems
      extends KeyedProcessFunction<String, Interaction, Recommendations> {
    private static final long serialVersionUID = 1L;
    private transient ValueState<List<Interaction>> recent;

    @Override
    public void open(OpenContext openContext) {
      recent =
          getRuntimeContext()
              .getState(
                  new ValueStateDescriptor<>(
                      "recent", Types.LIST(TypeInformation.of(Interaction.class))));
    }

    @Override
    public void processElement(Interaction in, Context ctx, Collector<Recommendations> out)
        throws Exception {
      List<Interaction> history = recent.value() == null ? new ArrayList<>() : recent.value();
      history.add(in);
      if (history.size() > HISTORY) {
        history.remove(0);
      }
      recent.update(history);
      out.collect(expected(history));
    }
  }
}
