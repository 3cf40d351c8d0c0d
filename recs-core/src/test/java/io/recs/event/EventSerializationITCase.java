package io.recs.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every event type crosses a network shuffle with generic types disabled, so none of them may fall
 * back to Kryo, and each must come back equal.
 */
class EventSerializationITCase {

  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  private static final ScoredItem EXPLAINED = new ScoredItem("i1", 0.75, List.of("i7", "i9"));
  private static final ScoredItem PLAIN = ScoredItem.of("i2", 0.5);

  @Test
  void interactions() throws Exception {
    assertRoundTrip(
        Interaction.class,
        List.of(
            Interaction.of("u1", "i1", "view", 1.0, 1_700_000_000_000L),
            new Interaction("u2", "i2", "purchase", 8.0, 0L, "books")));
  }

  @Test
  void scoredItems() throws Exception {
    assertRoundTrip(ScoredItem.class, List.of(EXPLAINED, PLAIN));
  }

  @Test
  void recommendations() throws Exception {
    assertRoundTrip(
        Recommendations.class,
        List.of(
            new Recommendations("u1", List.of(EXPLAINED, PLAIN), 42L),
            new Recommendations("u2", List.of(), 43L)));
  }

  @Test
  void similarItems() throws Exception {
    assertRoundTrip(
        SimilarItems.class,
        List.of(new SimilarItems("i1", List.of(PLAIN), 1L), new SimilarItems("i3", List.of(), 2L)));
  }

  @Test
  void trendingItems() throws Exception {
    assertRoundTrip(
        TrendingItems.class,
        List.of(
            new TrendingItems(TrendingItems.GLOBAL, List.of(PLAIN, EXPLAINED), 5L),
            new TrendingItems("books", List.of(), 6L)));
  }

  @Test
  void rejectedRecords() throws Exception {
    assertRoundTrip(
        RejectedRecord.class,
        List.of(
            new RejectedRecord(RejectReason.INVALID_ID, "userId is blank", "t", 3, 17L, " ,i1", 4),
            new RejectedRecord(RejectReason.EMPTY, "", "", -1, -1L, "", 0)));
  }

  @Test
  void recordOrigins() throws Exception {
    assertRoundTrip(
        RecordOrigin.class,
        List.of(RecordOrigin.kafka("events", 1, 99L), RecordOrigin.line("/data/a.csv", 7L)));
  }

  private static <T> void assertRoundTrip(Class<T> type, List<T> values) throws Exception {
    TypeInformation<T> typeInfo = TypeInformation.of(type);
    // A GenericType anywhere in the tree (for example a List field) would mean Kryo.
    assertThat(typeInfo).isNotInstanceOf(GenericTypeInfo.class);
    assertThat(typeInfo.toString()).doesNotContain("GenericType");

    Configuration config = new Configuration();
    config.set(PipelineOptions.GENERIC_TYPES, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
    env.setParallelism(2);

    List<T> result = env.fromData(values).keyBy(new HashKey<T>()).executeAndCollect(100);

    assertThat(result).containsExactlyInAnyOrderElementsOf(values);
  }

  /** Keys by hash code, which forces a network shuffle (and so serialization) of every value. */
  private static final class HashKey<T> implements KeySelector<T, Integer> {
    @Override
    public Integer getKey(T value) {
      return value.hashCode();
    }
  }
}
