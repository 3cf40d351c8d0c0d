package io.recs.examples;

import io.recs.event.RejectReason;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.execution.JobClient;

/**
 * What a run says while it runs and at its end: a progress line every few seconds (events/s,
 * accepted, rejected), then what was read, accepted, rejected by reason and written per output, and
 * where. Counts come from the accumulators of {@link RunCounters}.
 */
final class RunReport {
  private final PrintStream out;
  private final String job;
  private final List<RunOutputs.Destination> destinations;
  private final Map<RejectReason, String> explanations;
  private final boolean sessions;

  RunReport(
      PrintStream out,
      String job,
      List<RunOutputs.Destination> destinations,
      Map<RejectReason, String> explanations,
      boolean sessions) {
    this.out = out;
    this.job = job;
    this.destinations = destinations;
    this.explanations = explanations;
    this.sessions = sessions;
  }

  /** The counts of a run. */
  record Counts(long acceptedEvents, Map<RejectReason, Long> rejected, Map<String, Long> written) {
    static Counts of(Map<String, Object> accumulators) {
      long accepted = number(accumulators.get(RunCounters.ACCEPTED_EVENTS));
      Map<RejectReason, Long> rejected = new TreeMap<>();
      for (RejectReason reason : RejectReason.values()) {
        long count = number(accumulators.get(RunCounters.REJECTED_PREFIX + reason.name()));
        if (count > 0) {
          rejected.put(reason, count);
        }
      }
      Map<String, Long> written = new TreeMap<>();
      accumulators.forEach(
          (name, value) -> {
            if (name.startsWith(RunCounters.WRITTEN_PREFIX)) {
              written.put(name, number(value));
            }
          });
      return new Counts(accepted, rejected, written);
    }

    long rejectedRecords() {
      return rejected.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Rejected records that count against the input: all but header lines and ratings below the
     * threshold, which are parsed and deliberately left out.
     */
    long rejectedData() {
      return rejectedRecords()
          - rejected.getOrDefault(RejectReason.HEADER, 0L)
          - rejected.getOrDefault(RejectReason.BELOW_THRESHOLD, 0L);
    }

    private static long number(Object value) {
      return value instanceof Number n ? n.longValue() : 0;
    }
  }

  /** Prints a progress line every {@code interval} until the job ends; returns its final counts. */
  Counts follow(JobClient client, Duration interval) throws Exception {
    return follow(client, interval, () -> {});
  }

  /** As {@link #follow(JobClient, Duration)}, running {@code tick} after each progress line. */
  Counts follow(JobClient client, Duration interval, Runnable tick) throws Exception {
    long start = System.nanoTime();
    JobExecutionResult done = progress(out, "", -1, client, interval, tick);
    out.printf("%s: finished in %,.1f s%n", job, (System.nanoTime() - start) / 1e9);
    return Counts.of(done.getAllAccumulatorResults());
  }

  /**
   * Prints a progress line every {@code interval} until the job of {@code client} ends, from the
   * accumulators of {@link RunCounters}: {@code progress: <what>12 s, 30,000 events accepted (2,400
   * events/s), 12 records rejected}; runs {@code tick} after each line.
   *
   * @param what names the job among several of one run (ends with ", "), or is empty
   * @param total the events of the input when known (printed as "of N"), else -1
   * @return the job's result
   */
  static JobExecutionResult progress(
      PrintStream out, String what, long total, JobClient client, Duration interval, Runnable tick)
      throws Exception {
    CompletableFuture<JobExecutionResult> result = client.getJobExecutionResult();
    long start = System.nanoTime();
    long lastAccepted = 0;
    long lastTime = start;
    while (true) {
      try {
        return result.get(interval.toMillis(), TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        Map<String, Object> accumulators;
        try {
          accumulators =
              client
                  .getAccumulators()
                  .get(Math.max(interval.toMillis(), 1000), TimeUnit.MILLISECONDS);
        } catch (Exception notNow) {
          continue;
        }
        Counts counts = Counts.of(accumulators);
        long now = System.nanoTime();
        double rate = (counts.acceptedEvents() - lastAccepted) * 1e9 / Math.max(1, now - lastTime);
        out.printf(
            "progress: %s%,.0f s, %,d%s events accepted (%,.0f events/s), %,d records rejected%n",
            what,
            (now - start) / 1e9,
            counts.acceptedEvents(),
            total < 0 ? "" : String.format(" of %,d", total),
            rate,
            counts.rejectedRecords());
        lastAccepted = counts.acceptedEvents();
        lastTime = now;
        tick.run();
      }
    }
  }

  /**
   * Prints the summary and returns the exit code: 0, or 1 when nothing was accepted or more than
   * {@code maxRejectedShare} of the records read was rejected. A {@code resumed} run that read
   * nothing (its input was read before the checkpoint) is not an input problem.
   */
  int summarize(Counts counts, double maxRejectedShare, boolean resumed) {
    long rejected = counts.rejectedRecords();
    if (sessions) {
      out.printf("  accepted: %,d events (from session records)%n", counts.acceptedEvents());
      out.printf("  rejected: %,d records%n", rejected);
    } else {
      out.printf(
          "  read:     %,d records: %,d accepted, %,d rejected%n",
          counts.acceptedEvents() + rejected, counts.acceptedEvents(), rejected);
    }
    counts
        .rejected()
        .forEach(
            (reason, count) ->
                out.printf(
                    "    %-18s %,12d%s%n",
                    reason.name(),
                    count,
                    explanations.containsKey(reason) ? "  " + explanations.get(reason) : ""));
    for (RunOutputs.Destination destination : destinations) {
      out.printf(
          "  wrote:    %,d %s to %s%n",
          counts.written().getOrDefault(destination.counter(), 0L),
          destination.output().label(),
          destination.where());
    }
    long data = counts.acceptedEvents() + counts.rejectedData();
    if (counts.acceptedEvents() == 0 && !(resumed && data == 0)) {
      out.printf(
          "%s: FAILED: no record was accepted; check --format and its settings against the"
              + " input (the dead letters say why each record was rejected)%n",
          job);
      return 1;
    }
    double share = data == 0 ? 0 : (double) counts.rejectedData() / data;
    if (share > maxRejectedShare) {
      out.printf(
          "%s: FAILED: %.1f%% of the records were rejected, more than --max-rejected-share %s;"
              + " check --format and its settings against the input%n",
          job, share * 100, maxRejectedShare);
      return 1;
    }
    return 0;
  }
}
