package io.recs.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.recs.event.Interaction;
import io.recs.event.RejectReason;
import io.recs.event.RejectedRecord;
import io.recs.parse.CsvInteractionParser;
import io.recs.parse.InteractionParser;
import io.recs.parse.JsonInteractionParser;
import io.recs.parse.ParsedStreams;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Records holding several interactions, and header lines, through the file source in a job. */
class FileSessionsITCase {
  @TempDir Path dir;

  @Test
  @Timeout(120)
  void everyEventOfASessionLeavesWithItsOwnEventTime() throws Exception {
    Path file = dir.resolve("sessions.jsonl");
    Files.write(
        file,
        List.of(
            "{\"session\":1,\"events\":[{\"aid\":10,\"ts\":1000,\"type\":\"clicks\"},"
                + "{\"aid\":11,\"ts\":3000,\"type\":\"carts\"},{\"aid\":12,\"ts\":2000,\"type\":\"orders\"}]}",
            "{\"session\":2,\"events\":[]}",
            "{\"session\":3,\"events\":[{\"aid\":30,\"ts\":4000,\"type\":\"clicks\"},{\"aid\":31}]}",
            "{\"session\":4,\"ts\":5000,\"events\":[{\"aid\":40,\"type\":\"clicks\"}]}"),
        StandardCharsets.UTF_8);
    ParsedStreams in =
        source(
            file,
            JsonInteractionParser.builder()
                .eventsField("events")
                .userField("session")
                .itemField("aid")
                .timestampField("ts")
                .actionField("type")
                .actionMapping(Map.of("clicks", "click", "carts", "cart", "orders", "purchase"))
                .build());

    List<Tuple2<Interaction, Long>> stamped = new ArrayList<>();
    List<RejectedRecord> deadLetters = run(withTimestamps(in.interactions()), stamped, in);

    assertThat(stamped)
        .containsExactly(
            Tuple2.of(Interaction.of("1", "10", "click", 2.0, 1000), 1000L),
            Tuple2.of(Interaction.of("1", "11", "cart", 4.0, 3000), 3000L),
            Tuple2.of(Interaction.of("1", "12", "purchase", 8.0, 2000), 2000L),
            Tuple2.of(Interaction.of("4", "40", "click", 2.0, 5000), 5000L));
    assertThat(deadLetters)
        .extracting(RejectedRecord::reason, RejectedRecord::offset)
        .containsExactly(tuple(RejectReason.EMPTY, 1L), tuple(RejectReason.MISSING_FIELD, 2L));
    assertThat(deadLetters.get(1).detail()).startsWith("event 1 of 2 in 'events': ");
  }

  @Test
  @Timeout(120)
  void firstLineIsHeaderRejectsLineZeroOfTheFile() throws Exception {
    Path file = dir.resolve("events.csv");
    Files.write(file, List.of("who,what,when", "u1,i1,5"), StandardCharsets.UTF_8);
    ParsedStreams in =
        source(
            file,
            CsvInteractionParser.builder()
                .userColumn(0)
                .itemColumn(1)
                .fixedAction("view")
                .timestampColumn(2)
                .firstLineIsHeader()
                .build());

    List<Tuple2<Interaction, Long>> stamped = new ArrayList<>();
    List<RejectedRecord> deadLetters = run(withTimestamps(in.interactions()), stamped, in);

    assertThat(stamped).containsExactly(Tuple2.of(Interaction.of("u1", "i1", "view", 1.0, 5), 5L));
    assertThat(deadLetters)
        .singleElement()
        .satisfies(d -> assertThat(d.reason()).isEqualTo(RejectReason.HEADER))
        .satisfies(d -> assertThat(d.offset()).isZero())
        .satisfies(d -> assertThat(d.raw()).isEqualTo("who,what,when"));
  }

  private ParsedStreams source(Path file, InteractionParser parser) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    return FileInteractionSource.builder()
        .paths(file.toUri().toString())
        .parser(parser)
        .build()
        .attach(env);
  }

  private static DataStream<Tuple2<Interaction, Long>> withTimestamps(
      DataStream<Interaction> interactions) {
    return interactions.process(
        new ProcessFunction<Interaction, Tuple2<Interaction, Long>>() {
          @Override
          public void processElement(
              Interaction value, Context ctx, Collector<Tuple2<Interaction, Long>> out) {
            out.collect(Tuple2.of(value, ctx.timestamp()));
          }
        },
        Types.TUPLE(Types.POJO(Interaction.class), Types.LONG));
  }

  private static List<RejectedRecord> run(
      DataStream<Tuple2<Interaction, Long>> stamped,
      List<Tuple2<Interaction, Long>> into,
      ParsedStreams in)
      throws Exception {
    List<RejectedRecord> deadLetters = new ArrayList<>();
    try (CloseableIterator<Tuple2<Interaction, Long>> a = stamped.collectAsync();
        CloseableIterator<RejectedRecord> r = in.deadLetters().collectAsync()) {
      JobClient job = stamped.getExecutionEnvironment().executeAsync("file sessions");
      a.forEachRemaining(into::add);
      r.forEachRemaining(deadLetters::add);
      job.getJobExecutionResult().get();
    }
    return deadLetters;
  }
}
