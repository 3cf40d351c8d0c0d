package io.recs.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every setting of {@link PreferenceConfig.Builder} is checked, once, with a message naming it. */
class PreferenceConfigTest {

  @Test
  void aValueOutOfRangeFailsNamingKeyFlagAndValue() {
    assertThatThrownBy(() -> PreferenceConfig.builder().halfLife(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("preferences.half-life (--half-life) must be > 0, was 0");
    assertThatThrownBy(() -> PreferenceConfig.builder().stateTtl(Duration.ofHours(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("preferences.state-ttl (--state-ttl) must be > 0, was -1");
    assertThatThrownBy(() -> PreferenceConfig.builder().halfLife(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("preferences.half-life (--half-life) must not be null");
  }

  @Test
  void aSetterMayBeCalledOnceAndNullStateTtlMeansNever() {
    assertThatThrownBy(
            () ->
                PreferenceConfig.builder()
                    .halfLife(Duration.ofDays(1))
                    .halfLife(Duration.ofDays(2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("preferences.half-life (--half-life) was already set to");
    assertThatThrownBy(() -> PreferenceConfig.builder().stateTtl(null).stateTtl(Duration.ofDays(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "preferences.state-ttl (--state-ttl) was already set to never, cannot set it to PT24H");
    assertThat(PreferenceConfig.builder().stateTtl(null).build().stateTtl()).isNull();
    assertThat(PreferenceConfig.builder().stateTtl(Duration.ofDays(3)).build().stateTtl())
        .isEqualTo(Duration.ofDays(3));
  }
}
