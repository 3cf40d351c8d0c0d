package io.recs.examples;

import org.apache.flink.annotation.PublicEvolving;

/**
 * {@code run --source kafka --sinks kafka}, for {@code flink run -c
 * io.recs.examples.KafkaToKafkaJob}; see {@link RunJob}.
 */
@PublicEvolving
public final class KafkaToKafkaJob {
  private KafkaToKafkaJob() {}

  /** Runs the job; see {@code --help}. */
  public static void main(String[] args) throws Exception {
    Main.exit(Main.run(RunJob.prepend("kafka-to-kafka", args), System.out, System.err));
  }
}
