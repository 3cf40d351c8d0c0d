package io.recs.examples;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The entry point of the shaded jar: the first argument names the job, the rest are its flags.
 *
 * <pre>
 * java -jar recs-examples.jar                       # runs the demo job
 * java -jar recs-examples.jar --help                # lists the jobs
 * java -jar recs-examples.jar run --help            # lists the run job's settings
 * flink run recs-examples.jar run --source kafka --bootstrap-servers ...
 * </pre>
 *
 * <p>Exit codes: 0 success; 1 the job ran but its input looked wrong (nothing accepted, or too many
 * records rejected); 2 a bad setting, reported in one line before the job starts.
 */
@PublicEvolving
public final class Main {
  /** A job's entry point; returns the exit code. */
  @FunctionalInterface
  interface Job {
    int run(String[] args, PrintStream out) throws Exception;
  }

  static final Map<String, Job> JOBS = new LinkedHashMap<>();

  static {
    JOBS.put("run", (args, out) -> RunJob.run(RunJob.RUN, args, out));
    JOBS.put("files-to-files", (args, out) -> RunJob.run(RunJob.FILES_TO_FILES, args, out));
    JOBS.put("kafka-to-kafka", (args, out) -> RunJob.run(RunJob.KAFKA_TO_KAFKA, args, out));
    JOBS.put("demo", DemoJob::run);
    JOBS.put("evaluation", EvaluationJob::run);
  }

  private Main() {}

  /** Runs the job named by the first argument, and exits with its exit code. */
  public static void main(String[] args) throws Exception {
    exit(run(args, System.out, System.err));
  }

  /** Ends the process with {@code code} when it is not 0 (0 lets a cluster client go on). */
  static void exit(int code) {
    if (code == 0 || shuttingDown()) {
      return;
    }
    System.out.flush();
    System.err.flush();
    if (!(StreamExecutionEnvironment.getExecutionEnvironment() instanceof LocalStreamEnvironment)) {
      // Inside a Flink client or a JobManager (REST submission) System.exit would end that
      // process: fail the submission instead.
      throw new IllegalStateException("recs job ended with exit code " + code);
    }
    System.exit(code);
  }

  /** Whether the JVM is exiting (System.exit would then block forever). */
  private static boolean shuttingDown() {
    Thread probe = new Thread(() -> {});
    try {
      Runtime.getRuntime().addShutdownHook(probe);
      Runtime.getRuntime().removeShutdownHook(probe);
      return false;
    } catch (IllegalStateException e) {
      return true;
    }
  }

  /**
   * Runs a job; a bad setting is printed to {@code err} as one line and returns 2.
   *
   * @return the exit code
   */
  static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    try {
      return run(args, out);
    } catch (BadSettingException e) {
      err.println("recs: " + e.getMessage());
      return 2;
    }
  }

  /**
   * Runs a job, throwing {@link BadSettingException} for a bad setting.
   *
   * @return the exit code
   */
  static int run(String[] args, PrintStream out) throws Exception {
    if (args.length == 0) {
      return DemoJob.run(args, out);
    }
    if (args[0].equals("--help")) {
      out.println("usage: <job> [--flag value ...]; <job> --help lists its settings. Jobs:");
      out.println("  run             files or Kafka in; files and/or Kafka out (the main job)");
      out.println("  files-to-files  run --source files --sinks files");
      out.println("  kafka-to-kafka  run --source kafka --sinks kafka");
      out.println("  demo            the pipeline on generated data, with a printed table");
      out.println("  evaluation      ranking quality against batch baselines");
      return 0;
    }
    Job job = JOBS.get(args[0]);
    if (job == null) {
      throw new BadSettingException(
          "unknown job '" + args[0] + "'; jobs: " + String.join(", ", JOBS.keySet()));
    }
    return job.run(Arrays.copyOfRange(args, 1, args.length), out);
  }
}
