/**
 * Benchmarks, apart from the example jobs and not shipped with them: {@link
 * io.recs.benchmarks.BenchmarkJob} (the pipeline on a MiniCluster, next to a no-op pipeline of the
 * same shape) and the JMH {@link io.recs.benchmarks.ParserBenchmark}. See {@code
 * docs/benchmarks.md} for the commands and the figures.
 */
package io.recs.benchmarks;
