package io.recs.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recs.config.RecsSettings;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every setting of {@link RequestConfig.Builder} is checked, once, with a message naming it; the
 * user-facing settings keep their keys.
 */
class RequestConfigTest {

  static Stream<Arguments> outOfRange() {
    return Stream.of(
        bad(b -> b.seedItems(0), "scoring.seed-items (--seed-items) must be > 0, was 0"),
        bad(
            b -> b.candidatesPerSeed(-3),
            "scoring.candidates-per-seed (--candidates-per-seed) must be > 0, was -3"),
        bad(b -> b.neighbourLookup(null), "scoring.lookup (--lookup) must not be null"),
        bad(b -> b.triggerInterval(null), "triggerInterval must not be null"));
  }

  private static Arguments bad(Consumer<RequestConfig.Builder> setter, String message) {
    return Arguments.of(setter, message);
  }

  @ParameterizedTest
  @MethodSource("outOfRange")
  void aValueOutOfRangeIsRefusedNamingTheSetting(
      Consumer<RequestConfig.Builder> setter, String message) {
    assertThatThrownBy(
            () -> {
              RequestConfig.Builder builder = RequestConfig.builder();
              setter.accept(builder);
              builder.build();
            })
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void aSettingIsSetOnceAndTheIntervalIsNotNegative() {
    assertThatThrownBy(
            () -> RequestConfig.builder().triggerOnInteraction(false).triggerOnInteraction(true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("triggerOnInteraction was already set to false, cannot set it to true");
    assertThatThrownBy(() -> RequestConfig.builder().seedItems(3).seedItems(4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("scoring.seed-items (--seed-items) was already set to 3, cannot set it to 4");
    assertThatThrownBy(
            () -> RequestConfig.builder().triggerInterval(Duration.ofSeconds(-1)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("triggerInterval must not be negative, was PT-1S");
  }

  @Test
  void theSettingsKeepTheirKeysAndMakeTheConfiguration() {
    RequestConfig config =
        RequestOptions.config(
            RecsSettings.empty()
                .with(RequestOptions.SEED_ITEMS, 3)
                .with(RequestOptions.SEED_WEIGHTS, SeedWeights.RECENCY)
                .with(RequestOptions.CANDIDATES_PER_SEED, 4)
                .with(RequestOptions.LOOKUP, NeighbourLookup.REPLICATED)
                .with(RequestOptions.RESTRICT_TO_EVENT_CATEGORY, true)
                .with(RequestOptions.EMIT, "interval:10s"));
    assertThat(config.seedItems()).isEqualTo(3);
    assertThat(config.candidatesPerSeed()).isEqualTo(4);
    assertThat(config.seedWeights()).isEqualTo(SeedWeights.RECENCY);
    assertThat(RequestConfig.defaults().seedWeights()).isEqualTo(SeedWeights.AFFINITY);
    assertThat(config.neighbourLookup()).isEqualTo(NeighbourLookup.REPLICATED);
    assertThat(config.restrictToEventCategory()).isTrue();
    assertThat(config.triggerOnInteraction()).isTrue();
    assertThat(config.triggerInterval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(RequestOptions.config(RecsSettings.empty().with(RequestOptions.EMIT, "final")))
        .satisfies(c -> assertThat(c.triggerOnInteraction()).isFalse());
    assertThat(RequestOptions.ALL)
        .extracting(option -> option.name().split(" ")[0])
        .containsExactly(
            "scoring.emit",
            "scoring.seed-items",
            "scoring.seed-weights",
            "scoring.candidates-per-seed",
            "scoring.lookup",
            "scoring.restrict-to-event-category");
  }
}
