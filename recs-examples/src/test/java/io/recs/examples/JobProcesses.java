package io.recs.examples;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs of {@link Main} in JVMs of their own, as {@code java -jar} runs them, so that a test can
 * {@code kill -9} them or send SIGTERM. Each run's console output goes to a file; a failed test
 * prints every run's output. Runs still alive after a test are killed.
 */
final class JobProcesses implements AfterEachCallback {
  private final List<JobProcess> started = new ArrayList<>();

  /** Starts {@code Main} with {@code args} (job name first), its output in {@code log}. */
  JobProcess start(Path log, List<String> args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx768m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(args);
    Files.createDirectories(log.getParent());
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    JobProcess run = new JobProcess(process, log, System.nanoTime());
    started.add(run);
    return run;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    for (JobProcess run : started) {
      if (run.process.isAlive()) {
        run.kill();
      }
    }
    // Here, not in TestWatcher.testFailed: a @TempDir holding the logs is gone by then.
    if (context.getExecutionException().isPresent()) {
      for (JobProcess run : started) {
        System.out.printf("----- %s (pid %d) -----%n%s%n", run.log, run.pid(), run.output());
      }
    }
    started.clear();
  }

  /** Waits until {@code condition} holds, checking every 200 ms. */
  static void await(String what, Duration timeout, BooleanSupplier condition) {
    await(what, timeout, condition, () -> "");
  }

  /**
   * Waits until {@code condition} holds, checking every 200 ms; a timeout's message ends with what
   * {@code progress} says then (for example how many records are committed of how many expected).
   */
  static void await(
      String what, Duration timeout, BooleanSupplier condition, Supplier<String> progress) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        String state = progress.get();
        throw new AssertionError(
            "not within " + timeout + ": " + what + (state.isEmpty() ? "" : " (" + state + ")"));
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what, e);
      }
    }
  }

  /** One run in its own JVM. */
  static final class JobProcess {
    private final Process process;
    private final Path log;
    private final long startNanos;

    private JobProcess(Process process, Path log, long startNanos) {
      this.process = process;
      this.log = log;
      this.startNanos = startNanos;
    }

    long pid() {
      return process.pid();
    }

    boolean isAlive() {
      return process.isAlive();
    }

    /** Time since the JVM was started. */
    Duration age() {
      return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** What the run printed so far. */
    String output() {
      try {
        return Files.readString(log, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** {@code kill -9}: no shutdown hook runs, as when the machine dies. */
    void kill() {
      process.destroyForcibly();
      awaitExit(Duration.ofSeconds(30));
    }

    /** SIGTERM, then waits for the exit. */
    int terminate(Duration timeout) {
      process.destroy();
      return awaitExit(timeout);
    }

    /** Waits for the exit; returns the exit code. */
    int awaitExit(Duration timeout) {
      try {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          throw new AssertionError(
              "pid " + pid() + " did not exit within " + timeout + "; its output is in " + log);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for pid " + pid(), e);
      }
      return process.exitValue();
    }
  }

  /** The {@code chk-<n>/_metadata} files of completed checkpoints under {@code dir}. */
  static List<Path> checkpoints(Path dir) {
    List<Path> found = new ArrayList<>();
    File[] jobs = dir.toFile().listFiles(File::isDirectory);
    if (jobs == null) {
      return found;
    }
    for (File job : jobs) {
      File[] points = job.listFiles(f -> f.isDirectory() && f.getName().startsWith("chk-"));
      if (points == null) {
        continue;
      }
      for (File point : points) {
        File metadata = new File(point, "_metadata");
        if (metadata.isFile()) {
          found.add(metadata.toPath());
        }
      }
    }
    return found;
  }
}
