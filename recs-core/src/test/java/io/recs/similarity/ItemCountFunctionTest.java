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
}
