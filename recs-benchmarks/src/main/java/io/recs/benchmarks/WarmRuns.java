package io.recs.benchmarks;

import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Runs the bundled jobs' {@code Main} several times in one JVM, each run with its own output
 * folder, so that the later runs meet a JIT that has compiled the job's code: the run job measured
 * as the {@code pipeline} benchmark is, after a warm-up run. Used by {@link RealPath} with the
 * job's jar on the class path and this class alone beside it (it needs nothing but the JDK, and
 * finds {@code io.recs.examples.Main} by name so that this module does not depend on the examples).
 *
 * <p>{@code java -cp <job jar>:<folder with this class> io.recs.benchmarks.WarmRuns <runs>
 * <output-folder-prefix> <job arguments...>}: run {@code k} (from 0) writes to the prefix followed
 * by {@code k}. Each run prints its own lines, among them {@code run: finished in <seconds> s}.
 */
final class WarmRuns {
  private WarmRuns() {}

  /** Runs the job {@code args[0]} times; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      throw new IllegalArgumentException(
          "usage: WarmRuns <runs> <output-folder-prefix> <job arguments...>");
    }
    int runs = Integer.parseInt(args[0]);
    String prefix = args[1];
    Method main = Class.forName("io.recs.examples.Main").getMethod("main", String[].class);
    for (int run = 0; run < runs; run++) {
      String[] job = Arrays.copyOfRange(args, 2, args.length + 2);
      job[job.length - 2] = "--output-dir";
      job[job.length - 1] = prefix + run;
      main.invoke(null, (Object) job);
    }
  }
}
