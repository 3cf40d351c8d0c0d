package io.recs.parse;

import io.recs.event.Interaction;
import io.recs.event.RejectedRecord;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * Applies a {@link ParseFunction} to a stream and hands back both of its outputs.
 *
 * <pre>{@code
 * Parsing.Streams parsed = Parsing.parseLines(lines, parser, "ratings.csv");
 * parsed.interactions().keyBy(Interaction::userId)...;
 * parsed.deadLetters().sinkTo(deadLetterSink);
 * }</pre>
 */
@PublicEvolving
public final class Parsing {
  private Parsing() {}

  /** Parses text lines; {@code source} names them in dead letters. */
  public static Streams parseLines(
      DataStream<String> lines, InteractionParser parser, String source) {
    return apply(lines, ParseFunction.ofLines(parser, source), source);
  }

  /** Parses raw records; {@code source} names them in dead letters. */
  public static Streams parseBytes(
      DataStream<byte[]> records, InteractionParser parser, String source) {
    return apply(records, ParseFunction.ofBytes(parser, source), source);
  }

  private static <T> Streams apply(DataStream<T> input, ParseFunction<T> function, String source) {
    return new Streams(
        input.process(function, TypeInformation.of(Interaction.class)).name("parse " + source));
  }

  /** The two outputs of parsing: every input record is in exactly one of them. */
  public static final class Streams {
    private final SingleOutputStreamOperator<Interaction> interactions;

    private Streams(SingleOutputStreamOperator<Interaction> interactions) {
      this.interactions = interactions;
    }

    /** The accepted interactions; the parse operator itself, so it can be named or given a uid. */
    public SingleOutputStreamOperator<Interaction> interactions() {
      return interactions;
    }

    /** The dead letters. */
    public DataStream<RejectedRecord> deadLetters() {
      return interactions.getSideOutput(ParseFunction.DEAD_LETTERS);
    }
  }
}
