package io.recs.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import io.recs.event.ItemCount;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * {@link ItemCountFunction} in a keyed operator harness: item counts, the fan-out of a touch into
 * row updates for both directions, the per-item user cap, categories, and a restore.
 */
class ItemCountFunctionTest {

  private static KeyedOneInputStreamOperatorTestHarness<String, Touch, RowUpdate> harness(int cap)
      throws Exception {
    var harness =
        new KeyedOneInputStreamOperatorTestHarness<String, Touch, RowUpdate>(
            new KeyedProcessOperator<>(new ItemCountFunction(cap)), Touch::item, Types.STRING);
    harness.setup();
    return harness;
  }

  private static Touch touch(
      String item, String user, long t, String category, String... partners) {
    double[] deltas = new double[partners.length];
    java.util.Arrays.fill(deltas, 1.0);
    return new Touch(item, user, t, category, partners, deltas);
  }

  private static String describe(RowUpdate u) {
    return u.row() + "<-" + List.of(u.cols());
  }

  @Test
  void aTouchUpdatesTheNewItemsRowAndEachPartnersRow() throws Exception {
    try (var h = harness(100)) {
      h.open();
      h.processElement(new StreamRecord<>(touch("c", "u1", 5, "books", "a", "b"), 5));

      assertThat(h.extractOutputValues())
          .extracting(ItemCountFunctionTest::describe)
          .containsExactly("c<-[a, b]", "a<-[c]", "b<-[c]");
      RowUpdate own = h.extractOutputValues().get(0);
      assertThat(own.rowCount()).isEqualTo(1);
      assertThat(h.extractOutputValues().get(1).colCounts()).containsExactly(1L);
      assertThat(h.getSideOutput(ItemCountFunction.ITEM_COUNTS))
          .extracting(StreamRecord::getValue)
          .containsExactly(new ItemCount("c", 1, 5));
      assertThat(h.getSideOutput(ItemCountFunction.ITEM_CATEGORIES))
          .extracting(r -> r.getValue().category())
          .containsExactly("books");
    }
  }

  @Test
  void usersBeyondTheCapAreCountedButMakeNoPairsAcrossARestore() throws Exception {
    OperatorSubtaskState snapshot;
    try (var h = harness(2)) {
      h.open();
      h.processElement(new StreamRecord<>(touch("c", "u1", 1, null, "a"), 1));
      snapshot = h.snapshot(1, 2);
    }
    try (var restored = harness(2)) {
      restored.initializeState(snapshot);
      restored.open();
      restored.processElement(new StreamRecord<>(touch("c", "u2", 3, null, "a"), 3));
      restored.processElement(new StreamRecord<>(touch("c", "u3", 4, null, "b"), 4));

      // u2 is the item's second user: pairs; u3 the third: counted only.
      assertThat(restored.extractOutputValues())
          .extracting(ItemCountFunctionTest::describe)
          .containsExactly("c<-[a]", "a<-[c]");
      assertThat(restored.getSideOutput(ItemCountFunction.ITEM_COUNTS))
          .extracting(r -> r.getValue().users())
          .containsExactly(2L, 3L);
    }
  }

  @Test
  void weightedRepeatTouchesPairWithoutCountingTheUserAgainAndGrowTheNorm() throws Exception {
    var function = new ItemCountFunction(2, true);
    try (var h =
        new KeyedOneInputStreamOperatorTestHarness<String, Touch, RowUpdate>(
            new KeyedProcessOperator<>(function), Touch::item, Types.STRING)) {
      h.open();
      String[] a = {"a"};
      h.processElement(
          new StreamRecord<>(new Touch("c", "u1", 1, null, a, new double[] {2}, false, 4), 1));
      h.processElement(
          new StreamRecord<>(new Touch("c", "u1", 2, null, a, new double[] {6}, true, 12), 2));
      h.processElement(
          new StreamRecord<>(new Touch("c", "u2", 3, null, a, new double[] {1}, false, 1), 3));
      h.processElement(
          new StreamRecord<>(new Touch("c", "u3", 4, null, a, new double[] {1}, false, 1), 4));
      // c has 3 users now, more than the cap of 2: u1's repeat is counted in the norm only.
      h.processElement(
          new StreamRecord<>(new Touch("c", "u1", 5, null, a, new double[] {5}, true, 9), 5));

      assertThat(h.extractOutputValues())
          .extracting(u -> describe(u) + java.util.Arrays.toString(u.deltas()))
          .containsExactly(
              "c<-[a][2.0]",
              "a<-[c][2.0]",
              "c<-[a][6.0]",
              "a<-[c][6.0]",
              "c<-[a][1.0]",
              "a<-[c][1.0]");
      assertThat(h.getSideOutput(ItemCountFunction.ITEM_COUNTS))
          .extracting(r -> r.getValue().users())
          .containsExactly(1L, 2L, 3L);
      assertThat(h.getSideOutput(ItemCountFunction.ITEM_NORMS))
          .extracting(StreamRecord::getValue)
          .containsExactly(
              new CountUpdate("c", 1, 4),
              new CountUpdate("c", 1, 16),
              new CountUpdate("c", 2, 17),
              new CountUpdate("c", 3, 18),
              new CountUpdate("c", 3, 27));
    }
  }

  @Test
  void unweightedSendsNoNorms() throws Exception {
    try (var h = harness(100)) {
      h.open();
      h.processElement(new StreamRecord<>(touch("c", "u1", 5, null, "a"), 5));
      assertThat(h.getSideOutput(ItemCountFunction.ITEM_NORMS)).isNull();
    }
  }
}
