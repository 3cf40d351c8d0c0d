package io.recs.benchmarks;

import io.recs.event.Interaction;
import java.util.List;
import java.util.function.Function;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

/**
 * Emits the benchmark's set ({@link BenchmarkJob#generate()}: the generator's standard set, seed
 * 42, or its variant given by the {@code recs.bench.*} properties), built inside the task when the
 * source opens, so that nothing large travels with the job graph and the build is not timed.
 */
final class StandardSet<T> implements GeneratorFunction<Long, T> {
  private static final long serialVersionUID = 1L;

  private final SerializableFunction<T> prepare;
  private transient List<T> records;

  /** A serializable step from the generated events to the emitted records. */
  interface SerializableFunction<T>
      extends Function<List<Interaction>, List<T>>, java.io.Serializable {}

  StandardSet(SerializableFunction<T> prepare) {
    this.prepare = prepare;
  }

  @Override
  public void open(SourceReaderContext readerContext) {
    records = prepare.apply(BenchmarkJob.generate());
  }

  @Override
  public T map(Long index) {
    return records.get(index.intValue());
  }
}
