package io.recs.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ActionWeightsTest {

  @Test
  void defaultsWeighOrdersAboveCartsAboveClicksAboveViewsAndRejectUnknownActions() {
    ActionWeights weights = ActionWeights.defaults();
    assertThat(weights.weightOf("view")).hasValue(1.0);
    assertThat(weights.weightOf("click")).hasValue(2.0);
    assertThat(weights.weightOf("cart")).hasValue(4.0);
    assertThat(weights.weightOf("purchase")).hasValue(8.0);
    assertThat(weights.weightOf("wishlist")).isEmpty();
    assertThat(weights.isKnown("wishlist")).isFalse();
  }

  @Test
  void anUnknownActionWeightAcceptsEveryAction() {
    ActionWeights weights = ActionWeights.builder().unknownActionWeight(0.5).build();
    assertThat(weights.weightOf("wishlist")).hasValue(0.5);
    assertThat(weights.weightOf("purchase")).hasValue(8.0);
  }

  @Test
  void theUnknownActionWeightMayBeSetOnce() {
    ActionWeights.Builder builder = ActionWeights.builder().unknownActionWeight(0.5);
    assertThatThrownBy(() -> builder.unknownActionWeight(1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknownActionWeight")
        .hasMessageContaining("0.5")
        .hasMessageContaining("1.0");
  }

  @Test
  void weightsMustBeFiniteAndNotNegative() {
    assertThatThrownBy(() -> ActionWeights.builder().unknownActionWeight(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknownActionWeight must be finite and >= 0, was -1.0");
    assertThatThrownBy(() -> ActionWeights.builder().weight("cart", Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("weight of action 'cart' must be finite and >= 0, was NaN");
    assertThatThrownBy(() -> ActionWeights.builder().weight(" ", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("action must not be blank");
  }
}
