package io.recs.connectors.file;

import static io.recs.config.BuilderChecks.nonBlank;
import static io.recs.config.BuilderChecks.notYetSet;
import static io.recs.config.BuilderChecks.positive;
import static io.recs.config.BuilderChecks.required;

import io.recs.connectors.InteractionSource;
import io.recs.parse.InteractionParser;
import io.recs.parse.ParseResult;
import java.time.Duration;
import java.util.Arrays;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.fs.Path;

/**
 * Reads interactions from text files, one record per line: CSV, TSV, JSON lines or MovieLens,
 * whichever the given {@link InteractionParser} reads. Paths are files or folders (read
 * recursively), local or on any file system Flink knows, such as {@code hdfs://namenode:8020/in}.
 *
 * <pre>{@code
 * ParsedStreams in = FileInteractionSource.builder()
 *     .paths("hdfs://namenode:8020/interactions")
 *     .parser(parser)
 *     .monitorContinuously(Duration.ofSeconds(10))
 *     .build()
 *     .attach(env);
 * }</pre>
 *
 * <p>Each line's bytes go to the parser with {@code RecordOrigin.line(path, lineNumber)} (0-based),
 * so dead letters name the file and line. Every line, empty ones included, ends as its interactions
 * (several for a line holding a session, each with its own event time) or as exactly one dead
 * letter. Files are not split: one reader reads a file from start to end, so parallelism helps only
 * with several files. Read positions are checkpointed; after a restore each file continues after
 * the last line already emitted.
 *
 * <p>Defaults: bounded (the files present at start, then the source ends), lines up to 1 MiB
 * (longer ones become {@code TOO_LARGE} dead letters), watermarks 5 s behind the latest
 * interaction, operator name and uid {@code "file-interactions"}. With {@link
 * Builder#monitorContinuously(Duration)} the source never ends and reads each new file once; files
 * must appear atomically (written elsewhere, then renamed into the folder), because a file is read
 * once, when first seen.
 */
@PublicEvolving
public final class FileInteractionSource extends InteractionSource {

  /** The default longest line handed to the parser, in bytes. */
  public static final int DEFAULT_MAX_LINE_BYTES = 1024 * 1024;

  /** The default operator name and uid prefix. */
  public static final String DEFAULT_NAME = "file-interactions";

  private FileInteractionSource(FileSource<ParseResult> source, Builder builder) {
    super(source, builder);
  }

  /** A builder with the defaults of the class comment. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link FileInteractionSource}: the settings of every source ({@link
   * InteractionSource.Builder}) and those of files; each setter may be called once.
   */
  @PublicEvolving
  public static final class Builder extends InteractionSource.Builder<Builder> {
    private Path[] paths;
    private Duration monitorInterval;
    private Integer maxLineBytes;

    Builder() {}

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected String defaultName() {
      return DEFAULT_NAME;
    }

    /** Required: files or folders, as paths or URIs ({@code file:///...}, {@code hdfs://...}). */
    public Builder paths(String... paths) {
      notYetSet("paths", this.paths == null ? null : Arrays.toString(this.paths));
      if (paths == null || paths.length == 0) {
        throw new IllegalArgumentException("paths must name at least one path, was none");
      }
      Path[] parsed = new Path[paths.length];
      for (int i = 0; i < paths.length; i++) {
        parsed[i] = new Path(nonBlank("path in paths " + Arrays.toString(paths), paths[i]));
      }
      this.paths = parsed;
      return this;
    }

    /**
     * Keeps watching the paths and reads each new file once, checking every {@code interval}. The
     * source then never ends.
     */
    public Builder monitorContinuously(Duration interval) {
      notYetSet("monitorContinuously", this.monitorInterval);
      this.monitorInterval = positive("monitorContinuously interval", interval);
      return this;
    }

    /** The longest line handed to the parser; longer lines are dead letters. Default 1 MiB. */
    public Builder maxLineBytes(int maxLineBytes) {
      notYetSet("maxLineBytes", this.maxLineBytes);
      if (maxLineBytes <= 0) {
        throw new IllegalArgumentException("maxLineBytes must be > 0, was " + maxLineBytes);
      }
      this.maxLineBytes = maxLineBytes;
      return this;
    }

    /**
     * Checks the configuration and builds the source.
     *
     * @throws IllegalArgumentException naming the missing property
     */
    public FileInteractionSource build() {
      required("paths", paths);
      InteractionParser parser = requiredParser();
      int lineLimit = maxLineBytes == null ? DEFAULT_MAX_LINE_BYTES : maxLineBytes;
      FileSource.FileSourceBuilder<ParseResult> files =
          FileSource.forBulkFileFormat(new ParsingLineFormat(parser, lineLimit), paths);
      if (monitorInterval != null) {
        files.monitorContinuously(monitorInterval);
      }
      return new FileInteractionSource(files.build(), this);
    }
  }
}
