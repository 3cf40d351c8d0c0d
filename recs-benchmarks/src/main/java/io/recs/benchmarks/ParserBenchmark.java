package io.recs.benchmarks;

import io.recs.event.RecordOrigin;
import io.recs.parse.CsvInteractionParser;
import io.recs.parse.InteractionParser;
import io.recs.parse.JsonInteractionParser;
import io.recs.parse.ParseResult;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.flink.annotation.Internal;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Single-threaded throughput of the CSV and JSON parsers on realistic records of about 100 bytes,
 * cycling through 4096 distinct records so that branch prediction cannot memorize one. Run as
 * described in {@code docs/benchmarks.md}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Internal
public class ParserBenchmark {
  private static final int RECORDS = 4096; // a power of two, for cheap cycling
  private static final String[] ACTIONS = {"view", "click", "cart", "purchase"};
  private static final String[] CATEGORIES = {"books", "electronics/phones", "home/kitchen"};

  private final RecordOrigin origin = RecordOrigin.kafka("events", 0, 0);
  private InteractionParser csvParser;
  private InteractionParser jsonParser;
  private byte[][] csvRecords;
  private byte[][] jsonRecords;
  private int next;

  /** Builds the parsers and the records. */
  @Setup
  public void setUp() {
    csvParser =
        CsvInteractionParser.builder()
            .userColumn(0)
            .itemColumn(1)
            .actionColumn(2)
            .weightColumn(3)
            .timestampColumn(4)
            .categoryColumn(5)
            .build();
    jsonParser =
        JsonInteractionParser.builder()
            .userField("user")
            .itemField("item")
            .actionField("action")
            .weightField("weight")
            .timestampField("ts")
            .categoryField("category")
            .build();
    SplittableRandom random = new SplittableRandom(1);
    csvRecords = new byte[RECORDS][];
    jsonRecords = new byte[RECORDS][];
    for (int i = 0; i < RECORDS; i++) {
      String user = "user-" + (100_000_000 + random.nextInt(900_000_000));
      String item = "item-" + (100_000_000 + random.nextInt(900_000_000));
      String action = ACTIONS[random.nextInt(ACTIONS.length)];
      String weight = random.nextInt(1, 50) / 10.0 + "";
      long ts = 1_700_000_000_000L + random.nextInt(1_000_000_000);
      String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
      csvRecords[i] =
          String.join(
                  ",",
                  user,
                  item,
                  action,
                  weight,
                  Long.toString(ts),
                  category,
                  "web,mobile-app",
                  "session-" + (10_000_000 + random.nextInt(90_000_000)))
              .getBytes(StandardCharsets.UTF_8);
      jsonRecords[i] =
          ("{\"user\":\""
                  + user
                  + "\",\"item\":\""
                  + item
                  + "\",\"action\":\""
                  + action
                  + "\",\"weight\":"
                  + weight
                  + ",\"ts\":"
                  + ts
                  + ",\"category\":\""
                  + category
                  + "\"}")
              .getBytes(StandardCharsets.UTF_8);
    }
  }

  /** One CSV record of about 100 bytes. */
  @Benchmark
  public ParseResult csv() {
    return csvParser.parse(csvRecords[next++ & (RECORDS - 1)], origin);
  }

  /** One JSON record of about 120 bytes. */
  @Benchmark
  public ParseResult json() {
    return jsonParser.parse(jsonRecords[next++ & (RECORDS - 1)], origin);
  }
}
