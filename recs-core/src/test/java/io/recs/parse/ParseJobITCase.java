package io.recs.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.recs.event.Interaction;
import io.recs.event.RejectReason;
import io.recs.event.RejectedRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.groups.OperatorMetricGroup;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A mixed file through a parse job at parallelism 2: both outputs and the metrics, exactly. */
class ParseJobITCase {
  private static final InMemoryReporter REPORTER = InMemoryReporter.createWithRetainedMetrics();

  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .setConfiguration(REPORTER.addToConfiguration(new Configuration()))
              .build());

  private static final int GOOD_LINES = 200;
  private static final String TOO_LARGE = "u0,i0,view,1," + "x".repeat(300);

  /** Bad lines, each with the reason it must be rejected for. */
  private static final List<Bad> BAD =
      List.of(
          new Bad("user,item,action,ts", RejectReason.HEADER),
          new Bad("", RejectReason.EMPTY),
          new Bad("   ", RejectReason.EMPTY),
          new Bad("u1,i1,view", RejectReason.MALFORMED_CSV),
          new Bad("\"u1,i1,view,1", RejectReason.MALFORMED_CSV),
          new Bad("u1,i1,dance,1700000000000", RejectReason.UNKNOWN_ACTION),
          new Bad("u1,,view,1700000000000", RejectReason.INVALID_ID),
          new Bad("u1,i1,view,-1", RejectReason.INVALID_TIMESTAMP),
          new Bad("u1,i1,view,soon", RejectReason.INVALID_TIMESTAMP),
          new Bad("u1,i1,view,4200000000000", RejectReason.INVALID_TIMESTAMP),
          new Bad(TOO_LARGE, RejectReason.TOO_LARGE));

  @TempDir Path dir;

  @Test
  @Timeout(120)
  void everyLineLeavesAsExactlyOneInteractionOrDeadLetter() throws Exception {
    List<String> lines = new ArrayList<>();
    List<Interaction> expected = new ArrayList<>();
    lines.add("user,item,action,ts");
    for (int i = 0; i < GOOD_LINES; i++) {
      String action = i % 3 == 0 ? "purchase" : "View";
      lines.add("\"u " + i % 17 + "\",i" + i + "," + action + "," + (1_700_000_000_000L + i));
      expected.add(
          Interaction.of(
              "u " + i % 17,
              "i" + i,
              action.toLowerCase(),
              i % 3 == 0 ? 8.0 : 1.0,
              1_700_000_000_000L + i));
      if (i % 20 == 0) {
        lines.add(BAD.get(i / 20 % BAD.size()).line);
      }
    }
    List<String> expectedDeadLetters = new ArrayList<>();
    expectedDeadLetters.add(RejectReason.HEADER + " user,item,action,ts");
    for (int i = 0; i < GOOD_LINES; i += 20) {
      Bad bad = BAD.get(i / 20 % BAD.size());
      expectedDeadLetters.add(bad.reason + " " + bad.line);
    }
    Path file = dir.resolve("events.csv");
    Files.write(file, lines, StandardCharsets.UTF_8);

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    FileSource<String> source =
        FileSource.forRecordStreamFormat(
                new TextLineInputFormat(), new org.apache.flink.core.fs.Path(file.toUri()))
            .build();
    DataStream<String> text =
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "events.csv").rebalance();
    InteractionParser parser =
        CsvInteractionParser.builder()
            .header("user", "item", "action", "ts")
            .userColumn("user")
            .itemColumn("item")
            .actionColumn("action")
            .timestampColumn("ts")
            .maxRecordBytes(200)
            .build();
    ParsedStreams parsed = Parsing.parseLines(text, parser, "events.csv");

    List<Interaction> interactions = new ArrayList<>();
    List<RejectedRecord> deadLetters = new ArrayList<>();
    JobID jobId;
    try (CloseableIterator<Interaction> accepted = parsed.interactions().collectAsync();
        CloseableIterator<RejectedRecord> rejected = parsed.deadLetters().collectAsync()) {
      JobClient job = env.executeAsync("parse job");
      jobId = job.getJobID();
      accepted.forEachRemaining(interactions::add);
      rejected.forEachRemaining(deadLetters::add);
      job.getJobExecutionResult().get();
    }

    assertThat(interactions).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(deadLetters)
        .extracting(r -> r.reason() + " " + r.raw())
        .containsExactlyInAnyOrderElementsOf(expectedDeadLetters);
    assertThat(deadLetters).allSatisfy(r -> assertThat(r.source()).isEqualTo("events.csv"));
    assertThat(interactions.size() + deadLetters.size()).isEqualTo(lines.size());

    assertThat(counter(jobId, ParseFunction.RECORDS_ACCEPTED)).isEqualTo(GOOD_LINES);
    assertThat(counter(jobId, ParseFunction.EVENTS_ACCEPTED)).isEqualTo(GOOD_LINES);
    assertThat(counter(jobId, ParseFunction.RECORDS_REJECTED))
        .isEqualTo(expectedDeadLetters.size());
    for (RejectReason reason : RejectReason.values()) {
      long expectedCount =
          expectedDeadLetters.stream().filter(d -> d.startsWith(reason + " ")).count();
      assertThat(counter(jobId, ParseFunction.REJECTED_PREFIX + reason))
          .as("rejected_%s", reason)
          .isEqualTo(expectedCount);
    }
  }

  @Test
  @Timeout(120)
  void sessionsLeaveAsAllTheirEventsOrAsOneDeadLetter() throws Exception {
    InteractionParser parser =
        JsonInteractionParser.builder()
            .eventsField("events")
            .userField("session")
            .itemField("aid")
            .timestampField("ts")
            .actionField("type")
            .actionMapping(Map.of("clicks", "click", "carts", "cart", "orders", "purchase"))
            .build();
    List<String> records = new ArrayList<>();
    List<Interaction> expected = new ArrayList<>();
    String[] types = {"clicks", "carts", "orders"};
    String[] actions = {"click", "cart", "purchase"};
    double[] weights = {2, 4, 8};
    int goodSessions = 0;
    for (int s = 0; s < 100; s++) {
      int events = 1 + s % 5;
      StringBuilder json = new StringBuilder("{\"session\":" + s + ",\"events\":[");
      for (int e = 0; e < events; e++) {
        long ts = 1_661_724_000_000L + 1000L * s + e;
        json.append(e == 0 ? "" : ",")
            .append("{\"aid\":")
            .append(s * 10 + e)
            .append(",\"ts\":")
            .append(ts)
            .append(",\"type\":\"")
            .append(types[e % 3])
            .append("\"}");
        expected.add(Interaction.of("" + s, "" + (s * 10 + e), actions[e % 3], weights[e % 3], ts));
      }
      records.add(json.append("]}").toString());
      goodSessions++;
      if (s % 10 == 0) {
        records.add("{\"session\":" + s + ",\"events\":[]}");
        records.add("{\"session\":" + s + ",\"events\":[{\"aid\":1,\"ts\":1,\"type\":\"x\"}]}");
        records.add("{\"session\":" + s + ",\"events\":[{\"aid\":1,\"ts\":1");
      }
    }
    int badSessions = records.size() - goodSessions;

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    ParsedStreams parsed =
        Parsing.parseLines(env.fromData(records).rebalance(), parser, "sessions.jsonl");
    List<Interaction> interactions = new ArrayList<>();
    List<RejectedRecord> deadLetters = new ArrayList<>();
    JobID jobId;
    try (CloseableIterator<Interaction> accepted = parsed.interactions().collectAsync();
        CloseableIterator<RejectedRecord> rejected = parsed.deadLetters().collectAsync()) {
      JobClient job = env.executeAsync("session parse job");
      jobId = job.getJobID();
      accepted.forEachRemaining(interactions::add);
      rejected.forEachRemaining(deadLetters::add);
      job.getJobExecutionResult().get();
    }

    assertThat(interactions).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(deadLetters).hasSize(badSessions);
    assertThat(deadLetters)
        .extracting(RejectedRecord::reason)
        .containsOnly(RejectReason.EMPTY, RejectReason.UNKNOWN_ACTION, RejectReason.MALFORMED_JSON);
    String operator = "parse sessions.jsonl";
    long acceptedRecords = counter(jobId, operator, ParseFunction.RECORDS_ACCEPTED);
    long rejectedRecords = counter(jobId, operator, ParseFunction.RECORDS_REJECTED);
    assertThat(acceptedRecords).isEqualTo(goodSessions);
    assertThat(acceptedRecords + rejectedRecords).isEqualTo(records.size());
    assertThat(counter(jobId, operator, ParseFunction.EVENTS_ACCEPTED)).isEqualTo(expected.size());
  }

  /** The sum of a counter over the parallel instances of the parse operator. */
  private static long counter(JobID jobId, String name) {
    return counter(jobId, "parse events.csv", name);
  }

  private static long counter(JobID jobId, String operator, String name) {
    long sum = 0;
    int instances = 0;
    for (OperatorMetricGroup group : REPORTER.findOperatorMetricGroups(jobId, operator)) {
      Metric metric = REPORTER.getMetricsByGroup(group).get(name);
      if (metric instanceof Counter counter) {
        sum += counter.getCount();
        instances++;
      }
    }
    assertThat(instances).as("instances of %s", name).isEqualTo(2);
    return sum;
  }

  private record Bad(String line, RejectReason reason) {}
}
