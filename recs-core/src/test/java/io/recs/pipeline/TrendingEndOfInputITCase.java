package io.recs.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.recs.event.Interaction;
import io.recs.event.ScoredItem;
import io.recs.event.TrendingItems;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The last trending list of a bounded input carries the final popularity of every item. */
class TrendingEndOfInputITCase {

  @RegisterExtension
  static final MiniClusterExtension CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(1)
              .build());

  @Test
  void aScoreChangeThatKeepsTheOrderAtTheLatestTimeIsInTheFinalList() throws Exception {
    // The third event raises x from 1 to 2 without changing the order, at the time of the list
    // emitted last; the final list must still show 2.
    List<Interaction> events =
        List.of(
            Interaction.of("u1", "x", "view", 1, 1000),
            Interaction.of("u2", "y", "view", 3, 1000),
            Interaction.of("u3", "x", "view", 1, 1000));
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(1);
    RecsStreams streams = RecsPipeline.builder().build().apply(env.fromData(events));

    List<TrendingItems> lists = new ArrayList<>();
    try (CloseableIterator<TrendingItems> it = streams.trending().executeAndCollect()) {
      it.forEachRemaining(lists::add);
    }

    List<ScoredItem> last = lists.get(lists.size() - 1).items();
    assertThat(last).extracting(ScoredItem::itemId).containsExactly("y", "x");
    assertThat(last.get(0).score()).isCloseTo(3, within(1e-12));
    assertThat(last.get(1).score()).isCloseTo(2, within(1e-12));
  }
}
