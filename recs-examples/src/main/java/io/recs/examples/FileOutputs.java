package io.recs.examples;

import io.recs.connectors.file.RecsFileSink;
import io.recs.connectors.json.JsonFormat;
import io.recs.connectors.json.RecsJson;
import io.recs.event.RejectedRecord;
import io.recs.pipeline.RecsStreams;
import org.apache.flink.streaming.api.datastream.DataStream;

/** Writes every output of a pipeline as hourly JSON lines, one folder per output. */
final class FileOutputs {
  static final String RECOMMENDATIONS = "recommendations";
  static final String SIMILAR_ITEMS = "similar-items";
  static final String TRENDING = "trending";
  static final String DEAD_LETTERS = "dead-letters";

  private FileOutputs() {}

  /** Attaches the sinks; {@code deadLetters} may be null when the input cannot have any. */
  static void attach(RecsStreams streams, DataStream<RejectedRecord> deadLetters, String dir) {
    sink(streams.recommendations(), RecsJson.recommendations(), dir, RECOMMENDATIONS);
    sink(streams.similarItems(), RecsJson.similarItems(), dir, SIMILAR_ITEMS);
    sink(streams.trending(), RecsJson.trendingItems(), dir, TRENDING);
    if (deadLetters != null) {
      sink(deadLetters, RecsJson.rejectedRecords(), dir, DEAD_LETTERS);
    }
  }

  private static <T> void sink(
      DataStream<T> stream, JsonFormat<T> format, String dir, String name) {
    stream
        .sinkTo(RecsFileSink.<T>builder().path(dir + "/" + name).format(format).build())
        .name(name + "-files")
        .uid(name + "-files");
  }
}
