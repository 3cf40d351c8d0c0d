package io.recs.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.recs.event.Interaction;
import io.recs.event.Recommendations;
import io.recs.event.RejectedRecord;
import io.recs.event.ScoredItem;
import io.recs.event.SimilarItems;
import io.recs.parse.CsvInteractionParser;
import io.recs.similarity.SimilarityConfig;
import io.recs.similarity.SimilarityMeasure;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The assembled pipeline on hand-made examples. The tests that compare the pipeline with the batch
 * reference (similar items, final recommendations, reproducibility, ranking quality) need
 * recs-evaluation and the testkit's driver, which depend on recs-core, so they live in the module
 * next to this one, {@code recs-core-tests} (packages {@code similarity}, {@code recommendations},
 * {@code pipeline}, {@code quality}); docs/testing.md, "recs' own tests", lists them. Run them
 * after a change here.
 */
class RecsPipelineITCase {

  @RegisterExtension
  static final MiniClusterExtension CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  @Test
  void countsCooccurrencesOfAHandMadeExample() throws Exception {
    // u1: a b c, u2: a b, u3: b c ⇒ C(a,b)=2, C(b,c)=2, C(a,c)=1; n(a)=2, n(b)=3, n(c)=2
    List<Interaction> events =
        List.of(
            Interaction.of("u1", "a", "view", 1, 1000),
            Interaction.of("u2", "a", "view", 1, 1001),
            Interaction.of("u1", "b", "view", 1, 1002),
            Interaction.of("u3", "b", "view", 1, 1003),
            Interaction.of("u2", "b", "click", 2, 1004),
            Interaction.of("u1", "c", "view", 1, 1005),
            Interaction.of("u3", "c", "view", 1, 1006),
            Interaction.of("u1", "a", "view", 1, 1007));
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    RecsStreams streams =
        RecsPipeline.builder()
            .similarity(SimilarityConfig.builder().measure(SimilarityMeasure.COOCCURRENCE).build())
            .build()
            .apply(env.fromData(events));

    Map<String, List<ScoredItem>> lastLists = new HashMap<>();
    Map<String, Recommendations> lastRecs = new HashMap<>();
    try (CloseableIterator<SimilarItems> it = streams.similarItems().executeAndCollect();
        CloseableIterator<Recommendations> recs = streams.recommendations().executeAndCollect()) {
      it.forEachRemaining(s -> lastLists.put(s.itemId(), s.neighbours()));
      recs.forEachRemaining(r -> lastRecs.put(r.userId(), r));
    }
    assertThat(lastRecs.get("u2").items())
        .extracting(ScoredItem::itemId, ScoredItem::because)
        .containsExactly(tuple("c", List.of("b", "a")));
    assertThat(lastLists.get("a")).containsExactly(ScoredItem.of("b", 2), ScoredItem.of("c", 1));
    assertThat(lastLists.get("b")).containsExactly(ScoredItem.of("a", 2), ScoredItem.of("c", 2));
    assertThat(lastLists.get("c")).containsExactly(ScoredItem.of("b", 2), ScoredItem.of("a", 1));
  }

  @Test
  void parsesLinesAndSendsEveryRejectToTheDeadLetters() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    CsvInteractionParser parser =
        CsvInteractionParser.builder()
            .userColumn(0)
            .itemColumn(1)
            .actionColumn(2)
            .timestampColumn(3)
            .build();
    RecsStreams streams =
        RecsPipeline.builder()
            .build()
            .applyLines(
                env.fromData("u1,a,view,1000", "u1,b,view,2000", "not a record", "u2,a,view,3000"),
                parser,
                "lines");

    List<RejectedRecord> deadLetters = streams.deadLetters().executeAndCollect(10);
    assertThat(deadLetters)
        .singleElement()
        .extracting(RejectedRecord::raw)
        .isEqualTo("not a record");
  }
}
