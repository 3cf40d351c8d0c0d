package io.recs.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CooccurrenceRowTest {

  @Test
  void addsLikeAMapOfSums() {
    Random random = new Random(7);
    CooccurrenceRow row = new CooccurrenceRow();
    Map<String, Double> expected = new LinkedHashMap<>();
    for (int k = 0; k < 50_000; k++) {
      String item = "i" + random.nextInt(3_000);
      double delta = random.nextInt(5) + 0.5;
      double count = row.add(item, delta);
      assertThat(count).isEqualTo(expected.merge(item, delta, Double::sum));
    }
    assertThat(contents(row)).isEqualTo(expected);
    assertThat(row.size).isEqualTo(expected.size());
    for (int k = 0; k < 3_500; k++) {
      assertThat(row.contains("i" + k)).isEqualTo(expected.containsKey("i" + k));
    }
  }

  @Test
  void rebuildsItsIndexAfterDeserialization() {
    CooccurrenceRow row = new CooccurrenceRow();
    for (int k = 0; k < 100; k++) {
      row.add("i" + k, 1);
    }
    // What Flink's POJO serializer restores: the public fields, not the transient index.
    CooccurrenceRow restored = new CooccurrenceRow();
    restored.items = row.items.clone();
    restored.counts = row.counts.clone();
    restored.size = row.size;

    assertThat(restored.contains("i99")).isTrue();
    assertThat(restored.contains("i100")).isFalse();
    assertThat(restored.add("i42", 2)).isEqualTo(3);
    assertThat(restored.add("new", 1)).isEqualTo(1);
    assertThat(restored.size).isEqualTo(101);
  }

  @Test
  void keepsItemsWithCollidingHashCodesApart() {
    CooccurrenceRow row = new CooccurrenceRow();
    // "Aa" and "BB" have the same String.hashCode().
    row.add("Aa", 1);
    row.add("BB", 2);
    row.add("Aa", 3);
    assertThat(contents(row)).containsExactly(Map.entry("Aa", 4.0), Map.entry("BB", 2.0));
  }

  private static Map<String, Double> contents(CooccurrenceRow row) {
    Map<String, Double> map = new LinkedHashMap<>();
    for (int k = 0; k < row.size; k++) {
      map.put(row.items[k], row.counts[k]);
    }
    return map;
  }
}
