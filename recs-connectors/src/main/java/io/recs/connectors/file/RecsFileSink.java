package io.recs.connectors.file;

import static io.recs.config.BuilderChecks.nonBlank;
import static io.recs.config.BuilderChecks.notYetSet;
import static io.recs.config.BuilderChecks.required;

import io.recs.connectors.json.JsonFormat;
import java.time.ZoneOffset;
import java.util.Objects;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.DateTimeBucketAssigner;

/**
 * Writes recs outputs as JSON lines into folders under a base path, on a local path or any file
 * system Flink knows ({@code hdfs://...}).
 *
 * <pre>{@code
 * FileSink<Recommendations> sink = RecsFileSink.<Recommendations>builder()
 *     .path("hdfs://namenode:8020/recs/recommendations")
 *     .format(RecsJson.recommendations())
 *     .build();
 * recommendations.sinkTo(sink).name("recommendations-files").uid("recommendations-files");
 * }</pre>
 *
 * <p>Buckets: by default one folder per hour of processing time, {@code <path>/yyyy-MM-dd--HH/} in
 * UTC, so each subtask has one bucket open whatever the event time of its input, and a replay of
 * years of history writes as few files as a live stream. {@link FileBucketing#EVENT_HOUR} and
 * {@link FileBucketing#EVENT_DAY} put each value in the folder of its own event time instead, at
 * the cost of one open part file per hour (day) that one checkpoint interval of input spans, per
 * subtask: thousands for a replay of history, which HDFS cannot commit. They are for live streams;
 * FileSink has no cap on open buckets. {@link FileBucketing#NONE} writes every file directly under
 * the path.
 *
 * <p>Exactly once: a part file is written as a hidden in-progress file ({@code .part-...}) and
 * becomes visible under its final name ({@code part-<uuid>-<n>.jsonl}) only when the checkpoint
 * that covers it completes. Readers must ignore files starting with {@code .} or {@code _}. So the
 * sink needs checkpointing (output appears once per checkpoint interval), and after a failure the
 * uncommitted files are discarded and rewritten from the last checkpoint: each record is in the
 * committed files exactly once. A part file rolls at every checkpoint and when it reaches {@link
 * Builder#maxPartBytes(long)}. A bounded job commits its last files when it ends.
 *
 * <p>Defaults: bucketing {@link FileBucketing#PROCESSING_TIME_HOUR}, part files of at most {@value
 * #DEFAULT_MAX_PART_BYTES} bytes (128 MiB), prefix {@code "part"}, suffix {@code ".jsonl"}. JSON
 * schemas: see {@link io.recs.connectors.json.RecsJson}.
 */
@PublicEvolving
public final class RecsFileSink {

  /** The default part file prefix. */
  public static final String DEFAULT_FILE_PREFIX = "part";

  /** The default size at which a part file rolls, 128 MiB. */
  public static final long DEFAULT_MAX_PART_BYTES = 128L * 1024 * 1024;

  /** The default bucketing. */
  public static final FileBucketing DEFAULT_BUCKETING = FileBucketing.PROCESSING_TIME_HOUR;

  /** The part file suffix. */
  public static final String FILE_SUFFIX = ".jsonl";

  private RecsFileSink() {}

  /** A builder for values of type {@code T}. */
  public static <T> Builder<T> builder() {
    return new Builder<>();
  }

  /** The bucket assigner of a layout; package-private for tests. */
  static <T> BucketAssigner<T, String> assigner(FileBucketing bucketing, JsonFormat<T> format) {
    return switch (bucketing) {
      case PROCESSING_TIME_HOUR ->
          new DateTimeBucketAssigner<>(EventTimeBucketAssigner.HOUR_PATTERN, ZoneOffset.UTC);
      case EVENT_DAY -> EventTimeBucketAssigner.daily(format);
      case EVENT_HOUR -> EventTimeBucketAssigner.hourly(format);
      case NONE -> new BasePathBucketAssigner<>();
    };
  }

  /**
   * Builds a {@link FileSink} for recs outputs; each setter may be called once.
   *
   * @param <T> the written type
   */
  @PublicEvolving
  public static final class Builder<T> {
    private Path path;
    private JsonFormat<T> format;
    private String filePrefix;
    private FileBucketing bucketing;
    private Long maxPartBytes;

    Builder() {}

    /** Required: the base folder, as a path or URI ({@code file:///...}, {@code hdfs://...}). */
    public Builder<T> path(String path) {
      notYetSet("path", this.path);
      this.path = new Path(nonBlank("path", path));
      return this;
    }

    /** Required: how values are written, one of {@code RecsJson}'s formats. */
    public Builder<T> format(JsonFormat<T> format) {
      notYetSet("format", this.format);
      this.format = Objects.requireNonNull(format, "format");
      return this;
    }

    /**
     * The part file prefix, default {@value RecsFileSink#DEFAULT_FILE_PREFIX}; must not start with
     * {@code .} or {@code _}, which mark files as hidden to readers.
     */
    public Builder<T> filePrefix(String filePrefix) {
      notYetSet("filePrefix", this.filePrefix);
      nonBlank("filePrefix", filePrefix);
      if (filePrefix.startsWith(".") || filePrefix.startsWith("_") || filePrefix.contains("/")) {
        throw new IllegalArgumentException(
            "filePrefix must not start with '.' or '_' nor contain '/', was '" + filePrefix + "'");
      }
      this.filePrefix = filePrefix;
      return this;
    }

    /**
     * How part files are split into folders, default {@link FileBucketing#PROCESSING_TIME_HOUR}.
     * The event-time layouts open one part file per hour or day of event time in each checkpoint
     * interval: for live streams only, never for a replay of history (see {@link FileBucketing}).
     */
    public Builder<T> bucketing(FileBucketing bucketing) {
      notYetSet("bucketing", this.bucketing);
      this.bucketing = Objects.requireNonNull(bucketing, "bucketing");
      return this;
    }

    /**
     * The size in bytes at which a part file is closed and a new one started, default {@value
     * RecsFileSink#DEFAULT_MAX_PART_BYTES} (128 MiB); part files also roll at every checkpoint.
     */
    public Builder<T> maxPartBytes(long maxPartBytes) {
      notYetSet("maxPartBytes", this.maxPartBytes);
      if (maxPartBytes <= 0) {
        throw new IllegalArgumentException("maxPartBytes must be > 0, was " + maxPartBytes);
      }
      this.maxPartBytes = maxPartBytes;
      return this;
    }

    /**
     * Checks the configuration and builds the sink.
     *
     * @throws IllegalArgumentException naming the missing property
     */
    public FileSink<T> build() {
      required("path", path);
      required("format", format);
      return FileSink.forRowFormat(path, new JsonLinesEncoder<>(format))
          .withBucketAssigner(assigner(bucketing == null ? DEFAULT_BUCKETING : bucketing, format))
          .withRollingPolicy(
              new PartSizeRollingPolicy<T>(
                  maxPartBytes == null ? DEFAULT_MAX_PART_BYTES : maxPartBytes))
          .withOutputFileConfig(
              OutputFileConfig.builder()
                  .withPartPrefix(filePrefix == null ? DEFAULT_FILE_PREFIX : filePrefix)
                  .withPartSuffix(FILE_SUFFIX)
                  .build())
          .build();
    }
  }
}
