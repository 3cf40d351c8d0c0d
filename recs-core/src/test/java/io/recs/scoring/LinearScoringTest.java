package io.recs.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LinearScoringTest {

  @Test
  void defaultsStartFromTheDecayedSumScorer() {
    LinearScoring linear = LinearScoring.builder().build();

    assertThat(linear.learning()).isTrue();
    assertThat(linear.signal()).isEqualTo(LearningSignal.NEXT_EVENT);
    assertThat(LinearScoring.builder().signal(LearningSignal.HELD_OUT).build().signal())
        .isEqualTo(LearningSignal.HELD_OUT);
    assertThat(linear.startWeights().asMap()).isEqualTo(Map.of("DECAYED", 1.0));
    assertThat(linear.featureNames())
        .containsExactly(
            "WHOLE",
            "LAST_20",
            "LAST_10",
            "LAST_3",
            "DECAYED",
            "MAX_SIMILARITY",
            "SUPPORT",
            "TRENDING");
    assertThat(LinearScoring.builder().actions(List.of("purchase")).build().featureNames())
        .endsWith("TRENDING", "ACTION_purchase");
  }

  @Test
  void buildNamesTheBadSettingAndItsValue() {
    assertThatThrownBy(() -> LinearScoring.builder().learningRate(0).build())
        .hasMessage("linear scoring: learningRate must be finite and > 0, was 0.0");
    assertThatThrownBy(() -> LinearScoring.builder().learningRate(Double.NaN).build())
        .hasMessage("linear scoring: learningRate must be finite and > 0, was NaN");
    assertThatThrownBy(() -> LinearScoring.builder().regularization(-1).build())
        .hasMessage("linear scoring: regularization must be finite and >= 0, was -1.0");
    assertThatThrownBy(() -> LinearScoring.builder().negatives(0).build())
        .hasMessage("linear scoring: negatives must be > 0, was 0");
    assertThatThrownBy(() -> LinearScoring.builder().keepTop(0).build())
        .hasMessage("linear scoring: keepTop must be > 0, was 0");
    assertThatThrownBy(() -> LinearScoring.builder().keepRandom(-2).build())
        .hasMessage("linear scoring: keepRandom must be >= 0, was -2");
    assertThatThrownBy(() -> LinearScoring.builder().actions(List.of("view", "view")).build())
        .hasMessage("linear scoring: actions must be distinct, was [view, view]");
    assertThatThrownBy(
            () ->
                LinearScoring.builder()
                    .initialWeights(LearnedWeights.of(Map.of("LAST_4", 1.0)))
                    .build())
        .hasMessageStartingWith("linear scoring: initialWeights has unknown feature 'LAST_4'");
  }

  @Test
  void scoringConfigTakesEitherAScorerOrALinearModel() {
    assertThat(ScoringConfig.defaults().linear()).isNull();
    assertThat(ScoringConfig.builder().linear(LinearScoring.builder().build()).build().linear())
        .isNotNull();
    assertThatThrownBy(
            () ->
                ScoringConfig.builder()
                    .scorer(Scorers.max())
                    .linear(LinearScoring.builder().build())
                    .build())
        .hasMessageStartingWith("only one of scorer and linear may be set");
  }
}
