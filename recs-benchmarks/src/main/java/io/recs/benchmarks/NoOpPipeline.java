package io.recs.benchmarks;

import io.recs.event.Interaction;
import io.recs.similarity.RowUpdate;
import io.recs.similarity.RowUpdateCombiner;
import io.recs.similarity.SimilarityConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * A pipeline of the same shape and message fan-out as recs' preference and similarity stages, whose
 * operators keep no state and compute nothing: it measures what moving those messages costs the
 * engine on this machine. The fan-out (which events touch a new item, how many partners they pair
 * with, which events start a new user) is computed before the run and carried on the events.
 */
final class NoOpPipeline {
  /** {@code -Drecs.bench.rowBatchSize}, for both pipelines; default the library's default. */
  static final int ROW_BATCH_SIZE =
      Integer.getInteger("recs.bench.rowBatchSize", SimilarityConfig.defaults().rowBatchSize());

  /** Merged row messages the no-op similarity stage received (all subtasks, this JVM). */
  static final LongAdder ROW_MESSAGES = new LongAdder();

  /** Columns of those messages: the (row, column) updates left after merging. */
  static final LongAdder ROW_COLUMNS = new LongAdder();

  private NoOpPipeline() {}

  /**
   * An interaction with its precomputed fan-out: the items it pairs with (null when it touches no
   * new item), the same items recs pairs it with, so that merging row updates works alike.
   */
  public record Event(Interaction interaction, String[] partnerItems, boolean newUser)
      implements java.io.Serializable {

    /** The number of partners; -1 when the event touches no new item. */
    int partners() {
      return partnerItems == null ? -1 : partnerItems.length;
    }
  }

  /** Mirrors the user stage's message to the item stage. */
  public record Touch(
      String item, String user, long time, String category, String[] partners, double[] deltas) {}

  /** Mirrors the broadcast counts. */
  public record Count(String item, long count) {}

  private static final OutputTag<String> NEW_USERS = new OutputTag<>("new-users", Types.STRING);
  private static final OutputTag<Count> COUNTS =
      new OutputTag<>("counts", TypeInformation.of(Count.class));
  private static final MapStateDescriptor<String, Long> BROADCAST =
      new MapStateDescriptor<>("counts", Types.STRING, Types.LONG);

  /** The fan-out of each event under recs' semantics with the given history and pair window. */
  static List<Event> withFanOut(
      List<Interaction> events, int historySize, int pairWindowItems, int maxItemsPerUser) {
    java.util.Map<String, Set<String>> seen = new java.util.HashMap<>();
    java.util.Map<String, LinkedList<String>> history = new java.util.HashMap<>();
    List<Event> result = new ArrayList<>(events.size());
    for (Interaction event : events) {
      boolean newUser = !seen.containsKey(event.userId());
      Set<String> items = seen.computeIfAbsent(event.userId(), u -> new HashSet<>());
      LinkedList<String> recent = history.computeIfAbsent(event.userId(), u -> new LinkedList<>());
      String[] partners = null;
      if (items.size() < maxItemsPerUser && items.add(event.itemId())) {
        partners =
            recent.subList(0, Math.min(recent.size(), pairWindowItems)).toArray(new String[0]);
      }
      recent.remove(event.itemId());
      recent.addFirst(event.itemId());
      if (recent.size() > historySize) {
        recent.removeLast();
      }
      result.add(new Event(event, partners, newUser));
    }
    return result;
  }

  /** The fan-out under the default {@link io.recs.similarity.SimilarityConfig}. */
  static List<Event> withDefaultFanOut(List<Interaction> events) {
    io.recs.similarity.SimilarityConfig config = io.recs.similarity.SimilarityConfig.defaults();
    return withFanOut(
        events, config.historySize(), config.pairWindowItems(), config.maxItemsPerUser());
  }

  static DataStream<Void> apply(DataStream<Event> events) {
    SingleOutputStreamOperator<Touch> touches =
        events
            .keyBy(e -> e.interaction().userId())
            .process(new UserStage())
            .name("no-op user preferences");
    DataStream<Count> userTotal =
        touches
            .getSideOutput(NEW_USERS)
            .keyBy(user -> 0)
            .process(new UserTotal())
            .name("no-op user total")
            .setParallelism(1);
    SingleOutputStreamOperator<RowUpdate> rows =
        touches.keyBy(Touch::item).process(new ItemStage()).name("no-op item counts");
    BroadcastStream<Count> counts =
        rows.getSideOutput(COUNTS).union(userTotal).broadcast(BROADCAST);
    // The same buffering and merging of row updates as recs: it shapes the messages, and the
    // fan-out to compare against is the one recs sends.
    SimilarityConfig config = SimilarityConfig.defaults();
    return rows.transform(
            "no-op combine row updates",
            TypeInformation.of(RowUpdate.class),
            new RowUpdateCombiner(ROW_BATCH_SIZE, config.rowBatchInterval().toMillis()))
        .keyBy(RowUpdate::row)
        .connect(counts)
        .process(new SimilarityStage())
        .name("no-op similarity");
  }

  private static final class UserStage extends KeyedProcessFunction<String, Event, Touch> {
    @Override
    public void processElement(Event event, Context ctx, Collector<Touch> out) {
      Interaction e = event.interaction();
      if (event.newUser()) {
        ctx.output(NEW_USERS, e.userId());
      }
      if (event.partners() < 0) {
        return;
      }
      String[] partners = event.partnerItems().clone();
      double[] deltas = new double[partners.length];
      Arrays.fill(deltas, 1.0);
      out.collect(new Touch(e.itemId(), e.userId(), e.timestamp(), e.category(), partners, deltas));
    }
  }

  private static final class UserTotal extends KeyedProcessFunction<Integer, String, Count> {
    @Override
    public void processElement(String user, Context ctx, Collector<Count> out) {
      out.collect(new Count("", 1));
    }
  }

  private static final class ItemStage extends KeyedProcessFunction<String, Touch, RowUpdate> {
    @Override
    public void processElement(Touch touch, Context ctx, Collector<RowUpdate> out) {
      ctx.output(COUNTS, new Count(touch.item(), 1));
      if (touch.partners().length == 0) {
        return;
      }
      int size = touch.partners().length;
      out.collect(
          new RowUpdate(
              touch.item(), touch.partners(), touch.deltas(), touch.time(), 1, new long[size]));
      String[] self = {touch.item()};
      long[] selfCount = {1};
      for (int k = 0; k < size; k++) {
        out.collect(
            new RowUpdate(
                touch.partners()[k],
                self,
                new double[] {touch.deltas()[k]},
                touch.time(),
                0,
                selfCount));
      }
    }
  }

  private static final class SimilarityStage
      extends KeyedBroadcastProcessFunction<String, RowUpdate, Count, Void> {
    @Override
    public void processElement(RowUpdate row, ReadOnlyContext ctx, Collector<Void> out) {
      ROW_MESSAGES.increment();
      ROW_COLUMNS.add(row.cols().length);
    }

    @Override
    public void processBroadcastElement(Count count, Context ctx, Collector<Void> out) {}
  }
}
