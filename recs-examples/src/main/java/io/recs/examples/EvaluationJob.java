package io.recs.examples;

import io.recs.config.Checks;
import io.recs.config.RecsOption;
import io.recs.config.RecsSettings;
import io.recs.evaluation.data.ClusterOracle;
import io.recs.evaluation.data.InteractionGenerator;
import io.recs.evaluation.metrics.IncrementalRecommender;
import io.recs.evaluation.metrics.PrequentialEvaluator;
import io.recs.evaluation.metrics.PrequentialResult;
import io.recs.evaluation.metrics.RankingMetrics;
import io.recs.evaluation.metrics.RankingReport;
import io.recs.evaluation.metrics.Recommender;
import io.recs.evaluation.metrics.Split;
import io.recs.evaluation.metrics.Splits;
import io.recs.evaluation.reference.ItemCosineRecommender;
import io.recs.evaluation.reference.MostPopularRecommender;
import io.recs.evaluation.reference.RecentItemCfRecommender;
import io.recs.event.Interaction;
import io.recs.pipeline.RecsPipeline;
import io.recs.request.RequestOptions;
import io.recs.scoring.LearnedWeights;
import io.recs.scoring.LearningSignal;
import io.recs.scoring.ScoringOptions;
import io.recs.similarity.SimilarityConfig;
import io.recs.similarity.SimilarityMeasure;
import io.recs.similarity.SimilarityOptions;
import io.recs.state.PreferenceOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
 * java -jar recs-examples.jar evaluation --train train.tsv --test test.tsv --format tsv \
 *     --csv-columns user,item,-,timestamp --default-action rating --timestamp-unit s \
 *     --lists-out lists --report report
 * </pre>
 *
 * <p>With {@code --input}: reads a MovieLens {@code ratings.csv}, splits each user's ratings at
 * random 75/25 ({@code --split random}) or holds out each user's last N ({@code --split last}),
 * runs the pipeline on the training part on a local MiniCluster once per similarity measure, and
 * prints P, R, NDCG, MAP and hit rate at k of each user's final list, next to most-popular and
 * item-cosine trained on the same part. {@code --generated small|standard} does the same on the
 * generator's set instead of a ratings file. The list length evaluated (k) is {@code --n}. With
 * {@code --prequential small|standard|drifting}: runs the pipeline on the generator's set with a
 * list after every interaction ({@code --prequential input}: on the {@code --input} ratings in time
 * order, instead of the split run), and counts an event as a hit when its item was in the list
 * emitted for the user's previous event; most-popular, updated event by event, is the baseline.
 * Prequential runs replay in lockstep: a user's event enters only after the list emitted for the
 * user's previous event came out, so no list sees the event it is judged against. With {@code
 * --learning true}: learned scoring ({@code LinearScoring}) against the grid of fixed scorers it
 * replaces, prequential and on the split (see {@code docs/learning.md}). {@code --help} lists every
 * flag; unset tuning flags keep the library defaults.
 *
 * <p>With {@code --train FILE --test FILE}: the split was made elsewhere (by another library, so
 * that both evaluate the same test set); both files are read with the input-format settings of the
 * {@code run} job ({@code --format}, {@code --csv-columns}, ...), line by line through the parser,
 * and the rejected lines of each are counted by reason. {@code --input}, {@code --generated} and
 * the split settings do not apply then. {@code --lists-out DIR} writes the list scored for each
 * evaluated user of each offline row, one CSV per row; {@code --report DIR} writes {@code
 * DIR/index.html}, the tables as charts. The tables show two MAPs: recs' (AP normalised by min(k,
 * |relevant|)) and the one of the Microsoft Recommenders benchmark tables (AP normalised by
 * |relevant|), see {@link RankingMetrics#averagePrecisionMsr}.
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

  static final RecsOption<String> TRAIN =
      RecsOption.key("evaluation.train")
          .flag("train")
          .stringType()
          .check(Checks.notBlank())
          .description(
              "With --test, instead of --input, --generated and --split: the training part of a"
                  + " split made elsewhere, in any input format (--format, --csv-columns, ... as for"
                  + " the run job).");

  static final RecsOption<String> TEST =
      RecsOption.key("evaluation.test")
          .flag("test")
          .stringType()
          .check(Checks.notBlank())
          .description(
              "With --train: the held-out part; each user's relevant items are the distinct items"
                  + " of their test interactions.");

  static final RecsOption<String> LISTS_OUT =
      RecsOption.key("evaluation.lists-out")
          .flag("lists-out")
          .stringType()
          .check(Checks.notBlank())
          .description(
              "Folder to write the scored lists to: one CSV per row of the offline table (every"
                  + " streaming measure and baseline, not --learning), named after the row, e.g."
                  + " streaming-cosine.csv, most-popular.csv; a line user,item1,...,itemN per"
                  + " evaluated user (users with a test item), best first.");

  static final RecsOption<String> REPORT =
      RecsOption.key("evaluation.report")
          .flag("report")
          .stringType()
          .check(Checks.notBlank())
          .description(
              "Folder to write index.html to: the tables as bar charts, and the prequential hit"
                  + " rate over time; one self-contained page (inline SVG, no scripts).");

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
          .description(
              "Prequential and learning runs: events per second replayed; 0: full speed. Prequential"
                  + " runs also replay in lockstep: a user's next event waits for the list it is"
                  + " judged against.");

  static final RecsOption<String> PREQUENTIAL =
      RecsOption.key("evaluation.prequential")
          .flag("prequential")
          .stringType()
          .defaultValue("none")
          .check(InputOptions.oneOf(List.of("none", "small", "standard", "drifting", "input")))
          .description(
              "none; small, standard or drifting: the generator set of a prequential run (--seed);"
                  + " input: the --input ratings in time order, times made distinct per user,"
                  + " instead of the --split run.");

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

  static final RecsOption<List<String>> LEARNING_SIGNALS =
      RecsOption.key("evaluation.learning-signals")
          .flag("learning-signals")
          .listType()
          .defaultValue(List.of("next-event", "held-out"))
          .check(oneOrMoreOf(LearningSignal.class))
          .description(
              "Learning: one learned scorer per signal, next-event (the user's next interaction, for"
                  + " next-item lists) or held-out (an item of the user's history scored from the"
                  + " rest, for taste-style lists).");

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
          .description(
              "Learning: file to write the learned weights to (JSON), those of the first of"
                  + " --learning-signals after its prequential run.");

  static final List<OptionSection> SECTIONS =
      OptionSection.concat(
          List.of(
              new OptionSection(
                  "Evaluation",
                  List.of(
                      INPUT,
                      GENERATED,
                      TRAIN,
                      TEST,
                      LISTS_OUT,
                      REPORT,
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
                      LEARNING_SIGNALS,
                      HORIZON,
                      LEARNED_WEIGHTS_IN,
                      LEARNED_WEIGHTS_OUT,
                      JobOptions.PROGRESS_INTERVAL)),
              new OptionSection("Input format (--train, --test)", InputOptions.ALL)),
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
    checkSettings(params);
    EvaluationReport report = new EvaluationReport();
    if (params.get(TRAIN) != null) {
      SplitFiles.Part train = SplitFiles.read(TRAIN, params);
      SplitFiles.Part test = SplitFiles.read(TEST, params);
      String header =
          String.format(
              Locale.ROOT,
              "train %s%ntest %s%n%d train, %d test interactions, split given (--%s, --%s)",
              train.summary(),
              test.summary(),
              train.events().size(),
              test.events().size(),
              TRAIN.flag(),
              TEST.flag());
      offline(params, new Split(train.events(), test.events()), header, report, out);
    } else if (params.get(LEARNING)) {
      learning(
          params,
          params.get(INPUT) != null
              ? ratings(params)
              : generated(params.get(GENERATED), params.get(SEED)),
          report,
          out);
    } else if (params.get(INPUT) != null && !params.get(PREQUENTIAL).equals("input")) {
      offline(params, ratings(params), report, out);
    } else if (params.get(GENERATED) != null) {
      offline(params, generated(params.get(GENERATED), params.get(SEED)), report, out);
    }
    String prequential = params.get(PREQUENTIAL);
    if (!prequential.equals("none")) {
      prequential(params, prequential, report, out);
    }
    if (params.get(REPORT) != null) {
      out.println("\nreport written to " + report.write(Path.of(params.get(REPORT))));
    }
    return 0;
  }

  /** Progress lines of the streaming run {@code label}, every {@code --progress-interval}. */
  private static StreamingRuns.Progress progress(
      RecsSettings params, PrintStream out, String label) {
    return new StreamingRuns.Progress(out, params.get(JobOptions.PROGRESS_INTERVAL), label);
  }

  /** Refuses settings that do not apply together, before anything is read or run. */
  static void checkSettings(RecsSettings params) {
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
    checkSplitFiles(params);
    if (params.get(TRAIN) == null
        && params.get(LEARNING)
        && params.get(INPUT) == null
        && params.get(GENERATED) == null) {
      throw new BadSettingException(
          LEARNING.name() + " needs " + INPUT.name() + " or " + GENERATED.name());
    }
    if (params.get(PREQUENTIAL).equals("input") && params.get(INPUT) == null) {
      throw new BadSettingException(PREQUENTIAL.name() + " input needs " + INPUT.name());
    }
  }

  /**
   * With {@code --train/--test}: refuses the settings of the other inputs and of the split, which
   * do not apply; without: refuses the input-format settings, which only those files use.
   */
  private static void checkSplitFiles(RecsSettings params) {
    if (params.get(TRAIN) == null && params.get(TEST) == null) {
      for (RecsOption<?> option : InputOptions.ALL) {
        if (params.isSet(option)) {
          throw new BadSettingException(
              option.name()
                  + " applies only to "
                  + TRAIN.name()
                  + " and "
                  + TEST.name()
                  + " (--input reads a MovieLens ratings.csv)");
        }
      }
      return;
    }
    if (params.get(TRAIN) == null || params.get(TEST) == null) {
      RecsOption<String> missing = params.get(TRAIN) == null ? TRAIN : TEST;
      RecsOption<String> given = missing == TRAIN ? TEST : TRAIN;
      throw new BadSettingException(given.name() + " needs " + missing.name());
    }
    for (RecsOption<?> option :
        List.of(INPUT, GENERATED, SPLIT, TEST_FRACTION, LAST_N, MIN_RATING, WEIGHT, LEARNING)) {
      if (params.isSet(option)) {
        throw new BadSettingException(
            option.name()
                + " does not apply with "
                + TRAIN.name()
                + " and "
                + TEST.name()
                + ": the split is given; remove it");
      }
    }
  }

  private static List<Interaction> ratings(RecsSettings params) throws Exception {
    return MovieLensRatings.read(
        Path.of(params.get(INPUT)),
        params.get(MIN_RATING),
        params.get(WEIGHT) == RatingWeight.RATING);
  }

  private static List<Interaction> generated(String set, long seed) {
    return generator(set, seed).generate();
  }

  private static InteractionGenerator generator(String set, long seed) {
    return switch (set) {
      case "small" -> InteractionGenerator.small(seed);
      case "standard" -> InteractionGenerator.standard(seed);
      case "drifting" -> InteractionGenerator.drifting(seed);
      default -> throw new IllegalStateException(set);
    };
  }

  private static void offline(
      RecsSettings params, List<Interaction> events, EvaluationReport report, PrintStream out)
      throws Exception {
    Split split = split(params, events);
    String header =
        String.format(
            Locale.ROOT,
            "%d events, %d train, %d test, split %s",
            events.size(),
            split.train().size(),
            split.test().size(),
            params.get(SPLIT));
    offline(params, split, header, report, out);
  }

  private static void offline(
      RecsSettings params, Split split, String header, EvaluationReport report, PrintStream out)
      throws Exception {
    int k = params.get(ScoringOptions.N);
    out.printf(Locale.ROOT, "%s%n%n", header);
    report.note(header);
    rankingHeader(out, "recommender", k);
    Path listsOut = params.get(LISTS_OUT) != null ? Path.of(params.get(LISTS_OUT)) : null;
    String table = "Offline split: each user's final list";
    for (String name : params.get(MEASURES)) {
      SimilarityMeasure measure = SimilarityOptions.MEASURE.parse(name);
      RecsPipeline pipeline = pipeline(params, measure, false);
      row(
          out,
          "streaming " + measure,
          () ->
              StreamingRuns.finalLists(
                  progress(params, out, "streaming " + measure),
                  pipeline,
                  split.train(),
                  params.get(PARALLELISM)),
          split,
          k,
          listsOut,
          report,
          table);
    }
    row(
        out,
        "most-popular",
        () -> MostPopularRecommender.trainedOn(split.train()),
        split,
        k,
        listsOut,
        report,
        table);
    row(
        out,
        "item-cosine (batch)",
        () -> ItemCosineRecommender.trainedOn(split.train()),
        split,
        k,
        listsOut,
        report,
        table);
    if (listsOut != null) {
      out.println("\nlists written to " + listsOut);
    }
  }

  private static void rankingHeader(PrintStream out, String first, int k) {
    out.printf(
        Locale.ROOT,
        "| %2$s | P@%1$d | R@%1$d | NDCG@%1$d | MAP@%1$d (recs: AP/min(k,|rel|)) | MAP (MS"
            + " Recommenders: AP/|rel|) | HR@%1$d | users | s |%n",
        k,
        first);
    out.println("|---|---|---|---|---|---|---|---|---|");
  }

  /** Learned scoring against the fixed grid: prequential, then on the offline split. */
  private static void learning(
      RecsSettings params, List<Interaction> input, EvaluationReport report, PrintStream out)
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
    int candidatesPerSeed = RecsPipeline.effective(params).get(RequestOptions.CANDIDATES_PER_SEED);
    List<LearningEvaluation.Variant> variants =
        LearningEvaluation.variants(
            k,
            seedItems,
            candidatesPerSeed,
            params.get(LEARNING_SIGNALS).stream()
                .map(
                    name -> LearningSignal.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_')))
                .distinct()
                .toList(),
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
    LearnedWeights learned = null; // of the first learned scorer, for --learned-weights-out
    Map<String, LearnedWeights> learnedBy = new java.util.LinkedHashMap<>();
    for (LearningEvaluation.Variant variant : variants) {
      long start = System.nanoTime();
      LearningEvaluation.Prequential result =
          LearningEvaluation.prequential(
              progress(params, out, ""),
              variant,
              similarity,
              events,
              parallelism,
              k,
              horizon,
              rate);
      out.printf(
          Locale.ROOT,
          "| %s | %.4f | %.4f | %d | %.0f |%n",
          result.name(),
          result.hitRate(),
          result.recall(),
          result.hits(),
          (System.nanoTime() - start) / 1e9);
      out.flush();
      report.prequential(
          "Learning: prequential, recall over the next " + horizon + " events",
          k,
          result.name(),
          result.hits(),
          events.size(),
          null);
      if (variant.learns() && result.weights() != null) {
        learnedBy.put(result.name(), result.weights());
        if (learned == null) {
          learned = result.weights();
        }
      }
    }
    learnedBy.forEach(
        (name, weights) ->
            out.printf(
                Locale.ROOT,
                "%n%s, weights after the prequential run (mean of subtasks):%n%s%n",
                name,
                weights.toJson()));
    if (learned != null) {
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
    rankingHeader(out, "scorer", k);
    for (LearningEvaluation.Variant variant : variants) {
      long start = System.nanoTime();
      RankingReport r =
          LearningEvaluation.randomSplit(
              progress(params, out, ""), variant, similarity, split, parallelism, k, rate);
      print(out, variant.name(), r, start);
      report.ranking("Learning: " + params.get(SPLIT) + " split", variant.name(), r);
    }
  }

  /** Not empty, and each value one of {@code type}'s constants, as a setting spells them. */
  private static <E extends Enum<E>> RecsOption.Check<List<String>> oneOrMoreOf(Class<E> type) {
    RecsOption.Check<List<String>> each = JobOptions.oneOfEach(type);
    return new RecsOption.Check<>() {
      @Override
      public String problem(List<String> values) {
        return values.isEmpty() ? "must not be empty" : each.problem(values);
      }

      @Override
      public String requirement() {
        return "not empty, " + each.requirement();
      }
    };
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
      PrintStream out,
      String name,
      Callable<Recommender> train,
      Split split,
      int k,
      Path listsOut,
      EvaluationReport report,
      String table)
      throws Exception {
    long start = System.nanoTime();
    Recommender recommender = train.call();
    // RankingMetrics asks once per evaluated user; keeping the answers keeps exactly the scored
    // lists.
    Map<String, List<String>> scored = new TreeMap<>();
    RankingReport r =
        RankingMetrics.evaluate(
            (user, n) -> {
              List<String> list = recommender.recommend(user, n);
              scored.put(user, list);
              return list;
            },
            split.test(),
            k);
    print(out, name, r, start);
    report.ranking(table, name, r);
    if (listsOut != null) {
      writeLists(listsOut.resolve(fileName(name) + ".csv"), scored);
    }
  }

  /** The row's name as a file name: lower case, runs of other characters as one dash. */
  static String fileName(String row) {
    return row.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
  }

  private static void writeLists(Path file, Map<String, List<String>> lists) throws IOException {
    Files.createDirectories(file.getParent());
    List<String> lines = new ArrayList<>(lists.size());
    lists.forEach(
        (user, items) -> {
          StringBuilder line = new StringBuilder(csvField(user));
          for (String item : items) {
            line.append(',').append(csvField(item));
          }
          lines.add(line.toString());
        });
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  private static String csvField(String value) {
    return value.contains(",") || value.contains("\"") || value.contains("\n")
        ? "\"" + value.replace("\"", "\"\"") + "\""
        : value;
  }

  private static void print(PrintStream out, String name, RankingReport r, long start) {
    out.printf(
        Locale.ROOT,
        "| %s | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f | %d | %.0f |%n",
        name,
        r.precision(),
        r.recall(),
        r.ndcg(),
        r.map(),
        r.mapMsr(),
        r.hitRate(),
        r.users(),
        (System.nanoTime() - start) / 1e9);
    out.flush();
  }

  private static void prequential(
      RecsSettings params, String set, EvaluationReport report, PrintStream out) throws Exception {
    boolean input = set.equals("input");
    List<Interaction> events =
        input
            ? LearningEvaluation.distinctTimesPerUser(ratings(params))
            : generated(set, params.get(SEED));
    String name = input ? Path.of(params.get(INPUT)).getFileName().toString() : set + " set";
    int k = params.get(ScoringOptions.N);
    int parallelism = params.get(PARALLELISM);
    long rate = params.get(REPLAY_RATE);
    out.printf(
        Locale.ROOT,
        "%nprequential on %s%s, %d events, replayed at %d/s%n%n",
        input ? "" : "the generator's ",
        name,
        events.size(),
        rate);
    out.printf(Locale.ROOT, "| recommender | HR@%d | hits |%n|---|---|---|%n", k);
    String table = "Prequential on " + (input ? "" : "the generator's ") + name;
    RecsPipeline whole = pipeline(params, SimilarityMeasure.COSINE, true);
    BitSet wholeHits = new BitSet();
    prequentialRow(
        out,
        report,
        table,
        "streaming, configured seeds",
        StreamingRuns.prequential(
            progress(params, out, "prequential, configured seeds"),
            whole,
            events,
            parallelism,
            k,
            rate,
            wholeHits),
        wholeHits);
    RecsPipeline recent = recentPipeline(params);
    BitSet recentHits = new BitSet();
    prequentialRow(
        out,
        report,
        table,
        "streaming, 10 most recent items (seedItems 10, half-life 1 h)",
        StreamingRuns.prequential(
            progress(params, out, "prequential, 10 most recent items"),
            recent,
            events,
            parallelism,
            k,
            rate,
            recentHits),
        recentHits);
    BitSet popularHits = new BitSet();
    prequentialRow(
        out,
        report,
        table,
        "most-popular, incremental",
        PrequentialEvaluator.evaluate(
            events, recordingHits(MostPopularRecommender.empty(), k, popularHits), k),
        popularHits);
    Set<String> items = new LinkedHashSet<>();
    events.forEach(event -> items.add(event.itemId()));
    if (items.size() <= RecentItemCfRecommender.MAX_ITEMS) {
      BitSet itemCfHits = new BitSet();
      prequentialRow(
          out,
          report,
          table,
          "item-CF over the 10 most recent items, full rows, incremental (reference)",
          PrequentialEvaluator.evaluate(
              events, recordingHits(RecentItemCfRecommender.over(items, 10), k, itemCfHits), k),
          itemCfHits);
    }
    if (!input) {
      BitSet oracleHits = new BitSet();
      prequentialRow(
          out,
          report,
          table,
          "the generator's cluster oracle (a ceiling: knows the model that drew the events)",
          PrequentialEvaluator.evaluate(
              events,
              recordingHits(ClusterOracle.of(generator(set, params.get(SEED))), k, oracleHits),
              k),
          oracleHits);
    }
    if (items.size() > RecentItemCfRecommender.MAX_ITEMS) {
      out.printf(
          Locale.ROOT,
          "%n(no item-CF reference row: %,d items, more than the %,d its dense counts hold)%n",
          items.size(),
          RecentItemCfRecommender.MAX_ITEMS);
    }
  }

  /**
   * The recommender, noting in {@code hits} the index of each event whose item was in the list
   * asked for just before it: {@link PrequentialEvaluator} asks, then feeds the event.
   */
  private static IncrementalRecommender recordingHits(
      IncrementalRecommender recommender, int k, BitSet hits) {
    return new IncrementalRecommender() {
      private List<String> last = List.of();
      private int index;

      @Override
      public List<String> recommend(String userId, int n) {
        last = recommender.recommend(userId, n);
        return last;
      }

      @Override
      public void update(Interaction event) {
        if (last.subList(0, Math.min(k, last.size())).contains(event.itemId())) {
          hits.set(index);
        }
        index++;
        last = List.of();
        recommender.update(event);
      }
    };
  }

  private static void prequentialRow(
      PrintStream out,
      EvaluationReport report,
      String table,
      String name,
      PrequentialResult result,
      BitSet hits) {
    report.prequential(table, result.k(), name, result.hits(), result.requests(), hits);
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
    // Final lists also make similar items and trending final (RecsPipeline.effective).
    return params
        .with(SimilarityOptions.MEASURE, measure)
        .with(RequestOptions.EMIT, perEvent ? "per-event" : "final");
  }

  /** The configured pipeline scoring the 10 most recent items with a one-hour half-life. */
  private static RecsPipeline recentPipeline(RecsSettings params) {
    return RecsPipeline.from(
        run(params, SimilarityMeasure.COSINE, true)
            .with(RequestOptions.SEED_ITEMS, 10)
            .with(PreferenceOptions.HALF_LIFE, Duration.ofHours(1)));
  }
}
