package io.recs.testkit.driver;

import io.recs.evaluation.flink.CollectingSink;
import io.recs.event.Interaction;
import io.recs.event.Recommendations;
import io.recs.event.RejectedRecord;
import io.recs.event.SimilarItems;
import io.recs.event.TrendingItems;
import io.recs.parse.ParseFunction;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.typeutils.EitherTypeInfo;
import org.apache.flink.api.java.typeutils.TupleTypeInfo;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.types.Either;

/**
 * One bounded run: the fed records as a source at parallelism 1, parsing, watermarks, the job under
 * test, and a collecting sink per output.
 */
final class JobRun {
  private static final TypeInformation<Either<Interaction, Tuple2<Long, String>>> FED =
      new EitherTypeInfo<>(
          TypeInformation.of(Interaction.class), new TupleTypeInfo<>(Types.LONG, Types.STRING));

  private final DriverSettings settings;
  private final List<Either<Interaction, Tuple2<Long, String>>> fed;

  JobRun(DriverSettings settings, List<Either<Interaction, Tuple2<Long, String>>> fed) {
    this.settings = settings;
    this.fed = fed;
  }

  RunResult execute(LocalCluster cluster) {
    StreamExecutionEnvironment env = new StreamExecutionEnvironment(configuration());
    env.setParallelism(settings.parallelism());

    // Without a parser there is no raw input, so the parser is never called.
    ParseFedRecords parse = new ParseFedRecords(settings.parser());
    SingleOutputStreamOperator<Interaction> parsed =
        env.fromData(fed, FED)
            .name("fed records")
            .process(parse, TypeInformation.of(Interaction.class))
            .name("parse")
            .setParallelism(1);
    DataStream<Interaction> interactions =
        parsed
            .assignTimestampsAndWatermarks(
                PunctuatedWatermarks.strategy(settings.maxOutOfOrderness()))
            .name("event time")
            .setParallelism(1);

    JobOutputs outputs = settings.job().apply(interactions);
    Sinks sinks = new Sinks(outputs);
    parsed.getSideOutput(ParseFunction.DEAD_LETTERS).sinkTo(sinks.deadLetters).name("dead letters");
    try {
      cluster.execute(env, settings.timeout());
      return sinks.result();
    } finally {
      sinks.clear();
    }
  }

  private Configuration configuration() {
    Configuration conf = new Configuration();
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    conf.addAll(settings.configuration());
    return conf;
  }

  /** A collecting sink per named output. */
  private static final class Sinks {
    final CollectingSink<Recommendations> recommendations;
    final CollectingSink<SimilarItems> similarItems;
    final CollectingSink<TrendingItems> trending;
    final CollectingSink<RejectedRecord> deadLetters = CollectingSink.create();

    Sinks(JobOutputs outputs) {
      recommendations = attach(outputs.recommendations(), "recommendations");
      similarItems = attach(outputs.similarItems(), "similar items");
      trending = attach(outputs.trending(), "trending");
    }

    private static <T> CollectingSink<T> attach(DataStream<T> stream, String name) {
      if (stream == null) {
        return null;
      }
      CollectingSink<T> sink = CollectingSink.create();
      stream.sinkTo(sink).name("collect " + name);
      return sink;
    }

    RunResult result() {
      return new RunResult(
          records(recommendations), records(similarItems), records(trending), records(deadLetters));
    }

    void clear() {
      for (CollectingSink<?> sink :
          new CollectingSink<?>[] {recommendations, similarItems, trending, deadLetters}) {
        if (sink != null) {
          sink.clear();
        }
      }
    }

    private static <T> List<T> records(CollectingSink<T> sink) {
      return sink == null ? null : List.copyOf(sink.records());
    }
  }
}
