package io.recs.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.recs.similarity.CountUpdate;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** {@link UserCountFunction} in a keyed operator harness: the total survives a restore. */
class UserCountFunctionTest {

  private static KeyedOneInputStreamOperatorTestHarness<Integer, String, CountUpdate> harness()
      throws Exception {
    var harness =
        new KeyedOneInputStreamOperatorTestHarness<Integer, String, CountUpdate>(
            new KeyedProcessOperator<>(new UserCountFunction()), user -> 0, Types.INT);
    harness.setup();
    return harness;
  }

  @Test
  void countsEachNewUserAndContinuesAfterARestore() throws Exception {
    OperatorSubtaskState snapshot;
    try (var h = harness()) {
      h.open();
      h.processElement(new StreamRecord<>("u1", 1));
      h.processElement(new StreamRecord<>("u2", 2));
      assertThat(h.extractOutputValues())
          .containsExactly(
              new CountUpdate(CountUpdate.TOTAL_USERS, 1),
              new CountUpdate(CountUpdate.TOTAL_USERS, 2));
      snapshot = h.snapshot(1, 3);
    }
    try (var restored = harness()) {
      restored.initializeState(snapshot);
      restored.open();
      restored.processElement(new StreamRecord<>("u3", 4));
      assertThat(restored.extractOutputValues())
          .containsExactly(new CountUpdate(CountUpdate.TOTAL_USERS, 3));
    }
  }
}
