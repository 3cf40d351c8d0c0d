package io.recs.testkit.driver;

import java.util.List;
import java.util.Objects;
import org.apache.flink.annotation.PublicEvolving;

/**
 * Feeds raw records (UTF-8 text, one record each) through the driver's parser; get it from {@link
 * RecsTestDriver#rawRecords()}.
 *
 * <pre>{@code
 * RecsTestDriver driver = RecsTestDriver.builder().pipeline(pipeline).parser(myParser).build();
 * driver.rawRecords().add("u1,i1,view,1,1700000000000").add("not a record");
 * driver.run();
 * assertThat(driver.deadLetters().records()).hasSize(1);
 * }</pre>
 *
 * <p>Parsing happens inside the job, so the parser is serialized as on a cluster. Accepted records
 * join the interactions in feeding order; rejected ones appear in {@link
 * RecsTestDriver#deadLetters()} with source {@value #SOURCE} and their 0-based position among the
 * raw records as offset.
 */
@PublicEvolving
public final class TestRawInput {
  /** The source name in every record origin and dead letter of raw input. */
  public static final String SOURCE = "recs-test-driver";

  private final FedRecords fed;

  TestRawInput(FedRecords fed) {
    this.fed = fed;
  }

  /** Adds one raw record. */
  public TestRawInput add(String record) {
    fed.addRaw(Objects.requireNonNull(record, "record"));
    return this;
  }

  /** Adds raw records in list order. */
  public TestRawInput addAll(List<String> records) {
    records.forEach(this::add);
    return this;
  }
}
