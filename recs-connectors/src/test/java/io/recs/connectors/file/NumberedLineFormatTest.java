package io.recs.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NumberedLineFormatTest {

  private static List<String> read(String text, int maxLineBytes) throws IOException {
    NumberedLineFormat.LineReader reader =
        new NumberedLineFormat.LineReader(
            new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), maxLineBytes);
    List<String> lines = new ArrayList<>();
    for (NumberedLine line = reader.read(); line != null; line = reader.read()) {
      lines.add(
          line.lineNumber()
              + ":"
              + new String(line.bytes(), StandardCharsets.UTF_8)
              + ":"
              + line.length()
              + (line.truncated() ? ":cut" : ""));
    }
    return lines;
  }

  @Test
  void numbersEveryLineFromZeroIncludingEmptyOnes() throws IOException {
    assertThat(read("a,b\n\nc\r\nd", 100)).containsExactly("0:a,b:3", "1::0", "2:c:1", "3:d:1");
  }

  @Test
  void aFinalLineBreakDoesNotAddALine() throws IOException {
    assertThat(read("a\nb\n", 100)).containsExactly("0:a:1", "1:b:1");
    assertThat(read("", 100)).isEmpty();
  }

  @Test
  void cutsLinesLongerThanTheLimitAndKeepsCounting() throws IOException {
    assertThat(read("abcdef\nxy\n", 4)).containsExactly("0:abcd:6:cut", "1:xy:2");
  }
}
