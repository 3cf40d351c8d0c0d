package io.recs.trending;

import static org.assertj.core.api.Assertions.assertThat;

import io.recs.config.EmitInterval;
import io.recs.event.Interaction;
import io.recs.event.ScoredItem;
import io.recs.event.TrendingItems;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** {@link TrendingFunction} in a keyed operator harness: real keyed state, timers, snapshots. */
class TrendingFunctionTest {
  private static final long HOUR = Duration.ofHours(1).toMillis();

  private static KeyedOneInputStreamOperatorTestHarness<String, Interaction, TrendingItems> harness(
      TrendingConfig config) throws Exception {
    var harness =
        new KeyedOneInputStreamOperatorTestHarness<String, Interaction, TrendingItems>(
            new KeyedProcessOperator<>(new TrendingFunction(config)),
            event -> TrendingItems.GLOBAL,
            Types.STRING);
    harness.setup();
    return harness;
  }

  private static void add(
      KeyedOneInputStreamOperatorTestHarness<String, Interaction, TrendingItems> h,
      String item,
      double weight,
      long t)
      throws Exception {
    h.processElement(new StreamRecord<>(Interaction.of("u", item, "view", weight, t), t));
  }

  private static List<TrendingItems> lists(
      KeyedOneInputStreamOperatorTestHarness<String, Interaction, TrendingItems> h) {
    return h.extractOutputValues();
  }

  @Test
  void recentPopularityOutranksOlderPopularityByTheHalfLife() throws Exception {
    TrendingConfig config = TrendingConfig.builder().halfLife(Duration.ofHours(1)).build();
    try (var h = harness(config)) {
      h.open();
      add(h, "old", 1, 0);
      add(h, "old", 1, 0);
      add(h, "new", 1, 3 * HOUR);

      TrendingItems last = lists(h).get(lists(h).size() - 1);
      // At 3 h: new = 1, old = 2 · 2^-3 = 0.25.
      assertThat(last.items()).extracting(ScoredItem::itemId).containsExactly("new", "old");
      assertThat(last.items().get(0).score())
          .isEqualTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
      assertThat(last.items().get(1).score())
          .isEqualTo(0.25, org.assertj.core.api.Assertions.within(1e-9));
      assertThat(last.timestamp()).isEqualTo(3 * HOUR);
    }
  }

  @Test
  void aListIsEmittedOnlyWhenTheOrderChanges() throws Exception {
    try (var h = harness(TrendingConfig.defaults())) {
      h.open();
      add(h, "a", 1, 0);
      add(h, "a", 1, 1);
      add(h, "b", 1, 2);
      add(h, "a", 1, 3);

      // [a], then [a, b]; the other events kept the order.
      assertThat(lists(h))
          .extracting(l -> l.items().stream().map(ScoredItem::itemId).toList())
          .containsExactly(List.of("a"), List.of("a", "b"));
    }
  }

  @Test
  void withAnIntervalAtMostOneListPerIntervalAndAFinalOneAtTheEnd() throws Exception {
    TrendingConfig config = TrendingConfig.builder().emitInterval(Duration.ofMinutes(10)).build();
    long minute = Duration.ofMinutes(1).toMillis();
    try (var h = harness(config)) {
      h.open();
      add(h, "a", 1, minute);
      add(h, "b", 2, 2 * minute);
      assertThat(lists(h)).isEmpty();

      h.processWatermark(new Watermark(10 * minute));
      assertThat(lists(h)).hasSize(1);
      assertThat(lists(h).get(0).items()).extracting(ScoredItem::itemId).containsExactly("b", "a");

      // Keeps the order (b 2, a 1.5): no list within the interval, ...
      add(h, "a", 0.5, 12 * minute);
      h.processWatermark(new Watermark(20 * minute));
      assertThat(lists(h)).hasSize(1);
      // ... but the end of the input emits the scores at the latest event time.
      h.processWatermark(new Watermark(Long.MAX_VALUE));
      assertThat(lists(h)).hasSize(2);
      assertThat(lists(h).get(1).timestamp()).isEqualTo(12 * minute);
      assertThat(lists(h).get(1).items()).extracting(ScoredItem::itemId).containsExactly("b", "a");
    }
  }

  @Test
  void atTheEndOnlyOneListWithTheScoresAtTheLatestEventTime() throws Exception {
    TrendingConfig config =
        TrendingConfig.builder().emitInterval(EmitInterval.END_OF_INPUT).build();
    long minute = Duration.ofMinutes(1).toMillis();
    try (var h = harness(config)) {
      h.open();
      add(h, "a", 1, minute);
      add(h, "b", 2, 2 * minute);
      add(h, "a", 3, 3 * minute);
      h.processWatermark(new Watermark(Duration.ofDays(365).toMillis()));
      assertThat(lists(h)).isEmpty();

      h.processWatermark(new Watermark(Long.MAX_VALUE));
      assertThat(lists(h))
          .singleElement()
          .satisfies(
              l -> {
                assertThat(l.timestamp()).isEqualTo(3 * minute);
                assertThat(l.items()).extracting(ScoredItem::itemId).containsExactly("a", "b");
              });
    }
  }

  @Test
  void aRestoredScopeContinuesWhereItWas() throws Exception {
    TrendingConfig config = TrendingConfig.builder().size(2).build();
    OperatorSubtaskState snapshot;
    try (var h = harness(config)) {
      h.open();
      add(h, "a", 3, 0);
      add(h, "b", 2, 0);
      snapshot = h.snapshot(1, 1);
    }
    try (var restored = harness(config)) {
      restored.initializeState(snapshot);
      restored.open();
      add(restored, "c", 4, 0);

      // c (4) enters above a (3) and pushes b (2) out of the two-item list.
      assertThat(lists(restored))
          .singleElement()
          .satisfies(
              l -> assertThat(l.items()).extracting(ScoredItem::itemId).containsExactly("c", "a"));
    }
  }
}
