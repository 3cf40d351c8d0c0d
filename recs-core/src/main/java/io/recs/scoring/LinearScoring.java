package io.recs.scoring;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.flink.annotation.PublicEvolving;

/**
 * Scores candidates with a linear model over {@link RankingFeature ranking features}, learned
 * online from the stream with pairwise (BPR) updates, or fixed.
 *
 * <pre>{@code
 * ScoringConfig scoring = ScoringConfig.builder()
 *     .linear(LinearScoring.builder().learningRate(0.05).build())
 *     .build();
 * RequestConfig requests = RequestConfig.builder()
 *     .seedItems(100)   // features see the last 100 items
 *     .build();
 * }</pre>
 *
 * <p>score(c) = Σ_f θ_f · x_f(c), where x(c) are the candidate's features (each scaled by its
 * largest value in the request) and θ the weights. <b>Learning</b> (Rendle et al., "BPR: Bayesian
 * Personalized Ranking from Implicit Feedback", UAI 2009): the ranking stage keeps, per user, the
 * features of the last request's top {@link #keepTop()} allowed candidates and of {@link
 * #keepRandom()} more drawn at random from the rest. When the user's next interaction arrives and
 * its item is among them, it is the positive p, and {@link #negatives()} of the others, drawn half
 * from the top ones and half from the random ones, are negatives n; for each pair, θ ← θ + η (σ(−θ
 * · (x_p − x_n)) (x_p − x_n) − λ θ). That is the default {@link LearningSignal#NEXT_EVENT} signal,
 * for next-item lists. With {@link LearningSignal#HELD_OUT}, for taste-style lists, the positive is
 * instead one of the request's seeds drawn at random and held out, and every candidate's features
 * are those without it (so it is scored from the rest of the history); the negatives are drawn from
 * the same candidates, and the steps are made at once, with no keyed state. Each ranking subtask
 * learns from its own users; its weights are operator state, and a restored subtask starts from the
 * average of all restored copies (see {@code docs/learning.md}). Without learning ({@link
 * Builder#learning(boolean) learning(false)}) the weights stay as given: a pre-trained model, or a
 * fixed scorer such as {@link LearnedWeights#only(RankingFeature)}.
 *
 * <p>Seeds are then the user's most recent {@code RequestConfig.seedItems} history items (not those
 * of highest affinity), so that the window features are exact; set {@code seedItems} to the history
 * size for {@link RankingFeature#WHOLE} to cover the whole bounded history.
 */
@PublicEvolving
public final class LinearScoring implements Serializable {
  private static final long serialVersionUID = 1L;

  private final boolean learning;
  private final double learningRate;
  private final double regularization;
  private final int negatives;
  private final int keepTop;
  private final int keepRandom;
  private final long seed;
  private final List<String> actions;
  private final LearnedWeights initialWeights;
  private final LearningSignal signal;

  private LinearScoring(Builder b) {
    learning = b.learning;
    learningRate = b.learningRate;
    regularization = b.regularization;
    negatives = b.negatives;
    keepTop = b.keepTop;
    keepRandom = b.keepRandom;
    seed = b.seed;
    actions = List.copyOf(b.actions);
    initialWeights = b.initialWeights;
    signal = b.signal;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A fixed (not learning) model with the given weights. */
  public static LinearScoring fixed(LearnedWeights weights) {
    return builder().learning(false).initialWeights(weights).build();
  }

  /** Whether weights are learned from the stream. Default true. */
  public boolean learning() {
    return learning;
  }

  /** η, the step size of the pairwise updates. Default 0.05. */
  public double learningRate() {
    return learningRate;
  }

  /** λ, the L2 regularization of the pairwise updates. Default 0.0001. */
  public double regularization() {
    return regularization;
  }

  /** Negatives drawn per positive. Default 10. */
  public int negatives() {
    return negatives;
  }

  /** Top candidates of a user's last request whose features are kept for learning. Default 50. */
  public int keepTop() {
    return keepTop;
  }

  /** Further candidates, drawn at random from the rest, kept for learning. Default 20. */
  public int keepRandom() {
    return keepRandom;
  }

  /** Seed of the random draws of each subtask (plus its index). Default 42. */
  public long seed() {
    return seed;
  }

  /** Actions that get a per-action feature {@code ACTION_<action>}. Default none. */
  public List<String> actions() {
    return actions;
  }

  /**
   * The weights a job starts from when it restores none, or null (default) for {@link
   * RankingFeature#DECAYED} 1 and the rest 0: the default {@link Scorers#sum()} scorer.
   */
  public LearnedWeights initialWeights() {
    return initialWeights;
  }

  /**
   * What the model learns from: the user's next interaction ({@link LearningSignal#NEXT_EVENT},
   * default, for next-item lists) or an item of the user's history held out and scored from the
   * rest ({@link LearningSignal#HELD_OUT}, for taste-style lists).
   */
  public LearningSignal signal() {
    return signal;
  }

  /** The names of the features, in model order: {@link RankingFeature}s, then the actions'. */
  List<String> featureNames() {
    List<String> names = new ArrayList<>();
    for (RankingFeature feature : RankingFeature.values()) {
      names.add(feature.name());
    }
    actions.forEach(action -> names.add(RankingFeature.ACTION_PREFIX + action));
    return names;
  }

  /** The weights to start from when none are restored. */
  LearnedWeights startWeights() {
    return initialWeights != null ? initialWeights : LearnedWeights.only(RankingFeature.DECAYED);
  }

  /** Builds a {@link LinearScoring}; {@link #build()} checks the settings. */
  public static final class Builder {
    private boolean learning = true;
    private double learningRate = 0.05;
    private double regularization = 1e-4;
    private int negatives = 10;
    private int keepTop = 50;
    private int keepRandom = 20;
    private long seed = 42;
    private List<String> actions = List.of();
    private LearnedWeights initialWeights;
    private LearningSignal signal = LearningSignal.NEXT_EVENT;

    private Builder() {}

    /** See {@link LinearScoring#learning()}. */
    public Builder learning(boolean learning) {
      this.learning = learning;
      return this;
    }

    /** See {@link LinearScoring#learningRate()}. */
    public Builder learningRate(double learningRate) {
      this.learningRate = learningRate;
      return this;
    }

    /** See {@link LinearScoring#regularization()}. */
    public Builder regularization(double regularization) {
      this.regularization = regularization;
      return this;
    }

    /** See {@link LinearScoring#negatives()}. */
    public Builder negatives(int negatives) {
      this.negatives = negatives;
      return this;
    }

    /** See {@link LinearScoring#keepTop()}. */
    public Builder keepTop(int keepTop) {
      this.keepTop = keepTop;
      return this;
    }

    /** See {@link LinearScoring#keepRandom()}. */
    public Builder keepRandom(int keepRandom) {
      this.keepRandom = keepRandom;
      return this;
    }

    /** See {@link LinearScoring#seed()}. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** See {@link LinearScoring#actions()}. */
    public Builder actions(List<String> actions) {
      this.actions = new ArrayList<>(Objects.requireNonNull(actions, "actions"));
      return this;
    }

    /** See {@link LinearScoring#initialWeights()}. */
    public Builder initialWeights(LearnedWeights initialWeights) {
      this.initialWeights = initialWeights;
      return this;
    }

    /** See {@link LinearScoring#signal()}. */
    public Builder signal(LearningSignal signal) {
      this.signal = Objects.requireNonNull(signal, "signal");
      return this;
    }

    /**
     * Checks the settings.
     *
     * @throws IllegalArgumentException naming the first setting out of range, with its value
     */
    public LinearScoring build() {
      if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
        throw new IllegalArgumentException(
            "linear scoring: learningRate must be finite and > 0, was " + learningRate);
      }
      if (!(regularization >= 0) || Double.isInfinite(regularization)) {
        throw new IllegalArgumentException(
            "linear scoring: regularization must be finite and >= 0, was " + regularization);
      }
      if (negatives <= 0) {
        throw new IllegalArgumentException(
            "linear scoring: negatives must be > 0, was " + negatives);
      }
      if (keepTop <= 0) {
        throw new IllegalArgumentException("linear scoring: keepTop must be > 0, was " + keepTop);
      }
      if (keepRandom < 0) {
        throw new IllegalArgumentException(
            "linear scoring: keepRandom must be >= 0, was " + keepRandom);
      }
      for (String action : actions) {
        if (action == null || action.isEmpty()) {
          throw new IllegalArgumentException(
              "linear scoring: actions must not contain an empty action, was " + actions);
        }
      }
      if (actions.stream().distinct().count() != actions.size()) {
        throw new IllegalArgumentException(
            "linear scoring: actions must be distinct, was " + actions);
      }
      if (initialWeights != null) {
        List<String> known = new Builder().actions(actions).buildUnchecked().featureNames();
        for (String feature : initialWeights.features()) {
          if (!known.contains(feature)) {
            throw new IllegalArgumentException(
                "linear scoring: initialWeights has unknown feature '"
                    + feature
                    + "'; known: "
                    + known);
          }
        }
      }
      return new LinearScoring(this);
    }

    private LinearScoring buildUnchecked() {
      return new LinearScoring(this);
    }
  }
}
