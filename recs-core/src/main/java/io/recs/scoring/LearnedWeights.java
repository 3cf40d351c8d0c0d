package io.recs.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.annotation.PublicEvolving;

/**
 * The weights of a {@link LinearScoring} model by feature name, and the number of pairwise updates
 * that produced them.
 *
 * <pre>{@code
 * String json = LearnedWeights.average(pretrainedCopies).toJson();
 * LinearScoring serving =
 *     LinearScoring.builder().initialWeights(LearnedWeights.fromJson(json)).build();
 * }</pre>
 *
 * <p>The JSON form is {@code {"updates": 1234, "weights": {"WHOLE": 0.4, "LAST_3": 1.2}}}. Feature
 * names are those of {@link RankingFeature} and {@code ACTION_<action>}.
 *
 * @param features feature names, distinct
 * @param weights the weight of each feature, parallel to {@code features}, finite
 * @param updates pairwise updates made (for an average: the mean over the copies)
 */
@PublicEvolving
public record LearnedWeights(String[] features, double[] weights, long updates)
    implements Serializable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Checks the arguments. */
  public LearnedWeights {
    if (features == null || weights == null || features.length != weights.length) {
      throw new IllegalArgumentException("features and weights must be parallel arrays");
    }
    for (int f = 0; f < weights.length; f++) {
      if (features[f] == null || !Double.isFinite(weights[f])) {
        throw new IllegalArgumentException(
            "weight of feature " + features[f] + " must be finite, was " + weights[f]);
      }
    }
    if (updates < 0) {
      throw new IllegalArgumentException("updates must be >= 0, was " + updates);
    }
  }

  /** Weights from a map, feature name to weight, with no updates. */
  public static LearnedWeights of(Map<String, Double> weights) {
    String[] names = weights.keySet().toArray(new String[0]);
    double[] values = new double[names.length];
    for (int f = 0; f < names.length; f++) {
      values[f] = weights.get(names[f]);
    }
    return new LearnedWeights(names, values, 0);
  }

  /** One feature with weight 1: the fixed scorer that ranks by that feature alone. */
  public static LearnedWeights only(RankingFeature feature) {
    return new LearnedWeights(new String[] {feature.name()}, new double[] {1.0}, 0);
  }

  /** The weights as an ordered map, feature name to weight. */
  public Map<String, Double> asMap() {
    Map<String, Double> map = new LinkedHashMap<>();
    for (int f = 0; f < features.length; f++) {
      map.put(features[f], weights[f]);
    }
    return map;
  }

  /** The weight of a feature, 0 when absent. */
  public double weightOf(String feature) {
    for (int f = 0; f < features.length; f++) {
      if (features[f].equals(feature)) {
        return weights[f];
      }
    }
    return 0;
  }

  /**
   * The mean of several copies, feature by feature (a feature absent from a copy counts as 0
   * there), with the mean of their update counts: the rule by which a restored job merges the
   * copies of its ranking subtasks.
   *
   * @param copies at least one
   */
  public static LearnedWeights average(List<LearnedWeights> copies) {
    if (copies.isEmpty()) {
      throw new IllegalArgumentException("average needs at least one copy");
    }
    Map<String, Double> sum = new LinkedHashMap<>();
    long updates = 0;
    for (LearnedWeights copy : copies) {
      copy.asMap().forEach((name, weight) -> sum.merge(name, weight, Double::sum));
      updates += copy.updates;
    }
    sum.replaceAll((name, total) -> total / copies.size());
    LearnedWeights mean = of(sum);
    return new LearnedWeights(mean.features, mean.weights, updates / copies.size());
  }

  /** This as JSON. */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("updates", updates);
    ObjectNode values = root.putObject("weights");
    for (int f = 0; f < features.length; f++) {
      values.put(features[f], weights[f]);
    }
    return root.toPrettyString();
  }

  /**
   * Weights from their JSON form.
   *
   * @throws IllegalArgumentException if the text is not that form, naming what is wrong
   */
  public static LearnedWeights fromJson(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("learned weights: not JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.path("weights").isObject()) {
      throw new IllegalArgumentException("learned weights: no \"weights\" object in " + json);
    }
    Map<String, Double> weights = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = root.get("weights").fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (!field.getValue().isNumber()) {
        throw new IllegalArgumentException(
            "learned weights: weight of "
                + field.getKey()
                + " must be a number, was "
                + field.getValue());
      }
      weights.put(field.getKey(), field.getValue().doubleValue());
    }
    LearnedWeights parsed = of(weights);
    return new LearnedWeights(parsed.features, parsed.weights, root.path("updates").asLong(0));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LearnedWeights that
        && Arrays.equals(features, that.features)
        && Arrays.equals(weights, that.weights)
        && updates == that.updates;
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(features) + Arrays.hashCode(weights))
        + Long.hashCode(updates);
  }

  @Override
  public String toString() {
    return "LearnedWeights" + asMap() + " after " + updates + " updates";
  }
}
