package io.recs.examples;

import io.recs.connectors.file.RecsFileSink;
import io.recs.connectors.json.JsonFormat;
import io.recs.connectors.json.RecsJson;
import io.recs.event.RejectedRecord;
import io.recs.pipeline.RecsStreams;
import java.io.IOException;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
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

  /**
   * After a run drained its input: removes the hidden in-progress part files under {@code dir}. The
   * run's own are committed by then, so these are orphans of killed runs, which no checkpoint
   * refers to. Not after a stop with a savepoint: it refers to the in-progress files it resumes.
   *
   * @return how many were removed
   */
  static int removeInProgress(String dir) throws IOException {
    Path root = new Path(dir);
    FileSystem fs = root.getFileSystem();
    return fs.exists(root) ? removeInProgress(fs, root) : 0;
  }

  private static int removeInProgress(FileSystem fs, Path dir) throws IOException {
    int removed = 0;
    FileStatus[] children = fs.listStatus(dir);
    for (FileStatus child : children == null ? new FileStatus[0] : children) {
      String name = child.getPath().getName();
      if (child.isDir()) {
        removed += removeInProgress(fs, child.getPath());
      } else if (name.startsWith(".") && name.contains(".inprogress.")) {
        fs.delete(child.getPath(), false);
        removed++;
      }
    }
    return removed;
  }

  private static <T> void sink(
      DataStream<T> stream, JsonFormat<T> format, String dir, String name) {
    stream
        .sinkTo(RecsFileSink.<T>builder().path(dir + "/" + name).format(format).build())
        .name(name + "-files")
        .uid(name + "-files");
  }
}
