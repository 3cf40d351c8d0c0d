package io.recs.examples;

import io.recs.event.Interaction;
import io.recs.event.Recommendations;
import io.recs.event.ScoredItem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The processing step of the connector examples: per user, a "recently viewed" list of the last
 * {@code size} distinct items, newest first, scored by the interaction weight, emitted after each
 * interaction. It keeps the examples about the connectors; the full recommender job is built from
 * {@code io.recs.pipeline}.
 */
final class RecentItems {
  private RecentItems() {}

  static DataStream<Recommendations> of(DataStream<Interaction> interactions, int size) {
    return interactions
        .keyBy(Interaction::userId)
        .process(new Function(size), TypeInformation.of(Recommendations.class))
        .name("recent-items")
        .uid("recent-items");
  }

  private static final class Function
      extends KeyedProcessFunction<String, Interaction, Recommendations> {
    private static final long serialVersionUID = 1L;
    private final int size;
    private transient ValueState<List<ScoredItem>> recent;

    Function(int size) {
      this.size = size;
    }

    @Override
    public void open(OpenContext openContext) {
      ValueStateDescriptor<List<ScoredItem>> descriptor =
          new ValueStateDescriptor<>("recent", Types.LIST(TypeInformation.of(ScoredItem.class)));
      // Users who stop interacting should not keep state forever.
      descriptor.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofDays(30)).build());
      recent = getRuntimeContext().getState(descriptor);
    }

    @Override
    public void processElement(Interaction in, Context ctx, Collector<Recommendations> out)
        throws Exception {
      List<ScoredItem> items = new ArrayList<>(size);
      items.add(ScoredItem.of(in.itemId(), in.weight()));
      List<ScoredItem> before = recent.value();
      if (before != null) {
        for (ScoredItem item : before) {
          if (items.size() < size && !item.itemId().equals(in.itemId())) {
            items.add(item);
          }
        }
      }
      recent.update(items);
      out.collect(new Recommendations(in.userId(), items, in.timestamp()));
    }
  }
}
