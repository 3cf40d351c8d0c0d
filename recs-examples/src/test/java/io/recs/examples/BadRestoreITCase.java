package io.recs.examples;

import static io.recs.examples.JobProcesses.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.recs.evaluation.data.InteractionFiles;
import io.recs.evaluation.data.InteractionGenerator;
import io.recs.examples.JobProcesses.JobProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run told to resume from something it cannot resume from says so in one line and exits non-zero;
 * it never starts from empty state instead.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class BadRestoreITCase {
  @RegisterExtension static final JobProcesses PROCESSES = new JobProcesses();
  @TempDir static Path shared;

  /** A checkpoint folder left by a killed live run, and the input it read. */
  private static Path checkpoints;

  private static Path input;

  @BeforeAll
  static void aRunKilledAfterItsFirstCheckpoint() throws Exception {
    input = Files.createDirectories(shared.resolve("in"));
    InteractionFiles.writeCsv(
        InteractionGenerator.small(3).generate().subList(0, 3000), input.resolve("a.csv"));
    checkpoints = shared.resolve("checkpoints");
    JobProcess run =
        PROCESSES.start(
            shared.resolve("run.log"),
            args(
                shared.resolve("out"),
                "--monitor-interval",
                "1s",
                "--checkpoint-dir",
                checkpoints.toString()));
    // The first checkpoint may come before the input is read, with its little state inlined in
    // _metadata; the tests need one with a state file of its own.
    await(
        "a completed checkpoint with a state file",
        Duration.ofSeconds(60),
        () ->
            JobProcesses.checkpoints(checkpoints).stream()
                .anyMatch(metadata -> stateFiles(metadata.getParent()) > 0));
    run.kill();
  }

  private static long stateFiles(Path point) {
    try (Stream<Path> files = Files.list(point)) {
      return files.filter(f -> !f.getFileName().toString().equals("_metadata")).count();
    } catch (IOException e) {
      return 0; // removed meanwhile: a newer checkpoint subsumed it
    }
  }

  @Test
  void aMissingRestorePathIsOneLineAndExitCode2(@TempDir Path dir) throws Exception {
    MainTest.Result result = run(dir, "--restore", "/no/such/path");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().lines())
        .containsExactly(
            "recs: job.restore (--restore) /no/such/path: no such checkpoint or savepoint");
  }

  @Test
  void aTruncatedMetadataFileIsOneLineNamingTheCheckpoint(@TempDir Path dir) throws Exception {
    Path copy = copy(checkpoints, dir.resolve("checkpoints"));
    Path metadata = JobProcesses.checkpoints(copy).get(0);
    byte[] bytes = Files.readAllBytes(metadata);
    Files.write(metadata, Arrays.copyOf(bytes, bytes.length / 2));

    MainTest.Result result = run(dir, "--checkpoint-dir", copy.toString());
    assertOneLineAbout(result, metadata.getParent());
  }

  @Test
  void aMissingStateFileIsOneLineNamingTheCheckpoint(@TempDir Path dir) throws Exception {
    Path copy = copy(checkpoints, dir.resolve("checkpoints"));
    Path point = JobProcesses.checkpoints(copy).get(0).getParent();
    Path stateFile;
    try (Stream<Path> files = Files.list(point)) {
      stateFile =
          files
              .filter(f -> !f.getFileName().toString().equals("_metadata"))
              .max(Comparator.comparingLong(BadRestoreITCase::size))
              .orElseThrow(() -> new AssertionError("state inlined in _metadata: " + point));
    }
    Files.delete(stateFile);

    MainTest.Result result = run(dir, "--checkpoint-dir", copy.toString());
    assertOneLineAbout(result, point);
    assertThat(result.err()).contains(stateFile.getFileName().toString());
  }

  @Test
  void aCheckpointOfAnotherPipelineShapeIsOneLineAndNonZero(@TempDir Path dir) throws Exception {
    Path copy = copy(checkpoints, dir.resolve("checkpoints"));
    Path point = JobProcesses.checkpoints(copy).get(0).getParent();

    // Without recommendation outputs the job has no pipeline stages for the checkpoint's state.
    MainTest.Result result =
        run(dir, "--checkpoint-dir", copy.toString(), "--files-outputs", "dead-letters");
    assertOneLineAbout(result, point);
  }

  private static void assertOneLineAbout(MainTest.Result result, Path point) {
    String all = result.out() + result.err();
    assertThat(result.exitCode()).as(all).isNotZero();
    assertThat(all).doesNotContain("starting from empty state").doesNotContain("\tat ");
    assertThat(all.lines().filter(l -> l.contains("cannot resume from")))
        .as(all)
        .singleElement()
        .asString()
        .contains("file:" + point);
  }

  private static MainTest.Result run(Path dir, String... more) throws Exception {
    return MainTest.run(args(dir.resolve("out"), more).toArray(String[]::new));
  }

  private static List<String> args(Path out, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "--input",
                input.toString(),
                "--format",
                "csv",
                "--output-dir",
                out.toString(),
                "--checkpoint-interval",
                "1s",
                "--parallelism",
                "2",
                "--max-restarts",
                "0"));
    args.addAll(List.of(more));
    return args;
  }

  private static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Files.copy(
            file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
    return to;
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
