package com.example.toppicks;

import io.recs.parse.ParsedStreams;
import io.recs.connectors.file.FileInteractionSource;
import io.recs.connectors.file.RecsFileSink;
import io.recs.connectors.json.RecsJson;
import io.recs.event.Interaction;
import io.recs.event.Recommendations;
import io.recs.event.RejectedRecord;
import io.recs.pipeline.RecsPipeline;
import io.recs.scoring.ItemFilter;
import io.recs.scoring.Scorers;
import io.recs.scoring.ScoringConfig;
import java.util.Map;
import java.util.Set;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The team's "top picks" job: five recommendations per user, never an out-of-stock item, scored by
 * a blend of the summed and the strongest item-to-item evidence.
 *
 * <pre>
 * flink run -c com.example.toppicks.TopPicksJob downstream-sample.jar in/ out/ sku-3,sku-9
 * </pre>
 */
public final class TopPicksJob {
  /** How many picks each user gets. */
  public static final int PICKS = 5;

  private TopPicksJob() {}

  /** The recs pipeline of the job, with {@code outOfStock} items filtered out. */
  public static RecsPipeline pipeline(Set<String> outOfStock) {
    return RecsPipeline.builder()
        .scoring(
            ScoringConfig.builder()
                .n(PICKS)
                .filter(new InStock(outOfStock))
                .scorer(Scorers.blend(Map.of(Scorers.sum(), 0.7, Scorers.max(), 0.3)))
                .build())
        .build();
  }

  /** Each user's top picks after every interaction, and once more at the end of a bounded input. */
  public static DataStream<Recommendations> topPicks(
      DataStream<Interaction> interactions, Set<String> outOfStock) {
    return pipeline(outOfStock).apply(interactions).recommendations();
  }

  /**
   * Reads click logs under {@code input}, writes picks and dead letters as JSON lines under {@code
   * output}.
   */
  public static void run(
      StreamExecutionEnvironment env, String input, String output, Set<String> outOfStock)
      throws Exception {
    ParsedStreams in =
        FileInteractionSource.builder()
            .paths(input)
            .parser(new ClickLogParser())
            .build()
            .attach(env);
    topPicks(in.interactions(), outOfStock)
        .sinkTo(
            RecsFileSink.<Recommendations>builder()
                .path(output + "/picks")
                .format(RecsJson.recommendations())
                .build())
        .name("picks");
    in.deadLetters()
        .sinkTo(
            RecsFileSink.<RejectedRecord>builder()
                .path(output + "/dead-letters")
                .format(RecsJson.rejectedRecords())
                .build())
        .name("dead-letters");
    env.execute("top picks");
  }

  /** {@code input-folder output-folder [out-of-stock,items]}. */
  public static void main(String[] args) throws Exception {
    Set<String> outOfStock = args.length > 2 ? Set.of(args[2].split(",")) : Set.of();
    run(StreamExecutionEnvironment.getExecutionEnvironment(), args[0], args[1], outOfStock);
  }

  /** Lets through items that are in stock. */
  private record InStock(Set<String> outOfStock) implements ItemFilter {
    @Override
    public boolean allows(String userId, String itemId) {
      return !outOfStock.contains(itemId);
    }
  }
}
