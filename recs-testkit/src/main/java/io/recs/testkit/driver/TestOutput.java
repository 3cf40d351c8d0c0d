package io.recs.testkit.driver;

import java.util.List;
import java.util.function.Supplier;
import org.apache.flink.annotation.PublicEvolving;

/**
 * One output of the last {@link RecsTestDriver#run()}, as an immutable list; get it from {@link
 * RecsTestDriver#deadLetters()}.
 *
 * <pre>{@code
 * driver.run();
 * List<RejectedRecord> rejected = driver.deadLetters().records();
 * }</pre>
 *
 * <p>The handle reads the driver's latest run at each call, so it may be kept across runs.
 *
 * @param <T> the record type
 */
@PublicEvolving
public final class TestOutput<T> {
  private final String name;
  private final Supplier<List<T>> records;

  TestOutput(String name, Supplier<List<T>> records) {
    this.name = name;
    this.records = records;
  }

  /** Every record of the last run, in arrival order; immutable. */
  public List<T> records() {
    return records.get();
  }

  /** The number of records of the last run. */
  public int size() {
    return records().size();
  }

  /** Whether the last run emitted no record on this output. */
  public boolean isEmpty() {
    return records().isEmpty();
  }

  @Override
  public String toString() {
    return name;
  }
}
