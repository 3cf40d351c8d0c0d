package io.recs.examples;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;
import org.apache.flink.annotation.PublicEvolving;

/**
 * The entry point of the shaded jar: the first argument names the job, the rest are its flags.
 *
 * <pre>
 * java -jar recs-examples.jar                       # runs the demo job
 * java -jar recs-examples.jar --help                # lists the jobs
 * java -jar recs-examples.jar files-to-files --help # lists the job's flags
 * flink run recs-examples.jar kafka-to-kafka --bootstrap-servers ...
 * </pre>
 *
 * <p>Each job also has its own {@code main}, for {@code flink run -c <class>}. A new job is added
 * with one line in {@link #JOBS}.
 */
@PublicEvolving
public final class Main {
  /** A job's entry point. */
  @FunctionalInterface
  interface Job {
    void run(String[] args, PrintStream out) throws Exception;
  }

  static final Map<String, Job> JOBS =
      Map.of(
          "demo", DemoJob::run,
          "kafka-to-kafka", KafkaToKafkaJob::run,
          "files-to-files", FilesToFilesJob::run,
          "evaluation", EvaluationJob::run);

  private Main() {}

  /** Runs the job named by the first argument. */
  public static void main(String[] args) throws Exception {
    run(args, System.out);
  }

  static void run(String[] args, PrintStream out) throws Exception {
    if (args.length == 0) {
      DemoJob.run(args, out);
      return;
    }
    if (args[0].equals("--help")) {
      out.println("usage: <job> [--flag value ...]; <job> --help lists its flags. Jobs:");
      JOBS.keySet().stream().sorted().forEach(name -> out.println("  " + name));
      return;
    }
    Job job = JOBS.get(args[0]);
    if (job == null) {
      throw new IllegalArgumentException(
          "unknown job '" + args[0] + "'; jobs: " + JOBS.keySet().stream().sorted().toList());
    }
    job.run(Arrays.copyOfRange(args, 1, args.length), out);
  }
}
