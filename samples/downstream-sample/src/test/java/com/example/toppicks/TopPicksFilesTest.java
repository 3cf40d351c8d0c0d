package com.example.toppicks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole job with recs' file connectors on a local environment: proves that recs-connectors
 * brings what it needs at run time, not only at compile time.
 */
@Timeout(120)
class TopPicksFilesTest {

  @Test
  void readsClickLogsAndWritesPicksAndDeadLetters(@TempDir Path dir) throws Exception {
    Path input = Files.createDirectories(dir.resolve("in"));
    Files.write(
        input.resolve("clicks.csv"),
        List.of(
            "ann,sku-1,purchase,1704103200000",
            "ann,sku-2,purchase,1704103260000",
            "eve,sku-1,view,1704103320000",
            "not a click"));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    env.enableCheckpointing(200); // the file sink commits on checkpoints, the last one at the end

    TopPicksJob.run(env, input.toString(), dir.resolve("out").toString(), Set.of());

    assertThat(readAll(dir.resolve("out/picks"))).contains("\"eve\"").contains("sku-2");
    assertThat(readAll(dir.resolve("out/dead-letters"))).contains("not a click");
  }

  private static String readAll(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files
          .filter(Files::isRegularFile)
          .filter(file -> !file.getFileName().toString().startsWith("."))
          .map(TopPicksFilesTest::read)
          .collect(Collectors.joining("\n"));
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
