package io.recs.examples;

import static io.recs.examples.JobOptions.*;

import io.recs.config.RecsSettings;
import io.recs.connectors.file.RecsFileSink;
import io.recs.connectors.json.JsonFormat;
import io.recs.connectors.json.RecsJson;
import io.recs.connectors.kafka.RecsKafkaSink;
import io.recs.event.Recommendations;
import io.recs.event.SimilarItems;
import io.recs.event.TrendingItems;
import io.recs.parse.ParsedStreams;
import io.recs.pipeline.RecsStreams;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Writes the outputs of a run to its sinks: each sink writes the outputs its settings name, as JSON
 * lines (files, one folder per output) or JSON records keyed by user, item or scope (Kafka, one
 * topic per output). Every sink has the uid {@code <output>-<sink>}, for example {@code
 * recommendations-kafka}, so that savepoints map back.
 */
final class RunOutputs {
  /** Where one output went, for the summary. */
  record Destination(Output output, Sink sink, String where) {
    String counter() {
      return RunCounters.WRITTEN_PREFIX + output.label() + "." + sink.label();
    }
  }

  private RunOutputs() {}

  /** The outputs of each sink. */
  static Set<Output> outputs(RecsSettings s, Sink sink) {
    Set<Output> outputs = EnumSet.noneOf(Output.class);
    if (sinks(s).contains(sink)) {
      for (String name : s.get(sink == Sink.FILES ? FILES_OUTPUTS : KAFKA_OUTPUTS)) {
        outputs.add(Output.valueOf(name.toUpperCase(java.util.Locale.ROOT).replace('-', '_')));
      }
    }
    return outputs;
  }

  /** The sinks of a run. */
  static Set<Sink> sinks(RecsSettings s) {
    Set<Sink> sinks = EnumSet.noneOf(Sink.class);
    for (String name : s.get(SINKS)) {
      sinks.add(Sink.valueOf(name.toUpperCase(java.util.Locale.ROOT)));
    }
    return sinks;
  }

  /** Whether any sink writes an output that needs the recommendation pipeline. */
  static boolean needsPipeline(RecsSettings s) {
    for (Sink sink : Sink.values()) {
      Set<Output> outputs = outputs(s, sink);
      if (outputs.contains(Output.RECOMMENDATIONS)
          || outputs.contains(Output.SIMILAR_ITEMS)
          || outputs.contains(Output.TRENDING)) {
        return true;
      }
    }
    return false;
  }

  /** Attaches every sink; {@code streams} is null when no output needs the pipeline. */
  static List<Destination> attach(RecsSettings s, ParsedStreams in, RecsStreams streams) {
    List<Destination> destinations = new ArrayList<>();
    for (Sink sink : sinks(s)) {
      for (Output output : outputs(s, sink)) {
        String where =
            sink == Sink.FILES
                ? s.get(OUTPUT_DIR) + "/" + output.label()
                : "topic " + s.get(topic(output));
        Destination destination = new Destination(output, sink, where);
        switch (output) {
          case RECOMMENDATIONS ->
              write(
                  s,
                  destination,
                  streams.recommendations(),
                  RecsJson.recommendations(),
                  Recommendations::userId);
          case SIMILAR_ITEMS ->
              write(
                  s,
                  destination,
                  streams.similarItems(),
                  RecsJson.similarItems(),
                  SimilarItems::itemId);
          case TRENDING ->
              write(
                  s,
                  destination,
                  streams.trending(),
                  RecsJson.trendingItems(),
                  TrendingItems::scope);
          case DEAD_LETTERS ->
              write(s, destination, in.deadLetters(), RecsJson.rejectedRecords(), null);
          case INTERACTIONS ->
              write(s, destination, in.interactions(), RecsJson.interactions(), null);
        }
        destinations.add(destination);
      }
    }
    return destinations;
  }

  static io.recs.config.RecsOption<String> topic(Output output) {
    return switch (output) {
      case RECOMMENDATIONS -> RECOMMENDATIONS_TOPIC;
      case SIMILAR_ITEMS -> SIMILAR_ITEMS_TOPIC;
      case TRENDING -> TRENDING_TOPIC;
      case DEAD_LETTERS -> DEAD_LETTERS_TOPIC;
      case INTERACTIONS -> INTERACTIONS_TOPIC;
    };
  }

  /** Most keys {@link LatestPerCheckpoint} holds before it writes them out early. */
  static final int LATEST_ONLY_MAX_KEYS = 10_000;

  /** Writes {@code stream}; {@code key} names a list's user, item or scope, null for records. */
  private static <T> void write(
      RecsSettings s,
      Destination destination,
      DataStream<T> stream,
      JsonFormat<T> format,
      KeySelector<T, String> key) {
    String uid = destination.output().label() + "-" + destination.sink().label();
    DataStream<T> written =
        key != null && s.get(LATEST_ONLY).contains(destination.output().label())
            ? stream
                .transform(
                    "latest per checkpoint " + uid,
                    stream.getType(),
                    new LatestPerCheckpoint<>(key, LATEST_ONLY_MAX_KEYS))
                .uid("latest-" + uid)
            : stream;
    DataStream<T> counted =
        written
            .map(new RunCounters.Count<T>(destination.counter()))
            .returns(stream.getType())
            .name("count " + uid)
            .uid("count-" + uid);
    if (destination.sink() == Sink.FILES) {
      counted
          .sinkTo(
              RecsFileSink.<T>builder()
                  .path(destination.where())
                  .format(format)
                  .bucketing(s.get(BUCKETING))
                  .build())
          .name(uid)
          .uid(uid);
    } else {
      DeliveryGuarantee guarantee =
          switch (s.get(DELIVERY_GUARANTEE)) {
            case NONE -> DeliveryGuarantee.NONE;
            case AT_LEAST_ONCE -> DeliveryGuarantee.AT_LEAST_ONCE;
            case EXACTLY_ONCE -> DeliveryGuarantee.EXACTLY_ONCE;
          };
      RecsKafkaSink.Builder<T> sink =
          RecsKafkaSink.<T>builder()
              .bootstrapServers(s.get(BOOTSTRAP_SERVERS))
              .topic(s.get(topic(destination.output())))
              .format(format)
              .deliveryGuarantee(guarantee);
      if (guarantee == DeliveryGuarantee.EXACTLY_ONCE) {
        // One prefix per sink: two sinks sharing transactional ids would fence each other.
        sink.transactionalIdPrefix(
            s.get(TRANSACTIONAL_ID_PREFIX) + "-" + destination.output().label());
      }
      s.get(KAFKA_PROPERTIES).forEach(sink::property);
      counted.sinkTo(sink.build()).name(uid).uid(uid);
    }
  }
}
