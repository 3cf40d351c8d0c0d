package io.recs.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.recs.event.Interaction;
import io.recs.event.RecordOrigin;
import io.recs.event.RejectReason;
import io.recs.event.RejectedRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    ParsedStreams parsed = Parsing.parseLines(lines, parser, "events.csv");
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

  @Test
  void parsesSessionsIntoOneInteractionPerEvent() {
    // session example start
    // {"session": 12899779, "events": [{"aid": 59625, "ts": 1661724000278, "type": "clicks"}, ...]}
    InteractionParser otto =
        JsonInteractionParser.builder()
            .eventsField("events")
            .userField("session") // not in the events: inherited from the enclosing record
            .itemField("aid")
            .timestampField("ts")
            .actionField("type")
            .actionMapping(Map.of("clicks", "click", "carts", "cart", "orders", "purchase"))
            .build();

    ParseResult session =
        otto.parse(
            ("{\"session\": 12899779, \"events\": ["
                    + "{\"aid\": 59625, \"ts\": 1661724000278, \"type\": \"clicks\"},"
                    + "{\"aid\": 1142000, \"ts\": 1661724058352, \"type\": \"orders\"}]}")
                .getBytes(StandardCharsets.UTF_8),
            RecordOrigin.line("train.jsonl", 0));
    List<Interaction> events = session.interactions(); // two interactions, user "12899779"
    // session example end

    assertThat(events)
        .containsExactly(
            Interaction.of("12899779", "59625", "click", 2.0, 1_661_724_000_278L),
            Interaction.of("12899779", "1142000", "purchase", 8.0, 1_661_724_058_352L));
  }
}
