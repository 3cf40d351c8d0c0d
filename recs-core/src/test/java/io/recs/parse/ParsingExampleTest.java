package io.recs.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.recs.event.Interaction;
import io.recs.event.RecordOrigin;
import io.recs.event.RejectReason;
import io.recs.event.RejectedRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;

/** The example of docs/parsing.md, compiled and run so that the docs cannot rot. */
class ParsingExampleTest {

  @Test
  void parsesAFileIntoInteractionsAndDeadLetters() throws Exception {
    // example start
    InteractionParser parser =
        CsvInteractionParser.builder()
            .header("user", "item", "action", "ts")
            .userColumn("user")
            .itemColumn("item")
            .actionColumn("action")
            .timestampColumn("ts")
            .timestampFormat(TimestampFormat.EPOCH_SECONDS)
            .build();

    // One record, outside Flink: exactly one interaction or one dead letter, never an exception.
    ParseResult one =
        parser.parse(
            "u1,i1,view,1700000000".getBytes(StandardCharsets.UTF_8),
            RecordOrigin.line("events.csv", 1));

    // A stream of lines, for example from a FileSource with TextLineInputFormat.
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    DataStream<String> lines =
        env.fromData("user,item,action,ts", "u1,i1,view,1700000000", "u1,i2,jump,1700000060");
    Parsing.Streams parsed = Parsing.parseLines(lines, parser, "events.csv");
    DataStream<Interaction> interactions = parsed.interactions();
    DataStream<RejectedRecord> deadLetters = parsed.deadLetters();
    // example end

    assertThat(one.interaction())
        .isEqualTo(Interaction.of("u1", "i1", "view", 1.0, 1_700_000_000_000L));
    List<Interaction> accepted = new ArrayList<>();
    List<RejectReason> reasons = new ArrayList<>();
    try (CloseableIterator<Interaction> a = interactions.collectAsync();
        CloseableIterator<RejectedRecord> r = deadLetters.collectAsync()) {
      JobClient job = env.executeAsync("parsing example");
      a.forEachRemaining(accepted::add);
      r.forEachRemaining(dead -> reasons.add(dead.reason()));
      job.getJobExecutionResult().get();
    }
    assertThat(accepted)
        .containsExactly(Interaction.of("u1", "i1", "view", 1.0, 1_700_000_000_000L));
    assertThat(reasons).containsExactlyInAnyOrder(RejectReason.HEADER, RejectReason.UNKNOWN_ACTION);
  }
}
