package io.recs.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every setting of {@link ScoringConfig.Builder} is checked, once, with a message naming it. */
class ScoringConfigTest {

  static Stream<Arguments> outOfRange() {
    return Stream.of(
        bad(b -> b.n(0), "scoring.n (--n) must be > 0, was 0"),
        bad(b -> b.maxSeenItems(0), "scoring.max-seen-items (--max-seen-items) must be > 0, was 0"),
        bad(b -> b.explanations(-1), "scoring.explanations (--explanations) must be >= 0, was -1"),
        bad(b -> b.scorer(null), "scorer must not be null"),
        bad(b -> b.seenFilter(null), "seenFilter must not be null"));
  }

  private static Arguments bad(Consumer<ScoringConfig.Builder> setter, String message) {
    return Arguments.of(setter, message);
  }

  @ParameterizedTest
  @MethodSource("outOfRange")
  void aValueOutOfRangeFailsInTheSetterNamingKeyFlagAndValue(
      Consumer<ScoringConfig.Builder> setter, String message) {
    assertThatThrownBy(() -> setter.accept(ScoringConfig.builder()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void aSetterMayBeCalledOnce() {
    assertThatThrownBy(() -> ScoringConfig.builder().n(10).n(20))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("scoring.n (--n) was already set to 10, cannot set it to 20");
    assertThatThrownBy(() -> ScoringConfig.builder().blocklist(Set.of("a")).blocklist(Set.of("b")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("scoring.blocklist (--blocklist) was already set to [a], cannot set it to [b]");
  }

  @Test
  void settingsAreCheckedTogether() {
    assertThatThrownBy(
            () ->
                ScoringConfig.builder()
                    .scorer(Scorers.sum())
                    .linear(LinearScoring.builder().build())
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("only one of scorer and linear may be set");
    assertThatThrownBy(() -> ScoringConfig.builder().boosts(Map.of("i1", 0.0)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("boosts: multiplier of item 'i1' must be finite and > 0, was 0.0");
  }

  @Test
  void whatIsSetIsWhatIsBuilt() {
    ScoringConfig config =
        ScoringConfig.builder().n(5).explanations(0).blocklist(Set.of("x")).build();
    assertThat(config.n()).isEqualTo(5);
    assertThat(config.explanations()).isZero();
    assertThat(config.blocklist()).containsExactly("x");
  }
}
