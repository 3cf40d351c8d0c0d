package io.recs.trending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every setting of {@link TrendingConfig.Builder} is checked, once, with a message naming it. */
class TrendingConfigTest {

  @Test
  void aValueOutOfRangeFailsNamingKeyFlagAndValue() {
    assertThatThrownBy(() -> TrendingConfig.builder().size(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("trending.size (--trending-size) must be > 0, was 0");
    assertThatThrownBy(() -> TrendingConfig.builder().halfLife(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("trending.half-life (--trending-half-life) must be > 0, was 0");
    assertThatThrownBy(() -> TrendingConfig.builder().emitInterval(Duration.ofMinutes(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("trending.emit-interval (--trending-interval) must be >= 0");
  }

  @Test
  void aSetterMayBeCalledOnce() {
    assertThatThrownBy(() -> TrendingConfig.builder().perCategory(false).perCategory(true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "trending.per-category (--trending-per-category) was already set to false,"
                + " cannot set it to true");
    TrendingConfig config = TrendingConfig.builder().size(3).perCategory(false).build();
    assertThat(config.size()).isEqualTo(3);
    assertThat(config.perCategory()).isFalse();
  }
}
