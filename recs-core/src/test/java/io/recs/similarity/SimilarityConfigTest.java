package io.recs.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every setting of {@link SimilarityConfig.Builder} is checked, once, with a message naming it. */
class SimilarityConfigTest {

  static Stream<Arguments> outOfRange() {
    return Stream.of(
        bad(b -> b.neighbours(0), "similarity.neighbours (--neighbours) must be > 0, was 0"),
        bad(b -> b.historySize(-1), "similarity.history-size (--history-size) must be > 0, was -1"),
        bad(
            b -> b.pairWindowItems(0),
            "similarity.pair-window-items (--pair-window-items) must be > 0, was 0"),
        bad(
            b -> b.maxItemsPerUser(0),
            "similarity.max-items-per-user (--max-items-per-user) must be > 0, was 0"),
        bad(
            b -> b.maxUsersPerItem(0),
            "similarity.max-users-per-item (--max-users-per-item) must be > 0, was 0"),
        bad(
            b -> b.rowBatchSize(0),
            "similarity.row-batch-size (--row-batch-size) must be > 0, was 0"),
        bad(
            b -> b.rowBatchInterval(Duration.ZERO),
            "similarity.row-batch-interval (--row-batch-interval) must be > 0, was 0"),
        bad(
            b -> b.emitInterval(Duration.ofSeconds(-1)),
            "similarity.emit-interval (--similar-items-interval) must be >= 0, was -1"),
        bad(
            b -> b.pairWindow(Duration.ZERO),
            "similarity.pair-window (--pair-window) must be > 0, was 0"),
        bad(b -> b.measure(null), "similarity.measure (--measure) must not be null"));
  }

  private static Arguments bad(Consumer<SimilarityConfig.Builder> setter, String message) {
    return Arguments.of(setter, message);
  }

  @ParameterizedTest
  @MethodSource("outOfRange")
  void aValueOutOfRangeFailsInTheSetterNamingKeyFlagAndValue(
      Consumer<SimilarityConfig.Builder> setter, String message) {
    assertThatThrownBy(() -> setter.accept(SimilarityConfig.builder()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void aSetterMayBeCalledOnce() {
    assertThatThrownBy(() -> SimilarityConfig.builder().neighbours(10).neighbours(20))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "similarity.neighbours (--neighbours) was already set to 10, cannot set it to 20");
    assertThatThrownBy(
            () ->
                SimilarityConfig.builder()
                    .measure(SimilarityMeasure.JACCARD)
                    .measure(SimilarityMeasure.COSINE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was already set to JACCARD");
  }

  @Test
  void settingsAreCheckedTogether() {
    assertThatThrownBy(() -> SimilarityConfig.builder().historySize(10).pairWindowItems(20).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "similarity.pair-window-items (--pair-window-items) (20) must not exceed"
                + " similarity.history-size (--history-size) (10)");
    assertThatThrownBy(
            () ->
                SimilarityConfig.builder()
                    .measure(SimilarityMeasure.JACCARD)
                    .weighted(true)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs unweighted counts");
  }

  @Test
  void whatIsSetIsWhatIsBuilt() {
    SimilarityConfig config =
        SimilarityConfig.builder()
            .measure(SimilarityMeasure.JACCARD)
            .neighbours(7)
            .historySize(30)
            .pairWindowItems(5)
            .pairWindow(Duration.ofHours(1))
            .build();
    assertThat(config.measure()).isEqualTo(SimilarityMeasure.JACCARD);
    assertThat(config.neighbours()).isEqualTo(7);
    assertThat(config.historySize()).isEqualTo(30);
    assertThat(config.pairWindowItems()).isEqualTo(5);
    assertThat(config.pairWindow()).isEqualTo(Duration.ofHours(1));
  }
}
