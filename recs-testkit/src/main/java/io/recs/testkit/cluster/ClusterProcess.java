package io.recs.testkit.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One JVM of the cluster, its console output in {@code <name>.out} and its log in {@code .log}. */
final class ClusterProcess {
  private final String name;
  private final Process process;
  private final Path logFile;
  private final Path outFile;

  private ClusterProcess(String name, Process process, Path logFile, Path outFile) {
    this.name = name;
    this.process = process;
    this.logFile = logFile;
    this.outFile = outFile;
  }

  static ClusterProcess start(
      String name, List<String> command, Map<String, String> environment, Path folder, Path logs)
      throws IOException {
    Path out = logs.resolve(name + ".out");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(folder.toFile())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile());
    builder.environment().putAll(environment);
    return new ClusterProcess(name, builder.start(), logs.resolve(name + ".log"), out);
  }

  String name() {
    return name;
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  Path logFile() {
    return logFile;
  }

  Path outFile() {
    return outFile;
  }

  /** {@code kill -9}: the JVM gets no chance to clean up, as when a machine dies. */
  void kill() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException(name + " (pid " + pid() + ") did not exit after SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while killing " + name, e);
    }
  }
}
