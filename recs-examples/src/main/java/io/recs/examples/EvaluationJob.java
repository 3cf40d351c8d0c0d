package io.recs.examples;

import io.recs.config.Checks;
import io.recs.config.RecsOption;
import io.recs.config.RecsSettings;
import io.recs.event.Interaction;
import io.recs.pipeline.RecsPipeline;
import io.recs.scoring.LearnedWeights;
import io.recs.scoring.ScoringOptions;
import io.recs.similarity.SimilarityConfig;
import io.recs.similarity.SimilarityMeasure;
import io.recs.similarity.SimilarityOptions;
import io.recs.state.PreferenceOptions;
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

/**
 * Offline evaluation of the streaming recommender against most-popular and batch item-cosine, and
 * optionally a prequential (test-then-learn) run on a generated set.
 *
 * <pre>
 * java -jar recs-examples.jar evaluation --input data/ml-latest-small/ratings.csv
 * java -jar recs-examples.jar evaluation --generated standard --split last --last-n 5
 * java -jar recs-examples.jar evaluation --prequential standard
 * java -jar recs-examples.jar evaluation --learning true --generated drifting
 * </pre>
 *
 * <p>With {@code --input}: reads a MovieLens {@code ratings.csv}, splits each user's ratings at
 * random 75/25 ({@code --split random}) or holds out each user's last N ({@code --split last}),
 * runs the pipeline on the training part on a local MiniCluster once per similarity measure, and
 * prints P, R, NDCG, MAP and hit rate at k of each user's final list, next to most-popular and
 * item-cosine trained on the same part. {@code --generated small|standard} does the same on the
 * generator's set instead of a ratings file. The list length evaluated (k) is {@code --n}. With
 * {@code --prequential small|standard}: runs the pipeline on the generator's set with a list after
 * every interaction, and counts an event as a hit when its item was in the list emitted for the
 * user's previous event; most-popular, updated event by event, is the baseline. With {@code
 * --learning true}: learned scoring ({@code LinearScoring}) against the grid of fixed scorers it
 * replaces, prequential and on the split (see {@code docs/learning.md}). {@code --help} lists every
 * flag; unset tuning flags keep the library defaults.
 */
@PublicEvolving
public final class EvaluationJob {
  private EvaluationJob() {}

  /** How a rating becomes an interaction's weight. */
  enum RatingWeight {
    RATING,
    ONE
  }

  static final RecsOption<String> INPUT =
      RecsOption.key("evaluation.input")
          .flag("input")
          .stringType()
          .check(Checks.notBlank())
          .description("A MovieLens ratings.csv (userId,movieId,rating,timestamp) to evaluate on.");

  static final RecsOption<String> GENERATED =
      RecsOption.key("evaluation.generated")
          .flag("generated")
          .stringType()
          .check(InputOptions.oneOf(List.of("small", "standard", "drifting")))
          .description("Instead of --input: the generator's small, standard or drifting set.");

  static final RecsOption<Double> MIN_RATING =
      RecsOption.key("evaluation.min-rating")
          .flag("min-rating")
          .doubleType()
          .defaultValue(0.0)
          .check(Checks.atLeast(0))
          .description("Ratings below this are dropped; 0 keeps all as positives.");

  static final RecsOption<RatingWeight> WEIGHT =
      RecsOption.key("evaluation.weight")
          .flag("weight")
          .enumType(RatingWeight.class)
          .defaultValue(RatingWeight.RATING)
          .description("Interaction weight of a rating: the rating, or one.");

  static final RecsOption<String> SPLIT =
      RecsOption.key("evaluation.split")
          .flag("split")
          .stringType()
          .defaultValue("random")
          .check(InputOptions.oneOf(List.of("random", "last", "none")))
          .description(
              "random (per user, --test-fraction) or last (--last-n); none skips the split with"
                  + " --learning.");

  static final RecsOption<Double> TEST_FRACTION =
      RecsOption.key("evaluation.test-fraction")
          .flag("test-fraction")
          .doubleType()
          .defaultValue(0.25)
          .check(Checks.between(0, 1))
          .description("Share of each user's ratings held out (random split).");

  static final RecsOption<Integer> LAST_N =
      RecsOption.key("evaluation.last-n")
          .flag("last-n")
          .intType()
          .defaultValue(5)
          .check(Checks.positive())
          .description("Ratings held out per user (last split).");

  static final RecsOption<Long> SEED =
      RecsOption.key("evaluation.seed")
          .flag("seed")
          .longType()
          .defaultValue(42L)
          .description("Random seed of the split and of the generator.");

  static final RecsOption<Integer> PARALLELISM =
      RecsOption.key("evaluation.parallelism")
          .flag("parallelism")
          .intType()
          .defaultValue(2)
          .check(Checks.positive())
          .description("Parallelism of the streaming runs.");

  static final RecsOption<List<String>> MEASURES =
      RecsOption.key("evaluation.measures")
          .flag("measures")
          .listType()
          .defaultValue(List.of("cooccurrence", "jaccard", "cosine", "llr", "lift"))
          .check(JobOptions.oneOfEach(SimilarityMeasure.class))
          .description(
              "Similarity measures evaluated, one streaming run each (instead of --measure).");

  static final RecsOption<Long> REPLAY_RATE =
      RecsOption.key("evaluation.replay-rate")
          .flag("replay-rate")
          .longType()
          .defaultValue(2000L)
          .check(Checks.atLeast(0))
          .description("Prequential and learning runs: events per second replayed; 0: full speed.");

  static final RecsOption<String> PREQUENTIAL =
      RecsOption.key("evaluation.prequential")
          .flag("prequential")
          .stringType()
          .defaultValue("none")
          .check(InputOptions.oneOf(List.of("none", "small", "standard")))
          .description("none, small or standard: the generator set of a prequential run.");

  static final RecsOption<Boolean> LEARNING =
      RecsOption.key("evaluation.learning")
          .flag("learning")
          .booleanType()
          .defaultValue(false)
          .description(
              "Learned scoring against the fixed grid on --input or --generated, prequential and on"
                  + " the --split.");

  static final RecsOption<SimilarityMeasure> LEARNING_MEASURE =
      RecsOption.key("evaluation.learning-measure")
          .flag("learning-measure")
          .enumType(SimilarityMeasure.class)
          .defaultValue(SimilarityMeasure.COSINE)
          .description("Learning: the similarity measure.");

  static final RecsOption<Integer> LEARNING_SEED_ITEMS =
      RecsOption.key("evaluation.learning-seed-items")
          .flag("learning-seed-items")
          .intType()
          .check(Checks.positive())
          .description("Learning: seeds (most recent items) per request; unset: the history size.");

  static final RecsOption<List<String>> LEARNING_ACTIONS =
      RecsOption.key("evaluation.learning-actions")
          .flag("learning-actions")
          .listType()
          .defaultValue(List.of())
          .description("Learning: actions with a per-action feature.");

  static final RecsOption<Integer> HORIZON =
      RecsOption.key("evaluation.horizon")
          .flag("horizon")
          .intType()
          .defaultValue(5)
          .check(Checks.positive())
          .description("Learning: next events whose items prequential recall counts.");

  static final RecsOption<String> LEARNED_WEIGHTS_IN =
      RecsOption.key("evaluation.learned-weights-in")
          .flag("learned-weights-in")
          .stringType()
          .check(Checks.notBlank())
          .description("Learning: JSON weights the learned scorer starts from.");

  static final RecsOption<String> LEARNED_WEIGHTS_OUT =
      RecsOption.key("evaluation.learned-weights-out")
          .flag("learned-weights-out")
          .stringType()
          .check(Checks.notBlank())
          .description("Learning: file to write the learned weights to (JSON).");

  static final List<OptionSection> SECTIONS =
      OptionSection.concat(
          List.of(
              new OptionSection(
                  "Evaluation",
                  List.of(
                      INPUT,
                      GENERATED,
                      MIN_RATING,
                      WEIGHT,
                      SPLIT,
                      TEST_FRACTION,
                      LAST_N,
                      SEED,
                      PARALLELISM,
                      MEASURES,
                      REPLAY_RATE,
                      PREQUENTIAL,
                      LEARNING,
                      LEARNING_MEASURE,
                      LEARNING_SEED_ITEMS,
                      LEARNING_ACTIONS,
                      HORIZON,
                      LEARNED_WEIGHTS_IN,
                      LEARNED_WEIGHTS_OUT))),
          OptionSection.PIPELINE);

  /** Runs the evaluation; see {@code --help}. */
  public static void main(String[] args) throws Exception {
    Main.exit(Main.run(RunJob.prepend("evaluation", args), System.out, System.err));
  }

  static int run(String[] args, PrintStream out) throws Exception {
    CommandLine.Invocation invocation =
        new CommandLine(
                "evaluation: ranking quality of the streaming recommender; the list length"
                    + " evaluated is --n",
                SECTIONS)
            .parse(args, out);
    if (invocation.done()) {
      return 0;
    }
    RecsSettings params = invocation.settings();
    if (params.isSet(SimilarityOptions.MEASURE)) {
      throw new BadSettingException(
          SimilarityOptions.MEASURE.name()
              + " does not apply to evaluation; use "
              + MEASURES.name());
    }
    if (params.get(INPUT) != null && params.get(GENERATED) != null) {
      throw new BadSettingException(
          "only one of " + INPUT.name() + " and " + GENERATED.name() + " may be set");
    }
    if (params.get(LEARNING)) {
      if (params.get(INPUT) == null && params.get(GENERATED) == null) {
        throw new BadSettingException(
            LEARNING.name() + " needs " + INPUT.name() + " or " + GENERATED.name());
      }
      learning(
          params,
          params.get(INPUT) != null
              ? ratings(params)
              : generated(params.get(GENERATED), params.get(SEED)),
          out);
    } else if (params.get(INPUT) != null) {
      offline(params, ratings(params), out);
    } else if (params.get(GENERATED) != null) {
      offline(params, generated(params.get(GENERATED), params.get(SEED)), out);
    }
    String prequential = params.get(PREQUENTIAL);
    if (!prequential.equals("none")) {
      prequential(params, prequential, out);
    }
    return 0;
  }

  private static List<Interaction> ratings(RecsSettings params) throws Exception {
    return MovieLensRatings.read(
        Path.of(params.get(INPUT)),
        params.get(MIN_RATING),
        params.get(WEIGHT) == RatingWeight.RATING);
  }

  private static List<Interaction> generated(String set, long seed) {
    return switch (set) {
      case "small" -> InteractionGenerator.small(seed).generate();
      case "standard" -> InteractionGenerator.standard(seed).generate();
      case "drifting" -> InteractionGenerator.drifting(seed).generate();
      default -> throw new IllegalStateException(set);
    };
  }

  private static void offline(RecsSettings params, List<Interaction> events, PrintStream out)
      throws Exception {
    Split split = split(params, events);
    int k = params.get(ScoringOptions.N);
    out.printf(
        Locale.ROOT,
        "%d events, %d train, %d test, split %s%n%n",
        events.size(),
        split.train().size(),
        split.test().size(),
        params.get(SPLIT));
    out.printf(
        Locale.ROOT,
        "| recommender | P@%1$d | R@%1$d | NDCG@%1$d | MAP@%1$d | HR@%1$d | users | s |%n",
        k);
    out.println("|---|---|---|---|---|---|---|---|");
    for (String name : params.get(MEASURES)) {
      SimilarityMeasure measure = SimilarityOptions.MEASURE.parse(name);
      RecsPipeline pipeline = pipeline(params, measure, false);
      row(
          out,
          "streaming " + measure,
          () -> StreamingRuns.finalLists(pipeline, split.train(), params.get(PARALLELISM)),
          split,
          k);
    }
    row(out, "most-popular", () -> MostPopularRecommender.trainedOn(split.train()), split, k);
    row(out, "item-cosine (batch)", () -> ItemCosineRecommender.trainedOn(split.train()), split, k);
  }

  /** Learned scoring against the fixed grid: prequential, then on the offline split. */
  private static void learning(RecsSettings params, List<Interaction> input, PrintStream out)
      throws Exception {
    List<Interaction> events = LearningEvaluation.distinctTimesPerUser(input);
    int k = params.get(ScoringOptions.N);
    int parallelism = params.get(PARALLELISM);
    long rate = params.get(REPLAY_RATE);
    int horizon = params.get(HORIZON);
    SimilarityConfig similarity = similarity(params, params.get(LEARNING_MEASURE), true);
    int seedItems =
        params.get(LEARNING_SEED_ITEMS) != null
            ? params.get(LEARNING_SEED_ITEMS)
            : similarity.historySize();
    int candidatesPerSeed = RecsPipeline.effective(params).get(ScoringOptions.CANDIDATES_PER_SEED);
    List<LearningEvaluation.Variant> variants =
        LearningEvaluation.variants(
            k,
            seedItems,
            candidatesPerSeed,
            params.get(LEARNING_ACTIONS),
            params.get(LEARNED_WEIGHTS_IN) != null
                ? LearnedWeights.fromJson(
                    java.nio.file.Files.readString(Path.of(params.get(LEARNED_WEIGHTS_IN))))
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
      if (params.get(LEARNED_WEIGHTS_OUT) != null) {
        java.nio.file.Files.writeString(Path.of(params.get(LEARNED_WEIGHTS_OUT)), learned.toJson());
        out.println("written to " + params.get(LEARNED_WEIGHTS_OUT));
      }
    }
    if (params.get(SPLIT).equals("none")) {
      return;
    }
    Split split = split(params, events);
    out.printf(
        Locale.ROOT,
        "%n%s split: %d train, %d test, lists after every training event at %d/s, final lists"
            + " evaluated%n%n",
        params.get(SPLIT),
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

  private static Split split(RecsSettings params, List<Interaction> events) {
    return switch (params.get(SPLIT)) {
      case "random" -> Splits.randomPerUser(events, params.get(TEST_FRACTION), params.get(SEED));
      case "last" -> Splits.lastNPerUser(events, params.get(LAST_N));
      default ->
          throw new BadSettingException(
              SPLIT.name() + " none applies only with " + LEARNING.name() + " true");
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

  private static void prequential(RecsSettings params, String set, PrintStream out)
      throws Exception {
    List<Interaction> events = generated(set, params.get(SEED));
    int k = params.get(ScoringOptions.N);
    int parallelism = params.get(PARALLELISM);
    long rate = params.get(REPLAY_RATE);
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

  /** The pipeline of the settings, with the measure; lists after every interaction if asked. */
  static RecsPipeline pipeline(RecsSettings params, SimilarityMeasure measure, boolean perEvent) {
    return RecsPipeline.from(run(params, measure, perEvent));
  }

  /** The similarity settings, with the measure. */
  static SimilarityConfig similarity(
      RecsSettings params, SimilarityMeasure measure, boolean perEvent) {
    return SimilarityOptions.config(RecsPipeline.effective(run(params, measure, perEvent)));
  }

  private static RecsSettings run(
      RecsSettings params, SimilarityMeasure measure, boolean perEvent) {
    RecsSettings run =
        params
            .with(SimilarityOptions.MEASURE, measure)
            .with(ScoringOptions.EMIT, perEvent ? "per-event" : "final");
    if (!perEvent && !params.isSet(SimilarityOptions.EMIT_INTERVAL)) {
      // Thins intermediate neighbour lists only: the input has no watermarks.
      run = run.with(SimilarityOptions.EMIT_INTERVAL, Duration.ofDays(1));
    }
    return run;
  }

  /** The configured pipeline scoring the 10 most recent items with a one-hour half-life. */
  private static RecsPipeline recentPipeline(RecsSettings params) {
    return RecsPipeline.from(
        run(params, SimilarityMeasure.COSINE, true)
            .with(ScoringOptions.SEED_ITEMS, 10)
            .with(PreferenceOptions.HALF_LIFE, Duration.ofHours(1)));
  }
}
