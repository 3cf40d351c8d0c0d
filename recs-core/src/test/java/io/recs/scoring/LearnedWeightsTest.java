package io.recs.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LearnedWeightsTest {

  @Test
  void jsonRoundTrip() {
    Map<String, Double> map = new LinkedHashMap<>();
    map.put("WHOLE", 0.25);
    map.put("LAST_3", -1.5);
    LearnedWeights weights =
        new LearnedWeights(new String[] {"WHOLE", "LAST_3"}, new double[] {0.25, -1.5}, 17);

    String json = weights.toJson();

    assertThat(json).contains("\"updates\" : 17").contains("\"LAST_3\" : -1.5");
    assertThat(LearnedWeights.fromJson(json)).isEqualTo(weights);
    assertThat(LearnedWeights.fromJson(json).asMap()).isEqualTo(map);
  }

  @Test
  void fromJsonNamesWhatIsWrong() {
    assertThatThrownBy(() -> LearnedWeights.fromJson("{\"weights\": {\"WHOLE\": \"x\"}}"))
        .hasMessageContaining("weight of WHOLE must be a number");
    assertThatThrownBy(() -> LearnedWeights.fromJson("{\"updates\": 3}"))
        .hasMessageContaining("no \"weights\" object");
    assertThatThrownBy(() -> LearnedWeights.fromJson("not json"))
        .hasMessageStartingWith("learned weights: not JSON");
  }

  @Test
  void averageIsTheMeanFeatureByFeatureWithAbsentFeaturesAsZero() {
    LearnedWeights a =
        new LearnedWeights(new String[] {"WHOLE", "LAST_3"}, new double[] {1, 2}, 10);
    LearnedWeights b =
        new LearnedWeights(new String[] {"LAST_3", "TRENDING"}, new double[] {4, 6}, 20);

    LearnedWeights mean = LearnedWeights.average(List.of(a, b));

    assertThat(mean.asMap())
        .containsExactly(
            Map.entry("WHOLE", 0.5), Map.entry("LAST_3", 3.0), Map.entry("TRENDING", 3.0));
    assertThat(mean.updates()).isEqualTo(15);
    assertThatThrownBy(() -> LearnedWeights.average(List.of()))
        .hasMessage("average needs at least one copy");
  }

  @Test
  void weightsMustBeFinite() {
    assertThatThrownBy(() -> LearnedWeights.of(Map.of("WHOLE", Double.NaN)))
        .hasMessage("weight of feature WHOLE must be finite, was NaN");
  }
}
