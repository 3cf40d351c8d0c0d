package io.recs.parse;

import io.recs.event.Interaction;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * Applies a {@link ParseFunction} to a stream and hands back both of its outputs as {@link
 * ParsedStreams}.
 *
 * <pre>{@code
 * ParsedStreams parsed = Parsing.parseLines(lines, parser, "ratings.csv");
 * parsed.interactions().keyBy(Interaction::userId)...;
 * parsed.deadLetters().sinkTo(deadLetterSink);
 * }</pre>
 */
@PublicEvolving
public final class Parsing {
  private Parsing() {}

  /** Parses text lines; {@code source} names them in dead letters. */
  public static ParsedStreams parseLines(
      DataStream<String> lines, InteractionParser parser, String source) {
    return apply(lines, ParseFunction.ofLines(parser, source), source);
  }

  /** Parses raw records; {@code source} names them in dead letters. */
  public static ParsedStreams parseBytes(
      DataStream<byte[]> records, InteractionParser parser, String source) {
    return apply(records, ParseFunction.ofBytes(parser, source), source);
  }

  private static <T> ParsedStreams apply(
      DataStream<T> input, ParseFunction<T> function, String source) {
    SingleOutputStreamOperator<Interaction> interactions =
        input.process(function, TypeInformation.of(Interaction.class)).name("parse " + source);
    return new ParsedStreams(interactions, interactions.getSideOutput(ParseFunction.DEAD_LETTERS));
  }
}
