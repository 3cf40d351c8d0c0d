package io.recs.testkit.driver;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.flink.annotation.PublicEvolving;

/**
 * An output of the last {@link RecsTestDriver#run()} whose records are lists for a key: a user's
 * recommendations, an item's similar items, a scope's trending items. Get it from the driver.
 *
 * <pre>{@code
 * driver.run();
 * Recommendations latest = driver.recommendations().latestFor("u1");
 * List<Recommendations> everyList = driver.recommendations().historyFor("u1");
 * }</pre>
 *
 * <p>After a bounded run, the latest record per key is the one computed from the final state. Lists
 * are immutable; the handle reads the driver's latest run at each call.
 *
 * @param <T> the record type
 */
@PublicEvolving
public final class KeyedTestOutput<T> {
  private final String name;
  private final Supplier<List<T>> records;
  private final Function<T, String> key;

  KeyedTestOutput(String name, Supplier<List<T>> records, Function<T, String> key) {
    this.name = name;
    this.records = records;
    this.key = key;
  }

  /** Every record of the last run, in arrival order. */
  public List<T> records() {
    return records.get();
  }

  /** The records for {@code key} in arrival order; empty if there are none. */
  public List<T> historyFor(String key) {
    List<T> history = new ArrayList<>();
    for (T record : records()) {
      if (this.key.apply(record).equals(key)) {
        history.add(record);
      }
    }
    return List.copyOf(history);
  }

  /**
   * The last record for {@code key}.
   *
   * @throws NoSuchElementException naming the keys that have records, if {@code key} has none
   */
  public T latestFor(String key) {
    T latest = latestByKey().get(key);
    if (latest == null) {
      throw new NoSuchElementException(
          "no " + name + " for '" + key + "'; keys with records: " + latestByKey().keySet());
    }
    return latest;
  }

  /** The last record per key, keys in order of first appearance. */
  public Map<String, T> latestByKey() {
    Map<String, T> latest = new LinkedHashMap<>();
    records().forEach(record -> latest.put(key.apply(record), record));
    return Collections.unmodifiableMap(latest);
  }

  /** The keys that have records. */
  public Set<String> keys() {
    return latestByKey().keySet();
  }

  @Override
  public String toString() {
    return name;
  }
}
