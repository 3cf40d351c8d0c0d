package io.recs.testkit.driver;

import io.recs.event.Interaction;
import io.recs.event.RecordOrigin;
import io.recs.parse.InteractionParser;
import io.recs.parse.ParseFunction;
import io.recs.parse.ParseResult;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;

/**
 * Passes fed interactions through and parses fed raw records: the interactions of accepted ones
 * (several for a record holding a session) join the interactions, rejected ones go to {@link
 * ParseFunction#DEAD_LETTERS}. Runs at parallelism 1 to keep the feeding order.
 */
final class ParseFedRecords
    extends ProcessFunction<Either<Interaction, Tuple2<Long, String>>, Interaction> {
  private static final long serialVersionUID = 1L;

  private final InteractionParser parser;

  ParseFedRecords(InteractionParser parser) {
    this.parser = parser;
  }

  @Override
  public void processElement(
      Either<Interaction, Tuple2<Long, String>> record, Context ctx, Collector<Interaction> out) {
    if (record.isLeft()) {
      out.collect(record.left());
      return;
    }
    Tuple2<Long, String> raw = record.right();
    ParseResult result =
        parser.parse(
            raw.f1.getBytes(StandardCharsets.UTF_8),
            new RecordOrigin(TestRawInput.SOURCE, -1, raw.f0));
    if (result.isAccepted()) {
      result.interactions().forEach(out::collect);
    } else {
      ctx.output(ParseFunction.DEAD_LETTERS, result.rejected());
    }
  }
}
