package io.recs.testkit;

import io.recs.event.Interaction;
import io.recs.event.Recommendations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Interactions for the connector tests: distinct timestamps, several users, stable order. */
public final class TestData {
  private TestData() {}

  /** {@code count} interactions of {@code users} users, timestamps {@code start, start+1000..}. */
  public static List<Interaction> interactions(int count, int users, long start) {
    List<Interaction> all = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      all.add(
          Interaction.of(
              "u" + (n % users), "i" + (n * 7 % 23), "view", 1 + n % 3, start + n * 1000L));
    }
    return all;
  }

  /** The same interactions with {@code prefix} before each user id, to keep users apart. */
  public static List<Interaction> withUserPrefix(String prefix, List<Interaction> interactions) {
    return interactions.stream()
        .map(
            i ->
                Interaction.of(
                    prefix + i.userId(), i.itemId(), i.action(), i.weight(), i.timestamp()))
        .toList();
  }

  /** The lines the CSV test parser reads, one per interaction, each ending in a line break. */
  public static String csv(List<Interaction> interactions) {
    StringBuilder text = new StringBuilder();
    interactions.forEach(i -> text.append(CsvTestParser.line(i)).append('\n'));
    return text.toString();
  }

  /** The stand-in pipeline's last output per user after {@code interactions}. */
  public static Map<String, Recommendations> lastPerUser(List<Interaction> interactions) {
    Map<String, List<Interaction>> histories = new LinkedHashMap<>();
    for (Interaction i : interactions) {
      histories.computeIfAbsent(i.userId(), u -> new ArrayList<>()).add(i);
    }
    Map<String, Recommendations> last = new LinkedHashMap<>();
    histories.forEach((user, history) -> last.put(user, StandInPipeline.expected(history)));
    return last;
  }
}
