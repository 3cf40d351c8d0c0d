package io.recs.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class LatestPerCheckpointTest {
  private static String keyOf(String record) {
    return record.substring(0, record.indexOf(':'));
  }

  @Test
  void writesTheLatestRecordOfEachKeyAtEveryCheckpointAndAtTheEnd() throws Exception {
    Random random = new Random(7);
    List<String> expected = new ArrayList<>();
    Map<String, String> segment = new LinkedHashMap<>();
    try (OneInputStreamOperatorTestHarness<String, String> harness = harness(1_000)) {
      for (int i = 0; i < 5_000; i++) {
        if (random.nextInt(200) == 0) {
          harness.prepareSnapshotPreBarrier(i);
          harness.snapshot(i, i);
          expected.addAll(segment.values());
          segment.clear();
          assertThat(values(harness)).as("written by checkpoint %d", i).isEqualTo(expected);
        }
        String record = "k" + random.nextInt(50) + ":" + i;
        harness.processElement(new StreamRecord<>(record, i));
        segment.remove(keyOf(record));
        segment.put(keyOf(record), record);
      }
      harness.endInput();
      expected.addAll(segment.values());
      assertThat(values(harness)).isEqualTo(expected);
      assertThat(expected.size()).as("records written").isLessThan(5_000 / 2);
    }
  }

  @Test
  void keepsEachRecordsTimestamp() throws Exception {
    try (OneInputStreamOperatorTestHarness<String, String> harness = harness(10)) {
      harness.processElement(new StreamRecord<>("a:1", 100));
      harness.processElement(new StreamRecord<>("a:2", 50));
      harness.endInput();
      assertThat(harness.getOutput()).containsExactly(new StreamRecord<>("a:2", 50));
    }
  }

  @Test
  void keepsNoReferenceToARecordThatTheOperatorInFrontReuses() throws Exception {
    try (OneInputStreamOperatorTestHarness<String, String> harness = harness(10)) {
      StreamRecord<String> reused = new StreamRecord<>("a:1", 1);
      harness.processElement(reused);
      reused.replace("b:1", 2);
      harness.processElement(reused);
      harness.endInput();
      assertThat(harness.getOutput())
          .containsExactly(new StreamRecord<>("a:1", 1), new StreamRecord<>("b:1", 2));
    }
  }

  @Test
  void writesEarlyWhenItHoldsMaxKeys() throws Exception {
    try (OneInputStreamOperatorTestHarness<String, String> harness = harness(3)) {
      harness.processElement(new StreamRecord<>("a:1", 1));
      harness.processElement(new StreamRecord<>("b:1", 2));
      harness.processElement(new StreamRecord<>("a:2", 3));
      assertThat(values(harness)).isEmpty();
      harness.processElement(new StreamRecord<>("c:1", 4));
      assertThat(values(harness)).containsExactly("b:1", "a:2", "c:1");
      harness.processElement(new StreamRecord<>("a:3", 5));
      harness.endInput();
      assertThat(values(harness)).containsExactly("b:1", "a:2", "c:1", "a:3");
    }
  }

  @Test
  void refusesALimitBelowOne() {
    assertThatThrownBy(() -> new LatestPerCheckpoint<String>(LatestPerCheckpointTest::keyOf, 0))
        .hasMessageContaining("maxKeys must be at least 1, was 0");
  }

  private static OneInputStreamOperatorTestHarness<String, String> harness(int maxKeys)
      throws Exception {
    OneInputStreamOperatorTestHarness<String, String> harness =
        new OneInputStreamOperatorTestHarness<>(
            new LatestPerCheckpoint<String>(LatestPerCheckpointTest::keyOf, maxKeys));
    harness.open();
    return harness;
  }

  private static List<String> values(OneInputStreamOperatorTestHarness<?, String> harness) {
    List<String> values = new ArrayList<>();
    for (StreamRecord<? extends String> record : harness.extractOutputStreamRecords()) {
      values.add(record.getValue());
    }
    return values;
  }
}
