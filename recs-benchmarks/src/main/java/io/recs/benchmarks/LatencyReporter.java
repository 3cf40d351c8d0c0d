package io.recs.benchmarks;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.annotation.Internal;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

/**
 * Keeps the {@code recommendationLatencyMs} histograms of a MiniCluster job so that the benchmark
 * can print them after the run. Register with {@code metrics.reporter.latency.factory.class}.
 */
@Internal
public final class LatencyReporter implements MetricReporter, MetricReporterFactory {
  static final String METRIC = "recommendationLatencyMs";
  static final List<Histogram> HISTOGRAMS = new CopyOnWriteArrayList<>();

  @Override
  public MetricReporter createMetricReporter(Properties properties) {
    return this;
  }

  @Override
  public void open(MetricConfig config) {}

  @Override
  public void close() {}

  @Override
  public void notifyOfAddedMetric(Metric metric, String name, MetricGroup group) {
    if (name.equals(METRIC) && metric instanceof Histogram histogram) {
      HISTOGRAMS.add(histogram);
    }
  }

  @Override
  public void notifyOfRemovedMetric(Metric metric, String name, MetricGroup group) {}
}
