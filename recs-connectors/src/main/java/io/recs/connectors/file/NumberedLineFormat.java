package io.recs.connectors.file;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;

/**
 * Reads a file as lines of bytes, each with its 0-based line number. Lines end at {@code \n}; a
 * {@code \r} before it is dropped. Every line, including empty ones, is a record, so that each line
 * of input ends as its interactions or one dead letter.
 *
 * <p>Not splittable: the line number needs the file read from its start. On restore, Flink's
 * adapter reopens the file at its start and skips the lines already emitted by reading them through
 * a new reader, so the numbers stay right.
 *
 * <p>Lines longer than {@code maxLineBytes} are cut (only the prefix is kept in memory) and marked,
 * so that one huge line cannot exhaust the heap.
 */
final class NumberedLineFormat extends SimpleStreamFormat<NumberedLine> {
  private static final long serialVersionUID = 1L;

  private final int maxLineBytes;

  NumberedLineFormat(int maxLineBytes) {
    this.maxLineBytes = maxLineBytes;
  }

  @Override
  public Reader<NumberedLine> createReader(Configuration config, FSDataInputStream stream) {
    return new LineReader(new BufferedInputStream(stream, 64 * 1024), maxLineBytes);
  }

  @Override
  public TypeInformation<NumberedLine> getProducedType() {
    return TypeInformation.of(NumberedLine.class);
  }

  static final class LineReader implements Reader<NumberedLine> {
    private final InputStream in;
    private final int maxLineBytes;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private long nextLineNumber;

    LineReader(InputStream in, int maxLineBytes) {
      this.in = in;
      this.maxLineBytes = maxLineBytes;
    }

    @Override
    public NumberedLine read() throws IOException {
      line.reset();
      long length = 0;
      int b = in.read();
      if (b < 0) {
        return null;
      }
      while (b >= 0 && b != '\n') {
        if (length < maxLineBytes) {
          line.write(b);
        }
        length++;
        b = in.read();
      }
      byte[] bytes = line.toByteArray();
      boolean truncated = length > maxLineBytes;
      if (!truncated && bytes.length > 0 && bytes[bytes.length - 1] == '\r') {
        bytes = Arrays.copyOf(bytes, bytes.length - 1);
        length--;
      }
      return new NumberedLine(nextLineNumber++, bytes, length, truncated);
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
