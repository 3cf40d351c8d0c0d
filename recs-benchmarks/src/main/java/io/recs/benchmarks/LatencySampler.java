package io.recs.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.HistogramStatistics;

/**
 * Reads the latency histograms of a running job once per period, so that the course of the run can
 * be seen, not only its end (a histogram keeps its last 10,000 values, and at the end of a bounded
 * run those are the ones around the end of input, when every stage fires its end-of-input timers).
 *
 * <p>A sample of a histogram that received no value since the previous sample is skipped, so the
 * end of the run is not counted again while the job shuts down. The share of values over the limit
 * is estimated per sample from the histogram's window and weighted by the number of values received
 * since the previous sample, so that each recommendation counts about once whatever the sampling
 * period and the window length.
 */
final class LatencySampler implements AutoCloseable {
  private final long limitMillis;
  private final Map<Histogram, Long> lastCounts = new HashMap<>();

  /** p99 of each histogram at each sample with new values, in ms, in sampling order. */
  private final List<Double> p99s = new ArrayList<>();

  private double newValues;
  private double newValuesOverLimit;

  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "latency sampler");
            thread.setDaemon(true);
            return thread;
          });

  /**
   * Starts sampling {@link LatencyReporter#HISTOGRAMS} every {@code periodMillis}, estimating the
   * share of values above {@code limitMillis}.
   */
  LatencySampler(long periodMillis, long limitMillis) {
    this.limitMillis = limitMillis;
    timer.scheduleAtFixedRate(this::sample, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
  }

  private synchronized void sample() {
    for (Histogram histogram : LatencyReporter.HISTOGRAMS) {
      long count = histogram.getCount();
      long received = count - lastCounts.getOrDefault(histogram, 0L);
      lastCounts.put(histogram, count);
      HistogramStatistics stats = histogram.getStatistics();
      if (received == 0 || stats.size() == 0) {
        continue;
      }
      p99s.add(stats.getQuantile(0.99));
      long over = 0;
      long[] values = stats.getValues();
      for (long value : values) {
        over += value > limitMillis ? 1 : 0;
      }
      newValues += received;
      newValuesOverLimit += received * (double) over / values.length;
    }
  }

  /** The sampled p99s so far, in ms. */
  synchronized double[] p99s() {
    return p99s.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** The estimated share of all values so far above the limit. */
  synchronized double shareOverLimit() {
    return newValues == 0 ? Double.NaN : newValuesOverLimit / newValues;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
