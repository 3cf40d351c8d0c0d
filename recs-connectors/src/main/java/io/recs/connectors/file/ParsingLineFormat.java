package io.recs.connectors.file;

import io.recs.event.RecordOrigin;
import io.recs.event.RejectReason;
import io.recs.event.RejectedRecord;
import io.recs.parse.InteractionParser;
import io.recs.parse.ParseResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.impl.StreamFormatAdapter;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.MutableRecordAndPosition;
import org.apache.flink.connector.file.src.util.RecordAndPosition;

/**
 * Parses the numbered lines of each file with the parser, using {@code RecordOrigin.line(path,
 * lineNumber)} as origin. It wraps the line format's reader because only the split, not the stream,
 * knows the file's path. Positions are passed through unchanged, so checkpoints and restores behave
 * exactly as those of the line format.
 */
final class ParsingLineFormat implements BulkFormat<ParseResult, FileSourceSplit> {
  private static final long serialVersionUID = 1L;

  private final BulkFormat<NumberedLine, FileSourceSplit> lines;
  private final InteractionParser parser;
  private final int maxLineBytes;

  ParsingLineFormat(InteractionParser parser, int maxLineBytes) {
    this.parser = Objects.requireNonNull(parser, "parser");
    this.maxLineBytes = maxLineBytes;
    this.lines = new StreamFormatAdapter<>(new NumberedLineFormat(maxLineBytes));
  }

  @Override
  public Reader<ParseResult> createReader(Configuration config, FileSourceSplit split)
      throws IOException {
    return new ParsingReader(lines.createReader(config, split), split.path().toString());
  }

  @Override
  public Reader<ParseResult> restoreReader(Configuration config, FileSourceSplit split)
      throws IOException {
    return new ParsingReader(lines.restoreReader(config, split), split.path().toString());
  }

  @Override
  public boolean isSplittable() {
    return false;
  }

  @Override
  public TypeInformation<ParseResult> getProducedType() {
    return TypeInformation.of(ParseResult.class);
  }

  ParseResult parse(NumberedLine line, String path) {
    if (line.truncated()) {
      return ParseResult.rejected(
          new RejectedRecord(
              RejectReason.TOO_LARGE,
              "line is " + line.length() + " bytes, more than maxLineBytes " + maxLineBytes,
              path,
              -1,
              line.lineNumber(),
              new String(line.bytes(), StandardCharsets.UTF_8),
              (int) Math.min(Integer.MAX_VALUE, line.length())));
    }
    ParseResult result = parser.parse(line.bytes(), RecordOrigin.line(path, line.lineNumber()));
    return Objects.requireNonNull(result, () -> parser.getClass().getName() + " returned null");
  }

  private final class ParsingReader implements Reader<ParseResult> {
    private final Reader<NumberedLine> lineReader;
    private final String path;

    ParsingReader(Reader<NumberedLine> lineReader, String path) {
      this.lineReader = lineReader;
      this.path = path;
    }

    @Override
    public RecordIterator<ParseResult> readBatch() throws IOException {
      RecordIterator<NumberedLine> batch = lineReader.readBatch();
      return batch == null ? null : new ParsingIterator(batch, path);
    }

    @Override
    public void close() throws IOException {
      lineReader.close();
    }
  }

  private final class ParsingIterator implements RecordIterator<ParseResult> {
    private final RecordIterator<NumberedLine> batch;
    private final String path;
    private final MutableRecordAndPosition<ParseResult> current = new MutableRecordAndPosition<>();

    ParsingIterator(RecordIterator<NumberedLine> batch, String path) {
      this.batch = batch;
      this.path = path;
    }

    @Override
    public RecordAndPosition<ParseResult> next() {
      RecordAndPosition<NumberedLine> line = batch.next();
      if (line == null) {
        return null;
      }
      current.set(parse(line.getRecord(), path), line.getOffset(), line.getRecordSkipCount());
      return current;
    }

    @Override
    public void releaseBatch() {
      batch.releaseBatch();
    }
  }
}
