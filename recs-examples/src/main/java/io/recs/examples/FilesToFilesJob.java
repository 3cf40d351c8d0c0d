package io.recs.examples;

import org.apache.flink.annotation.PublicEvolving;

/**
 * {@code run --source files --sinks files}, for {@code flink run -c
 * io.recs.examples.FilesToFilesJob}; see {@link RunJob}.
 */
@PublicEvolving
public final class FilesToFilesJob {
  private FilesToFilesJob() {}

  /** Runs the job; see {@code --help}. */
  public static void main(String[] args) throws Exception {
    Main.exit(Main.run(RunJob.prepend("files-to-files", args), System.out, System.err));
  }
}
