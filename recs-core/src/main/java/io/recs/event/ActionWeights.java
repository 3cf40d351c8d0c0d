package io.recs.event;

import io.recs.config.BuilderChecks;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.apache.flink.annotation.PublicEvolving;

/**
 * Maps action names to preference weights.
 *
 * <pre>{@code
 * ActionWeights weights = ActionWeights.builder()
 *     .weight("share", 4.0)            // a user-defined action
 *     .unknownActionWeight(0.5)        // instead of rejecting unknown actions
 *     .build();
 * }</pre>
 *
 * <p>Defaults: {@code view}=1, {@code click}=2, {@code cart}=4, {@code purchase}=8, {@code
 * rating}=1 (a rating event normally carries its own weight, the rating). Names are matched
 * case-insensitively. Unknown actions are rejected unless {@link
 * Builder#unknownActionWeight(double)} is set.
 */
@PublicEvolving
public final class ActionWeights implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The default action names. */
  public static final String VIEW = "view", CLICK = "click", CART = "cart", PURCHASE = "purchase";

  /** The action of rating events. */
  public static final String RATING = "rating";

  private final Map<String, Double> weights;
  private final double unknownActionWeight; // NaN: reject unknown actions

  private ActionWeights(Map<String, Double> weights, double unknownActionWeight) {
    this.weights = Map.copyOf(weights);
    this.unknownActionWeight = unknownActionWeight;
  }

  /** The defaults: see the class comment. */
  public static ActionWeights defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The weight of an action, or empty when the action is unknown and unknown actions are rejected.
   */
  public OptionalDouble weightOf(String action) {
    Double w = weights.get(normalize(action));
    if (w != null) {
      return OptionalDouble.of(w);
    }
    return Double.isNaN(unknownActionWeight)
        ? OptionalDouble.empty()
        : OptionalDouble.of(unknownActionWeight);
  }

  /** Whether the action is configured (not just accepted through the unknown-action weight). */
  public boolean isKnown(String action) {
    return weights.containsKey(normalize(action));
  }

  /** The canonical form of an action name: trimmed and lower case. */
  public static String normalize(String action) {
    return action.trim().toLowerCase(Locale.ROOT);
  }

  /** The configured actions and their weights. */
  public Map<String, Double> weights() {
    return weights;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ActionWeights other
        && weights.equals(other.weights)
        && Double.compare(unknownActionWeight, other.unknownActionWeight) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(weights, unknownActionWeight);
  }

  @Override
  public String toString() {
    return "ActionWeights"
        + weights
        + (Double.isNaN(unknownActionWeight) ? "" : " unknown=" + unknownActionWeight);
  }

  /** Builds {@link ActionWeights}; see {@link ActionWeights#builder()}. */
  public static final class Builder {
    private final Map<String, Double> weights = new HashMap<>();
    private final BuilderChecks.Assigned assigned = new BuilderChecks.Assigned();
    private double unknownActionWeight = Double.NaN;

    private Builder() {
      weights.put(VIEW, 1.0);
      weights.put(CLICK, 2.0);
      weights.put(CART, 4.0);
      weights.put(PURCHASE, 8.0);
      weights.put(RATING, 1.0);
    }

    /** Sets the weight of an action, replacing a default; finite and not negative. */
    public Builder weight(String action, double weight) {
      Objects.requireNonNull(action, "action");
      if (action.isBlank()) {
        throw new IllegalArgumentException("action must not be blank");
      }
      if (!Double.isFinite(weight) || weight < 0) {
        throw new IllegalArgumentException(
            "weight of action '" + action + "' must be finite and >= 0, was " + weight);
      }
      weights.put(normalize(action), weight);
      return this;
    }

    /** Accepts unknown actions with this weight instead of rejecting them. May be set once. */
    public Builder unknownActionWeight(double weight) {
      if (!Double.isFinite(weight) || weight < 0) {
        throw new IllegalArgumentException(
            "unknownActionWeight must be finite and >= 0, was " + weight);
      }
      unknownActionWeight = assigned.once("unknownActionWeight", weight);
      return this;
    }

    /** The configured weights. */
    public ActionWeights build() {
      return new ActionWeights(weights, unknownActionWeight);
    }
  }
}
