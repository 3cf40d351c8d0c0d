package io.recs.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Puts {@link WarmRuns}' class file alone in a folder, to be put on a class path next to the job's
 * jar: this module's jar would bring a second copy of Flink and of recs.
 */
final class WarmRunsClass {
  private WarmRunsClass() {}

  /** Writes the class file under {@code folder}; returns {@code folder}. */
  static Path extract(Path folder) throws IOException {
    String name = WarmRuns.class.getName().replace('.', '/') + ".class";
    Path target = folder.resolve(name);
    Files.createDirectories(target.getParent());
    try (InputStream in = WarmRuns.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("no class file " + name + " on the class path");
      }
      Files.copy(in, target);
    }
    return folder;
  }
}
