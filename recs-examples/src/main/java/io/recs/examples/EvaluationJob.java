package io.recs.examples;

import io.recs.event.Interaction;
import io.recs.pipeline.RecsPipeline;
import io.recs.scoring.LearnedWeights;
import io.recs.scoring.ScoringConfig;
import io.recs.similarity.SimilarityConfig;
import io.recs.similarity.SimilarityMeasure;
import io.recs.state.PreferenceConfig;
import io.recs.testkit.data.InteractionGenerator;
import io.recs.testkit.metrics.PrequentialEvaluator;
import io.recs.testkit.metrics.PrequentialResult;
import io.recs.testkit.metrics.RankingMetrics;
import io.recs.testkit.metrics.RankingReport;
import io.recs.testkit.metrics.Recommender;
import io.recs.testkit.metrics.Split;
import io.recs.testkit.metrics.Splits;
import io.recs.testkit.reference.ItemCosineRecommender;
import io.recs.testkit.reference.MostPopularRecommender;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.util.ParameterTool;

/**
 * Offline evaluation of the streaming recommender against most-popular and batch item-cosine, and
 * optionally a prequential (test-then-learn) run on a generated set.
 *
 * <pre>
 * java -jar recs-examples.jar evaluation --ratings data/ml-latest-small/ratings.csv
 * java -jar recs-examples.jar evaluation --generated standard --split last --last-n 5
 * java -jar recs-examples.jar evaluation --prequential standard
 * java -jar recs-examples.jar evaluation --learning true --generated drifting
 * </pre>
 *
 * <p>With {@code --ratings}: reads a MovieLens {@code ratings.csv}, splits each user's ratings at
 * random 75/25 ({@code --split random}) or holds out each user's last N ({@code --split last}),
 * runs the pipeline on the training part on a local MiniCluster once per similarity measure, and
 * prints P, R, NDCG, MAP and hit rate at k of each user's final list, next to most-popular and
 * item-cosine trained on the same part. {@code --generated small|standard} does the same on the
 * generator's set instead of a ratings file. With {@code --prequential small|standard}: runs the
 * pipeline on the generator's set with a list after every interaction, and counts an event as a hit
 * when its item was in the list emitted for the user's previous event; most-popular, updated event
 * by event, is the baseline. With {@code --learning true}: learned scoring ({@code LinearScoring})
 * against the grid of fixed scorers it replaces, prequential and on the split (see {@code
 * docs/learning.md}). {@code --help} lists every flag; unset tuning flags keep the library
 * defaults.
 */
@PublicEvolving
public final class EvaluationJob {
  private EvaluationJob() {}

  static Flags flags() {
    return new Flags("evaluation: ranking quality of the streaming recommender")
        .optional("ratings", "", "MovieLens ratings.csv (userId,movieId,rating,timestamp)")
        .optional(
            "generated",
            "",
            "instead of --ratings: the generator's small, standard or drifting set")
        .optional("min-rating", "0", "ratings below this are dropped; 0 keeps all as positives")
        .optional("weight", "rating", "interaction weight: rating or one")
        .optional(
            "split",
            "random",
            "random (per-user, --test-fraction) or last (--last-n); with --learning also none")
        .optional("test-fraction", "0.25", "share of each user's ratings held out (random)")
        .optional("last-n", "5", "ratings held out per user (last)")
        .optional("seed", "42", "random seed of the split and of the generator")
        .optional("k", "10", "list length evaluated")
        .optional("parallelism", "2", "parallelism of the streaming jobs")
        .optional("measures", "COOCCURRENCE,JACCARD,COSINE,LLR,LIFT", "similarity measures")
        .optional("neighbours", "", "SimilarityConfig neighbours")
        .optional("history-size", "", "SimilarityConfig historySize")
        .optional("max-items-per-user", "", "SimilarityConfig maxItemsPerUser")
        .optional("pair-window-items", "", "SimilarityConfig pairWindowItems")
        .optional("max-users-per-item", "", "SimilarityConfig maxUsersPerItem")
        .optional("seed-items", "", "ScoringConfig seedItems")
        .optional("candidates-per-seed", "", "ScoringConfig candidatesPerSeed")
        .optional("half-life-days", "", "PreferenceConfig halfLife in days")
        .optional("replay-rate", "2000", "prequential: events per second replayed; 0: full speed")
        .optional(
            "prequential", "none", "none, small or standard: generator set of a prequential run")
        .optional(
            "learning",
            "false",
            "true: learned scoring against the fixed grid on --ratings or --generated, prequential"
                + " and on the --split")
        .optional("learning-measure", "COSINE", "learning: the similarity measure")
        .optional(
            "learning-seed-items",
            "",
            "learning: seeds (most recent items) per request; default the history size")
        .optional("learning-actions", "", "learning: actions with a per-action feature, a,b,c")
        .optional("horizon", "5", "learning: next events whose items prequential recall counts")
        .optional("learned-weights-in", "", "learning: JSON weights the learned scorer starts from")
        .optional(
            "learned-weights-out", "", "learning: file to write the learned weights to (JSON)");
  }

  /** Runs the evaluation; see {@code --help}. */
  public static void main(String[] args) throws Exception {
    run(args, System.out);
  }

  static void run(String[] args, PrintStream out) throws Exception {
    ParameterTool params = flags().parse(args, out);
    if (params == Flags.HELP) {
      return;
    }
    if (params.has("ratings") && params.has("generated")) {
      throw new IllegalArgumentException("only one of --ratings and --generated may be set");
    }
    if (params.getBoolean("learning")) {
      if (!params.has("ratings") && !params.has("generated")) {
        throw new IllegalArgumentException("--learning needs --ratings or --generated");
      }
      learning(
          params,
          params.has("ratings")
              ? ratings(params)
              : generated(params.get("generated"), params.getLong("seed")),
          out);
    } else if (params.has("ratings")) {
      offline(params, ratings(params), out);
    } else if (params.has("generated")) {
      offline(params, generated(params.get("generated"), params.getLong("seed")), out);
    }
    String prequential = params.get("prequential");
    if (!prequential.equals("none")) {
      prequential(params, prequential, out);
    }
  }

  private static List<Interaction> ratings(ParameterTool params) throws Exception {
    return MovieLensRatings.read(
        Path.of(params.get("ratings")),
        params.getDouble("min-rating"),
        weightIsRating(params.get("weight")));
  }

  private static List<Interaction> generated(String set, long seed) {
    return switch (set) {
      case "small" -> InteractionGenerator.small(seed).generate();
      case "standard" -> InteractionGenerator.standard(seed).generate();
      case "drifting" -> InteractionGenerator.drifting(seed).generate();
      default ->
          throw new IllegalArgumentException(
              "generator set must be small, standard or drifting, was " + set);
    };
  }

  private static void offline(ParameterTool params, List<Interaction> events, PrintStream out)
      throws Exception {
    Split split = split(params, events);
    int k = params.getInt("k");
    out.printf(
        Locale.ROOT,
        "%d events, %d train, %d test, split %s%n%n",
        events.size(),
        split.train().size(),
        split.test().size(),
        params.get("split"));
    out.printf(
        Locale.ROOT,
        "| recommender | P@%1$d | R@%1$d | NDCG@%1$d | MAP@%1$d | HR@%1$d | users | s |%n",
        k);
    out.println("|---|---|---|---|---|---|---|---|");
    for (String name : params.get("measures").split(",")) {
      SimilarityMeasure measure = SimilarityMeasure.valueOf(name.trim());
      RecsPipeline pipeline = pipeline(params, measure, false);
      row(
          out,
          "streaming " + measure,
          () -> StreamingRuns.finalLists(pipeline, split.train(), params.getInt("parallelism")),
          split,
          k);
    }
    row(out, "most-popular", () -> MostPopularRecommender.trainedOn(split.train()), split, k);
    row(out, "item-cosine (batch)", () -> ItemCosineRecommender.trainedOn(split.train()), split, k);
  }

  /** Learned scoring against the fixed grid: prequential, then on the offline split. */
  private static void learning(ParameterTool params, List<Interaction> input, PrintStream out)
      throws Exception {
    List<Interaction> events = LearningEvaluation.distinctTimesPerUser(input);
    int k = params.getInt("k");
    int parallelism = params.getInt("parallelism");
    long rate = params.getLong("replay-rate");
    int horizon = params.getInt("horizon");
    SimilarityConfig similarity =
        similarity(params, SimilarityMeasure.valueOf(params.get("learning-measure")), true);
    int seedItems =
        params.has("learning-seed-items")
            ? params.getInt("learning-seed-items")
            : similarity.historySize();
    int candidatesPerSeed =
        params.has("candidates-per-seed") ? params.getInt("candidates-per-seed") : 20;
    List<LearningEvaluation.Variant> variants =
        LearningEvaluation.variants(
            k,
            seedItems,
            candidatesPerSeed,
            params.has("learning-actions")
                ? List.of(params.get("learning-actions").split(","))
                : List.of(),
            params.has("learned-weights-in")
                ? LearnedWeights.fromJson(
                    java.nio.file.Files.readString(Path.of(params.get("learned-weights-in"))))
                : null);
    out.printf(
        Locale.ROOT,
        "learned scoring vs fixed grid: %d events, %s, %d seeds x %d candidates, parallelism %d,"
            + " replayed at %d/s%n%nprequential (recall over the next %d events)%n%n",
        events.size(),
        similarity.measure(),
        seedItems,
        candidatesPerSeed,
        parallelism,
        rate,
        horizon);
    out.printf(Locale.ROOT, "| scorer | HR@%1$d | R@%1$d | hits | s |%n|---|---|---|---|---|%n", k);
    LearnedWeights learned = null;
    for (LearningEvaluation.Variant variant : variants) {
      long start = System.nanoTime();
      LearningEvaluation.Prequential result =
          LearningEvaluation.prequential(
              variant, similarity, events, parallelism, k, horizon, rate);
      out.printf(
          Locale.ROOT,
          "| %s | %.4f | %.4f | %d | %.0f |%n",
          result.name(),
          result.hitRate(),
          result.recall(),
          result.hits(),
          (System.nanoTime() - start) / 1e9);
      out.flush();
      if (result.weights() != null) {
        learned = result.weights();
      }
    }
    if (learned != null) {
      out.printf(
          Locale.ROOT,
          "%nlearned weights (prequential run, mean of subtasks):%n%s%n",
          learned.toJson());
      if (params.has("learned-weights-out")) {
        java.nio.file.Files.writeString(
            Path.of(params.get("learned-weights-out")), learned.toJson());
        out.println("written to " + params.get("learned-weights-out"));
      }
    }
    if (params.get("split").equals("none")) {
      return;
    }
    Split split = split(params, events);
    out.printf(
        Locale.ROOT,
        "%n%s split: %d train, %d test, lists after every training event at %d/s, final lists"
            + " evaluated%n%n",
        params.get("split"),
        split.train().size(),
        split.test().size(),
        rate);
    out.printf(
        Locale.ROOT,
        "| scorer | P@%1$d | R@%1$d | NDCG@%1$d | MAP@%1$d | HR@%1$d | users | s |%n",
        k);
    out.println("|---|---|---|---|---|---|---|---|");
    for (LearningEvaluation.Variant variant : variants) {
      long start = System.nanoTime();
      RankingReport r =
          LearningEvaluation.randomSplit(variant, similarity, split, parallelism, k, rate);
      print(out, variant.name(), r, start);
    }
  }

  private static Split split(ParameterTool params, List<Interaction> events) {
    return switch (params.get("split")) {
      case "random" ->
          Splits.randomPerUser(events, params.getDouble("test-fraction"), params.getLong("seed"));
      case "last" -> Splits.lastNPerUser(events, params.getInt("last-n"));
      default ->
          throw new IllegalArgumentException(
              "--split must be random or last, was " + params.get("split"));
    };
  }

  private static void row(
      PrintStream out, String name, Callable<Recommender> train, Split split, int k)
      throws Exception {
    long start = System.nanoTime();
    print(out, name, RankingMetrics.evaluate(train.call(), split.test(), k), start);
  }

  private static void print(PrintStream out, String name, RankingReport r, long start) {
    out.printf(
        Locale.ROOT,
        "| %s | %.4f | %.4f | %.4f | %.4f | %.4f | %d | %.0f |%n",
        name,
        r.precision(),
        r.recall(),
        r.ndcg(),
        r.map(),
        r.hitRate(),
        r.users(),
        (System.nanoTime() - start) / 1e9);
    out.flush();
  }

  private static void prequential(ParameterTool params, String set, PrintStream out)
      throws Exception {
    List<Interaction> events = generated(set, params.getLong("seed"));
    int k = params.getInt("k");
    int parallelism = params.getInt("parallelism");
    long rate = params.getLong("replay-rate");
    out.printf(
        Locale.ROOT,
        "%nprequential on the generator's %s set, %d events, replayed at %d/s%n%n",
        set,
        events.size(),
        rate);
    out.printf(Locale.ROOT, "| recommender | HR@%d | hits |%n|---|---|---|%n", k);
    RecsPipeline whole = pipeline(params, SimilarityMeasure.COSINE, true);
    prequentialRow(
        out,
        "streaming, configured seeds",
        StreamingRuns.prequential(whole, events, parallelism, k, rate));
    RecsPipeline recent = recentPipeline(params);
    prequentialRow(
        out,
        "streaming, 10 most recent items (seedItems 10, half-life 1 h)",
        StreamingRuns.prequential(recent, events, parallelism, k, rate));
    prequentialRow(
        out,
        "most-popular, incremental",
        PrequentialEvaluator.evaluate(events, MostPopularRecommender.empty(), k));
  }

  private static void prequentialRow(PrintStream out, String name, PrequentialResult result) {
    out.printf(
        Locale.ROOT,
        "| %s | %.4f | %d / %d |%n",
        name,
        result.hitRate(),
        result.hits(),
        result.requests());
    out.flush();
  }

  /** The pipeline of the flags, with the measure; lists after every interaction if asked. */
  static RecsPipeline pipeline(ParameterTool params, SimilarityMeasure measure, boolean perEvent) {
    SimilarityConfig similarity = similarity(params, measure, perEvent);
    ScoringConfig.Builder scoring =
        ScoringConfig.builder().n(params.getInt("k")).triggerOnInteraction(perEvent);
    if (params.has("seed-items")) {
      scoring.seedItems(params.getInt("seed-items"));
    }
    if (params.has("candidates-per-seed")) {
      scoring.candidatesPerSeed(params.getInt("candidates-per-seed"));
    }
    PreferenceConfig.Builder preferences = PreferenceConfig.builder();
    if (params.has("half-life-days")) {
      preferences.halfLife(Duration.ofDays(params.getLong("half-life-days")));
    }
    return RecsPipeline.builder()
        .similarity(similarity)
        .scoring(scoring.build())
        .preferences(preferences.build())
        .build();
  }

  /** The similarity settings of the flags, with the measure. */
  static SimilarityConfig similarity(
      ParameterTool params, SimilarityMeasure measure, boolean perEvent) {
    SimilarityConfig.Builder similarity =
        SimilarityConfig.builder()
            .measure(measure)
            // Thins intermediate neighbour lists only: the input has no watermarks.
            .emitInterval(perEvent ? Duration.ZERO : Duration.ofDays(1));
    if (params.has("neighbours")) {
      similarity.neighbours(params.getInt("neighbours"));
    }
    if (params.has("history-size")) {
      similarity.historySize(params.getInt("history-size"));
    }
    if (params.has("max-items-per-user")) {
      similarity.maxItemsPerUser(params.getInt("max-items-per-user"));
    }
    if (params.has("pair-window-items")) {
      similarity.pairWindowItems(params.getInt("pair-window-items"));
    }
    if (params.has("max-users-per-item")) {
      similarity.maxUsersPerItem(params.getInt("max-users-per-item"));
    }
    return similarity.build();
  }

  private static RecsPipeline recentPipeline(ParameterTool params) {
    RecsPipeline configured = pipeline(params, SimilarityMeasure.COSINE, true);
    return RecsPipeline.builder()
        .similarity(configured.similarity())
        .scoring(ScoringConfig.builder().n(params.getInt("k")).seedItems(10).build())
        .preferences(PreferenceConfig.builder().halfLife(Duration.ofHours(1)).build())
        .build();
  }

  private static boolean weightIsRating(String weight) {
    return switch (weight) {
      case "rating" -> true;
      case "one" -> false;
      default ->
          throw new IllegalArgumentException("--weight must be rating or one, was " + weight);
    };
  }
}
