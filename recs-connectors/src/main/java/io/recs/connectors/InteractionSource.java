package io.recs.connectors;

import static io.recs.config.BuilderChecks.nonBlank;
import static io.recs.config.BuilderChecks.nonNull;
import static io.recs.config.BuilderChecks.notNegative;
import static io.recs.config.BuilderChecks.notYetSet;
import static io.recs.config.BuilderChecks.positive;
import static io.recs.config.BuilderChecks.required;

import io.recs.connectors.internal.InteractionWatermarks;
import io.recs.connectors.internal.SplitParsedRecords;
import io.recs.parse.InteractionParser;
import io.recs.parse.ParseResult;
import io.recs.parse.ParsedStreams;
import java.time.Duration;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * What every recs source shares: a Flink source of parsed records, event-time watermarks over the
 * interactions' own times, and a split into interactions and dead letters. {@code
 * FileInteractionSource} and {@code KafkaInteractionSource} are the two kinds; their builders share
 * the settings of {@link Builder}.
 */
@PublicEvolving
public abstract class InteractionSource {

  /** The default bound on how far out of order interactions may arrive: 5 s. */
  public static final Duration DEFAULT_MAX_OUT_OF_ORDERNESS = Duration.ofSeconds(5);

  private final Source<ParseResult, ?, ?> source;
  private final Duration maxOutOfOrderness;
  private final Duration idleTimeout;
  private final String name;

  /** A source with the shared settings of {@code builder}; {@code source} reads the records. */
  protected InteractionSource(Source<ParseResult, ?, ?> source, Builder<?> builder) {
    this.source = source;
    this.maxOutOfOrderness =
        builder.maxOutOfOrderness == null
            ? DEFAULT_MAX_OUT_OF_ORDERNESS
            : builder.maxOutOfOrderness;
    this.idleTimeout = builder.idleTimeout;
    this.name = builder.name == null ? builder.defaultName() : builder.name;
  }

  /**
   * Adds the source to {@code env}: the Flink source (uid {@code name}) and a split into
   * interactions and dead letters (uid {@code name + "-split"}).
   */
  public final ParsedStreams attach(StreamExecutionEnvironment env) {
    DataStream<ParseResult> parsed =
        env.fromSource(source, InteractionWatermarks.of(maxOutOfOrderness, idleTimeout), name)
            .uid(name);
    return SplitParsedRecords.split(parsed, name);
  }

  /**
   * The settings every recs source has; each setter may be called once.
   *
   * @param <B> the concrete builder, returned by every setter
   */
  @PublicEvolving
  public abstract static class Builder<B extends Builder<B>> {
    private InteractionParser parser;
    private Duration maxOutOfOrderness;
    private Duration idleTimeout;
    private String name;

    /** For the builders of the two kinds of source. */
    protected Builder() {}

    /** This builder, as its concrete type. */
    protected abstract B self();

    /** The operator name and uid prefix when {@link #name(String)} is not called. */
    protected abstract String defaultName();

    /** Required: turns each record (a line, a Kafka value) into interactions or a dead letter. */
    public B parser(InteractionParser parser) {
      notYetSet("parser", this.parser);
      this.parser = nonNull("parser", parser);
      return self();
    }

    /**
     * How late an interaction may arrive behind the latest one of its split (a file, a partition);
     * default {@link #DEFAULT_MAX_OUT_OF_ORDERNESS}.
     */
    public B maxOutOfOrderness(Duration maxOutOfOrderness) {
      notYetSet("maxOutOfOrderness", this.maxOutOfOrderness);
      this.maxOutOfOrderness = notNegative("maxOutOfOrderness", maxOutOfOrderness);
      return self();
    }

    /**
     * After how long without records a split (a file reader, a partition) stops holding back the
     * watermark. Default: never, which stalls event time downstream while a split has nothing to
     * read, for example an empty partition or a monitored folder with fewer new files than readers.
     */
    public B idleTimeout(Duration idleTimeout) {
      notYetSet("idleTimeout", this.idleTimeout);
      this.idleTimeout = positive("idleTimeout", idleTimeout);
      return self();
    }

    /** The operator name and uid prefix; default the kind's {@code DEFAULT_NAME}. */
    public B name(String name) {
      notYetSet("name", this.name);
      this.name = nonBlank("name", name);
      return self();
    }

    /** The parser; checks that it was set. */
    protected InteractionParser requiredParser() {
      required("parser", parser);
      return parser;
    }
  }
}
