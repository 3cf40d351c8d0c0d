package io.recs.connectors.file;

import static io.recs.connectors.internal.BuilderChecks.nonBlank;
import static io.recs.connectors.internal.BuilderChecks.notYetSet;
import static io.recs.connectors.internal.BuilderChecks.required;

import io.recs.connectors.json.JsonFormat;
import java.util.Objects;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;

/**
 * Writes recs outputs as JSON lines into hourly folders {@code <path>/yyyy-MM-dd--HH/} by event
 * time in UTC, on a local path or any file system Flink knows ({@code hdfs://...}).
 *
 * <pre>{@code
 * FileSink<Recommendations> sink = RecsFileSink.<Recommendations>builder()
 *     .path("hdfs://namenode:8020/recs/recommendations")
 *     .format(RecsJson.recommendations())
 *     .build();
 * recommendations.sinkTo(sink).name("recommendations-files").uid("recommendations-files");
 * }</pre>
 *
 * <p>Exactly once: a part file is written as a hidden in-progress file ({@code .part-...}) and
 * becomes visible under its final name ({@code part-<uuid>-<n>.jsonl}) only when the checkpoint
 * that covers it completes. Readers must ignore files starting with {@code .} or {@code _}. So the
 * sink needs checkpointing (output appears once per checkpoint interval), and after a failure the
 * uncommitted files are discarded and rewritten from the last checkpoint: each record is in the
 * committed files exactly once. The rolling policy rolls on every checkpoint; there is no size or
 * time limit besides the checkpoint interval. A bounded job commits its last files when it ends.
 *
 * <p>Defaults: part file prefix {@code "part"}, suffix {@code ".jsonl"}. JSON schemas: see {@link
 * io.recs.connectors.json.RecsJson}.
 */
@PublicEvolving
public final class RecsFileSink {

  /** The default part file prefix. */
  public static final String DEFAULT_FILE_PREFIX = "part";

  /** The part file suffix. */
  public static final String FILE_SUFFIX = ".jsonl";

  private RecsFileSink() {}

  /** A builder for values of type {@code T}. */
  public static <T> Builder<T> builder() {
    return new Builder<>();
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
     * Checks the configuration and builds the sink.
     *
     * @throws IllegalStateException naming the missing property
     */
    public FileSink<T> build() {
      required("path", path);
      required("format", format);
      return FileSink.forRowFormat(path, new JsonLinesEncoder<>(format))
          .withBucketAssigner(new EventTimeHourBucketAssigner<>(format))
          .withRollingPolicy(OnCheckpointRollingPolicy.build())
          .withOutputFileConfig(
              OutputFileConfig.builder()
                  .withPartPrefix(filePrefix == null ? DEFAULT_FILE_PREFIX : filePrefix)
                  .withPartSuffix(FILE_SUFFIX)
                  .build())
          .build();
    }
  }
}
