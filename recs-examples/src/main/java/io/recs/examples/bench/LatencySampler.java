package io.recs.examples.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.HistogramStatistics;

/**
 * Reads the latency histograms of a running job once per period, so that the steady state can be
 * told apart from the end of a bounded run (when every stage fires its end-of-input timers at
 * once). Each histogram keeps its last 10,000 values, about one second of one rank subtask at
 * 20,000 events/s over two subtasks, so samples one second apart see nearly disjoint windows.
 */
final class LatencySampler implements AutoCloseable {
  /** p99 of each histogram at each sample, in ms, in sampling order. */
  private final List<Double> p99s = new ArrayList<>();

  private final long limitMillis;
  private long values;
  private long overLimit;

  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "latency sampler");
            thread.setDaemon(true);
            return thread;
          });

  /**
   * Starts sampling {@link LatencyReporter#HISTOGRAMS} every {@code periodMillis}, counting the
   * values above {@code limitMillis}.
   */
  LatencySampler(long periodMillis, long limitMillis) {
    this.limitMillis = limitMillis;
    timer.scheduleAtFixedRate(this::sample, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
  }

  private synchronized void sample() {
    for (Histogram histogram : LatencyReporter.HISTOGRAMS) {
      HistogramStatistics stats = histogram.getStatistics();
      if (stats.size() > 0) {
        p99s.add(stats.getQuantile(0.99));
        for (long value : stats.getValues()) {
          values++;
          overLimit += value > limitMillis ? 1 : 0;
        }
      }
    }
  }

  /** The sampled p99s so far, in ms. */
  synchronized double[] p99s() {
    return p99s.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /**
   * The share of the sampled values above the limit: an estimate of the share of all
   * recommendations over it, as the windows of successive samples nearly tile the run.
   */
  synchronized double shareOverLimit() {
    return values == 0 ? Double.NaN : (double) overLimit / values;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
