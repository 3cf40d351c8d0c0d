package io.recs.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The files job as a user runs it, through Main, on a local MiniCluster. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FilesToFilesJobITCase {

  @Test
  void writesEveryOutputAndDeadLetters(@TempDir Path dir) throws Exception {
    Path input = Files.createDirectories(dir.resolve("in"));
    Files.writeString(
        input.resolve("a.csv"),
        "u1,i1,view,1,1700000000000\nu1,i2,view,2,1700000001000\nbroken\nu2,i1,view,1,1700000002000\n");

    Main.run(
        new String[] {
          "files-to-files",
          "--input",
          input.toString(),
          "--output-dir",
          dir.resolve("out").toString(),
          "--parser-class",
          LineTestParser.class.getName(),
          "--checkpoint-interval",
          "500",
          "--parallelism",
          "1"
        },
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

    // One list per interaction and a final one per user: u1 has seen every item, u2 gets i2
    // because u1 viewed it after i1.
    List<String> recommendations = committedLines(dir.resolve("out/recommendations"));
    assertThat(recommendations).hasSize(5);
    assertThat(recommendations)
        .filteredOn(line -> line.startsWith("{\"userId\":\"u2\""))
        .anySatisfy(
            line -> assertThat(line).contains("{\"itemId\":\"i2\",", "\"because\":[\"i1\"]"));
    assertThat(committedLines(dir.resolve("out/similar-items")))
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("{\"itemId\":\"i1\",\"neighbours\":[{\"itemId\":\"i2\""));
    assertThat(committedLines(dir.resolve("out/trending")))
        .anySatisfy(line -> assertThat(line).contains("\"itemId\":\"i1\"", "\"itemId\":\"i2\""));
    assertThat(committedLines(dir.resolve("out/dead-letters")))
        .singleElement()
        .asString()
        .contains("\"reason\":\"MALFORMED_CSV\"", "\"offset\":2", "\"raw\":\"broken\"");
  }

  private static List<String> committedLines(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> !f.getFileName().toString().startsWith("."))
          .flatMap(FilesToFilesJobITCase::lines)
          .toList();
    }
  }

  private static Stream<String> lines(Path file) {
    try {
      return Files.readAllLines(file).stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
