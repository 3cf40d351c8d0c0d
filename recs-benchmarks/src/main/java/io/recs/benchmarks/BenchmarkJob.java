package io.recs.benchmarks;

import io.recs.config.RecsSettings;
import io.recs.evaluation.data.InteractionGenerator;
import io.recs.evaluation.flink.CollectingSink;
import io.recs.evaluation.reference.BatchReference;
import io.recs.event.Interaction;
import io.recs.pipeline.Preset;
import io.recs.pipeline.RecsPipeline;
import io.recs.pipeline.RecsStreams;
import io.recs.request.NeighbourLookup;
import io.recs.request.RequestOptions;
import io.recs.scoring.LearnedWeights;
import io.recs.scoring.LinearScoring;
import io.recs.scoring.RankingFeature;
import io.recs.scoring.ScoringConfig;
import io.recs.scoring.ScoringOptions;
import io.recs.similarity.SimilarityConfig;
import io.recs.similarity.SimilarityOptions;
import io.recs.state.PreferenceOptions;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.HistogramStatistics;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Benchmarks of the recs pipeline on an embedded MiniCluster, printing their figures.
 *
 * <pre>
 * java -jar recs-benchmarks.jar
 *     [similarity|pipeline|latency|learning|real-path|scale|all] [hashmap,rocksdb]
 * </pre>
 *
 * <ul>
 *   <li>{@code similarity}: the standard generated set (200,000 events) through the preference and
 *       similarity operators at parallelism 2, HashMap and RocksDB, next to a pipeline of the same
 *       shape and message fan-out whose operators keep no state and compute nothing; {@code
 *       -Drecs.bench.rounds} rounds (default 3) of both, and their medians; with both backends the
 *       rounds alternate between them, and the ratio of their medians is printed;
 *   <li>{@code pipeline}: the whole pipeline with a recommendation after every event, as fast as it
 *       goes (the highest sustained rate), {@code -Drecs.bench.rounds} rounds and their median;
 *   <li>{@code latency}: the whole pipeline fed at a fixed rate ({@code -Drecs.bench.rate}, default
 *       20,000 events/s), with p50 and p99 of the {@code recommendationLatencyMs} histogram at the
 *       end, and, sampled once a second while the job runs, the p99 of each sample and the
 *       estimated share of recommendations over 100 ms ({@link LatencySampler});
 *   <li>{@code pipeline} and {@code latency} start with an untimed, unthrottled warm-up run;
 *   <li>{@code real-path} (not part of {@code all}): the bundled {@code run} job end to end, files
 *       to files, in a JVM of its own (cold) and as the second of two runs in one JVM (warm), next
 *       to the {@code pipeline} benchmark on the same events, round by round, with their ratios
 *       ({@link RealPath});
 *   <li>{@code scale} (not part of {@code all}): the bundled {@code run} job with final lists on
 *       RocksDB (or {@code -Drecs.bench.stateBackend=hashmap}) over the standard set scaled 1x, 10x
 *       and 50x in users, items and events, with its time, CPU per event, peak RSS, heap after GC
 *       and checkpoints per scale ({@link ScaleCurve});
 *   <li>{@code learning} (not part of {@code all}): the whole pipeline, unthrottled, scoring with
 *       {@link LinearScoring} fixed (features, no learning) and learning, alternately, after an
 *       untimed warm-up, and with the default {@code Scorers.sum()} for reference; the overhead of
 *       learning is 1 − learning / fixed.
 * </ul>
 *
 * <p>{@code -Drecs.bench.lookup=replicated} (or {@code partitioned}) runs the whole pipeline with
 * that {@link NeighbourLookup} instead of the preset's; {@code -Drecs.bench.bufferTimeoutMs=N} sets
 * Flink's {@code execution.buffer-timeout.interval}; {@code -Drecs.bench.preset=next-item} (or
 * {@code taste}) runs the whole pipeline with a preset's settings, and {@code
 * -Drecs.bench.neighbours=N}, {@code -Drecs.bench.candidatesPerSeed=N} change those two on top, as
 * do {@code -Drecs.bench.seedItems=N}, {@code -Drecs.bench.historySize=N}, {@code
 * -Drecs.bench.maxItemsPerUser=N}, {@code -Drecs.bench.normalizeSeeds=true|false} and {@code
 * -Drecs.bench.halfLife=3650d}. {@code -Drecs.bench.rowCacheEntries=N} sets {@code
 * similarity.row-cache-entries} in the similarity and pipeline runs, {@code
 * -Drecs.bench.recomputeEvery=N} {@code similarity.recompute-every}. {@code
 * -Drecs.bench.weighted=true} runs the similarity and pipeline benchmarks with {@code
 * similarity.weighted}, and {@code -Drecs.bench.revisitProbability=P} generates the set with that
 * share of repeat events (the standard set has 0.05); {@code -Drecs.bench.events=N} runs every
 * benchmark on the set's first N events (in time order) only; {@code -Drecs.bench.setEvents=N}
 * generates the set's users and items with N events instead. {@code
 * -Drecs.bench.flink=key=value;key=value} adds Flink settings to the MiniCluster runs.
 */
@Internal
public final class BenchmarkJob {
  private static final int PARALLELISM = 2;
  private static final int RATE = Integer.getInteger("recs.bench.rate", 20_000);
  private static final int ROUNDS = Integer.getInteger("recs.bench.rounds", 3);

  /** {@code execution.buffer-timeout.interval} in ms; -1 (default) leaves Flink's 100 ms. */
  private static final long BUFFER_TIMEOUT_MS = Long.getLong("recs.bench.bufferTimeoutMs", -1);

  /**
   * {@code -Drecs.bench.flink=key=value;key=value}: Flink settings on top of the benchmark's own in
   * the MiniCluster runs (for example {@code state.backend.rocksdb.use-bloom-filter=true}).
   */
  private static final Map<String, String> FLINK_SETTINGS =
      flinkSettings(System.getProperty("recs.bench.flink", ""));

  private static final java.time.Duration EMIT_INTERVAL =
      java.time.Duration.ofSeconds(Long.getLong("recs.bench.emitIntervalSeconds", 0));

  /**
   * {@code -Drecs.bench.rowCacheEntries=N}: {@code similarity.row-cache-entries} in the similarity
   * and pipeline runs (default the library's).
   */
  private static final int ROW_CACHE_ENTRIES =
      Integer.getInteger(
          "recs.bench.rowCacheEntries", SimilarityConfig.defaults().rowCacheEntries());

  /**
   * {@code -Drecs.bench.recomputeEvery=N}: {@code similarity.recompute-every} in the similarity
   * runs and, on top of the preset, in the pipeline runs (default: the library's, and the
   * preset's).
   */
  private static final Integer RECOMPUTE_EVERY = Integer.getInteger("recs.bench.recomputeEvery");

  /** {@code similarity.weighted} in the similarity and pipeline runs (default false). */
  private static final boolean WEIGHTED = Boolean.getBoolean("recs.bench.weighted");

  /**
   * The generator's {@code revisitProbability} (default: the standard set's); a higher one gives
   * more repeat actions, as session data has.
   */
  private static final String REVISIT = System.getProperty("recs.bench.revisitProbability");

  /**
   * {@code -Drecs.bench.setEvents=N}: the standard set's 5,000 users and 2,000 items with N events
   * instead of 200,000 (a longer run, for throughput after the JIT has warmed up).
   */
  private static final Integer SET_EVENTS = Integer.getInteger("recs.bench.setEvents");

  /** {@code -Drecs.bench.events=N}: only the first N events of the set (default all). */
  private static final int EVENTS = Integer.getInteger("recs.bench.events", Integer.MAX_VALUE);

  /** The first argument: which benchmarks run. */
  public static final List<String> MODES =
      List.of("all", "similarity", "pipeline", "latency", "learning", "real-path", "scale");

  /** The second argument of {@code similarity}: comma-separated state backends. */
  public static final List<String> BACKENDS = List.of("hashmap", "rocksdb");

  /** The system properties read, each {@code -D<name>=<value>}. */
  public static final List<String> PROPERTIES =
      List.of(
          "recs.bench.rate",
          "recs.bench.rounds",
          "recs.bench.bufferTimeoutMs",
          "recs.bench.emitIntervalSeconds",
          "recs.bench.lookup",
          "recs.bench.rowBatchSize",
          "recs.bench.rowCacheEntries",
          "recs.bench.recomputeEvery",
          "recs.bench.preset",
          "recs.bench.neighbours",
          "recs.bench.candidatesPerSeed",
          "recs.bench.seedItems",
          "recs.bench.historySize",
          "recs.bench.maxItemsPerUser",
          "recs.bench.normalizeSeeds",
          "recs.bench.halfLife",
          "recs.bench.weighted",
          "recs.bench.revisitProbability",
          "recs.bench.events",
          "recs.bench.setEvents",
          "recs.bench.jobJar",
          "recs.bench.scales",
          "recs.bench.jobHeap",
          "recs.bench.jobArgs",
          "recs.bench.stateBackend",
          "recs.bench.flink");

  /**
   * The settings of the whole-pipeline runs: {@code -Drecs.bench.preset} (default {@code default}),
   * and {@code -Drecs.bench.neighbours}, {@code -Drecs.bench.candidatesPerSeed} on top when given.
   */
  private static final RecsSettings PIPELINE_SETTINGS = pipelineSettings();

  private static RecsSettings pipelineSettings() {
    RecsSettings settings =
        RecsSettings.empty()
            .with(
                io.recs.pipeline.PipelineOptions.PRESET,
                Preset.valueOf(
                    System.getProperty("recs.bench.preset", "default")
                        .toUpperCase(Locale.ROOT)
                        .replace('-', '_')));
    String lookup = System.getProperty("recs.bench.lookup");
    if (lookup != null) {
      settings = settings.with(RequestOptions.LOOKUP, RequestOptions.LOOKUP.parse(lookup));
    }
    Integer neighbours = Integer.getInteger("recs.bench.neighbours");
    if (neighbours != null) {
      settings = settings.with(SimilarityOptions.NEIGHBOURS, neighbours);
    }
    if (WEIGHTED) {
      settings = settings.with(SimilarityOptions.WEIGHTED, true);
    }
    settings = settings.with(SimilarityOptions.ROW_CACHE_ENTRIES, ROW_CACHE_ENTRIES);
    if (RECOMPUTE_EVERY != null) {
      settings = settings.with(SimilarityOptions.RECOMPUTE_EVERY, RECOMPUTE_EVERY);
    }
    Integer candidates = Integer.getInteger("recs.bench.candidatesPerSeed");
    if (candidates != null) {
      settings = settings.with(RequestOptions.CANDIDATES_PER_SEED, candidates);
    }
    Integer seeds = Integer.getInteger("recs.bench.seedItems");
    if (seeds != null) {
      settings = settings.with(RequestOptions.SEED_ITEMS, seeds);
    }
    Integer history = Integer.getInteger("recs.bench.historySize");
    if (history != null) {
      settings = settings.with(SimilarityOptions.HISTORY_SIZE, history);
    }
    Integer maxItems = Integer.getInteger("recs.bench.maxItemsPerUser");
    if (maxItems != null) {
      settings = settings.with(SimilarityOptions.MAX_ITEMS_PER_USER, maxItems);
    }
    String normalize = System.getProperty("recs.bench.normalizeSeeds");
    if (normalize != null) {
      settings =
          settings.with(
              ScoringOptions.NORMALIZE_SEEDS, ScoringOptions.NORMALIZE_SEEDS.parse(normalize));
    }
    String halfLife = System.getProperty("recs.bench.halfLife");
    if (halfLife != null) {
      settings =
          settings.with(PreferenceOptions.HALF_LIFE, PreferenceOptions.HALF_LIFE.parse(halfLife));
    }
    return settings;
  }

  /** The whole-pipeline runs' neighbour lookup: the preset's, or {@code recs.bench.lookup}. */
  private static final NeighbourLookup LOOKUP =
      RecsPipeline.from(PIPELINE_SETTINGS).requests().neighbourLookup();

  private BenchmarkJob() {}

  /**
   * The benchmark's events: the generator's standard set (seed 42), or its users and items with the
   * revisit probability or number of events of {@code recs.bench.revisitProbability} and {@code
   * recs.bench.setEvents}. The sources build it again inside their tasks, from the same properties.
   */
  public static List<Interaction> generate() {
    InteractionGenerator.Builder builder =
        InteractionGenerator.builder().seed(42); // = standard(42)
    if (REVISIT != null) {
      builder.revisitProbability(Double.parseDouble(REVISIT));
    }
    if (SET_EVENTS != null) {
      builder.events(SET_EVENTS);
    }
    return builder.build().generate();
  }

  /** Runs the benchmarks named by the first argument (default all). */
  public static void main(String[] args) throws Exception {
    String mode = args.length == 0 ? "all" : args[0];
    if (!MODES.contains(mode)) {
      throw new IllegalArgumentException("mode must be one of " + MODES + ", was " + mode);
    }
    if (ROUNDS < 1) {
      throw new IllegalArgumentException("recs.bench.rounds must be at least 1, was " + ROUNDS);
    }
    PrintStream out = System.out;
    if (mode.equals("scale")) {
      ScaleCurve.run(PARALLELISM, out);
      return;
    }
    if (EVENTS < 1) {
      throw new IllegalArgumentException("recs.bench.events must be at least 1, was " + EVENTS);
    }
    List<Interaction> all = generate();
    List<Interaction> events = all.subList(0, Math.min(EVENTS, all.size()));
    out.printf(
        "standard set: %,d events; %d cores; %s%n",
        events.size(),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
    out.println("pipeline settings: " + PIPELINE_SETTINGS);
    List<String> backends =
        args.length > 1 ? List.of(args[1].split(",")) : List.of("hashmap", "rocksdb");
    if (mode.equals("similarity") || mode.equals("all")) {
      similarity(events, backends, out);
    }
    if (mode.equals("pipeline")
        || mode.equals("latency")
        || mode.equals("all")
        || mode.equals("real-path")) {
      // As for the similarity benchmark: a cold JVM compiles the hot paths during the first run.
      out.printf(
          Locale.ROOT,
          "warm-up run of the whole pipeline (cold JVM, not in the medians): %,.0f events/s%n",
          eventsPerSecond(events.size(), runPipeline(events, "hashmap", 0)));
    }
    if (mode.equals("pipeline") || mode.equals("all")) {
      double[] rates = new double[ROUNDS];
      for (int round = 0; round < ROUNDS; round++) {
        rates[round] = eventsPerSecond(events.size(), runPipeline(events, "hashmap", 0));
        out.printf(
            Locale.ROOT,
            "round %d, whole pipeline, hashmap, %s neighbour lookup, unthrottled: %,.0f events/s%n",
            round + 1,
            LOOKUP,
            rates[round]);
      }
      out.printf(
          Locale.ROOT,
          "whole pipeline, hashmap, %s neighbour lookup, unthrottled, median of %d rounds:"
              + " %,.0f events/s%n",
          LOOKUP,
          ROUNDS,
          median(rates));
    }
    if (mode.equals("learning")) {
      learning(events, out);
    }
    if (mode.equals("real-path")) {
      RealPath.run(events, ROUNDS, PARALLELISM, () -> runPipeline(events, "hashmap", 0), out);
    }
    if (mode.equals("latency") || mode.equals("all")) {
      LatencyReporter.HISTOGRAMS.clear();
      long millis;
      double[] p99s;
      double overLimit;
      try (LatencySampler sampler = new LatencySampler(1000, 100)) {
        millis = runPipeline(events, "hashmap", RATE);
        p99s = sampler.p99s();
        overLimit = sampler.shareOverLimit();
      }
      out.printf(
          Locale.ROOT,
          "whole pipeline, %s neighbour lookup, fed at %,d events/s: %,.0f events/s achieved%n",
          LOOKUP,
          RATE,
          eventsPerSecond(events.size(), millis));
      for (Histogram histogram : LatencyReporter.HISTOGRAMS) {
        HistogramStatistics stats = histogram.getStatistics();
        out.printf(
            Locale.ROOT,
            "latency, one rank subtask: p50 %.0f ms, p99 %.0f ms, max %d ms"
                + " (last %d recommendations)%n",
            stats.getQuantile(0.5),
            stats.getQuantile(0.99),
            stats.getMax(),
            stats.size());
      }
      double[] sorted = p99s.clone();
      Arrays.sort(sorted);
      out.printf(
          Locale.ROOT,
          "latency while running: p99 of each rank subtask sampled once a second, %d samples:"
              + " median %.0f ms, 90th percentile %.0f ms, largest %.0f ms; over 100 ms: %.2f%%"
              + " (estimated); all: %s%n",
          sorted.length,
          sorted.length == 0 ? Double.NaN : median(sorted),
          sorted.length == 0 ? Double.NaN : sorted[(int) Math.floor(0.9 * (sorted.length - 1))],
          sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1],
          100 * overLimit,
          Arrays.toString(Arrays.stream(p99s).mapToLong(Math::round).toArray()));
    }
  }

  private static void similarity(List<Interaction> events, List<String> backends, PrintStream out)
      throws Exception {
    SimilarityConfig config = SimilarityConfig.defaults();
    List<NoOpPipeline.Event> fanOut =
        NoOpPipeline.withFanOut(
            events, config.historySize(), config.pairWindowItems(), config.maxItemsPerUser());
    long touches = fanOut.stream().filter(e -> e.partners() >= 0).count();
    long rowUpdates =
        fanOut.stream().filter(e -> e.partners() > 0).mapToLong(e -> 1 + e.partners()).sum();
    out.printf(
        "fan-out: %,d touches, %,d row updates, %,d count broadcasts x %d%n",
        touches, rowUpdates, touches, PARALLELISM);
    if (WEIGHTED) {
      out.printf(
          "weighted: recs also sends %,d repeat touches (no-op pipeline: first touches only)%n",
          repeatTouches(events, config.maxItemsPerUser()));
    }
    // One untimed round first: a cold JVM compiles Flink's and recs' hot paths during the first
    // seconds, which would otherwise count against whichever job runs first.
    runNoOp(fanOut, "hashmap");
    runSimilarity(events, "hashmap");
    Stopwatch.records();
    out.println("warm-up round done (not reported)");
    // Rounds alternate between the backends, so that a change in the machine's load hits both.
    double[][] realRates = new double[backends.size()][ROUNDS];
    double[][] noOpRates = new double[backends.size()][ROUNDS];
    for (int round = 0; round < ROUNDS; round++) {
      for (int b = 0; b < backends.size(); b++) {
        String backend = backends.get(b);
        long cpu0 = Stopwatch.processCpuMillis();
        noOpRates[b][round] = eventsPerSecond(events.size(), runNoOp(fanOut, backend));
        long cpu1 = Stopwatch.processCpuMillis();
        realRates[b][round] = eventsPerSecond(events.size(), runSimilarity(events, backend));
        long cpu2 = Stopwatch.processCpuMillis();
        out.printf(
            Locale.ROOT,
            "round %d, preferences + similarity, %s, p=%d: %,.0f events/s; no-op same shape:"
                + " %,.0f events/s; ratio %.2f (CPU seconds per job incl. start-up: %.1f recs,"
                + " %.1f no-op)%n",
            round + 1,
            backend,
            PARALLELISM,
            realRates[b][round],
            noOpRates[b][round],
            realRates[b][round] / noOpRates[b][round],
            (cpu2 - cpu1) / 1000.0,
            (cpu1 - cpu0) / 1000.0);
      }
    }
    double[] medians = new double[backends.size()];
    for (int b = 0; b < backends.size(); b++) {
      medians[b] = median(realRates[b]);
      double noOp = median(noOpRates[b]);
      out.printf(
          Locale.ROOT,
          "preferences + similarity, %s, p=%d, median of %d rounds: %,.0f events/s; no-op same"
              + " shape: %,.0f events/s; ratio of the medians %.2f%n",
          backends.get(b),
          PARALLELISM,
          ROUNDS,
          medians[b],
          noOp,
          medians[b] / noOp);
    }
    int hashMap = backends.indexOf("hashmap");
    int rocksDb = backends.indexOf("rocksdb");
    if (hashMap >= 0 && rocksDb >= 0) {
      out.printf(
          Locale.ROOT,
          "preferences + similarity, RocksDB against HashMap in the same run (rounds alternated),"
              + " ratio of the medians: %.2f%n",
          medians[rocksDb] / medians[hashMap]);
    }
    BatchReference reference = BatchReference.compute(events, config);
    double rowEntries =
        reference.cooccurrences().values().stream()
            .mapToInt(java.util.Map::size)
            .average()
            .orElse(0);
    double seen =
        reference.users().stream().mapToInt(u -> reference.seen(u).size()).average().orElse(0);
    double history =
        reference.users().stream().mapToInt(u -> reference.history(u).size()).average().orElse(0);
    out.printf(
        Locale.ROOT,
        "state per user: %.1f seen items, %.1f history entries; per item: %.1f co-occurrence row"
            + " entries, %d neighbours%n",
        seen,
        history,
        rowEntries,
        config.neighbours());
  }

  private static void learning(List<Interaction> events, PrintStream out) throws Exception {
    ScoringConfig sum = ScoringConfig.builder().build();
    ScoringConfig fixed =
        ScoringConfig.builder()
            .linear(LinearScoring.fixed(LearnedWeights.only(RankingFeature.DECAYED)))
            .build();
    ScoringConfig learned = ScoringConfig.builder().linear(LinearScoring.builder().build()).build();
    runPipeline(events, "hashmap", 0, learned);
    out.println("warm-up round done (not reported)");
    for (int round = 1; round <= 3; round++) {
      for (ScoringConfig scoring : List.of(fixed, learned, sum)) {
        double rate = eventsPerSecond(events.size(), runPipeline(events, "hashmap", 0, scoring));
        String name =
            scoring == sum
                ? "Scorers.sum() (default)"
                : scoring == fixed ? "LinearScoring, fixed" : "LinearScoring, learning";
        out.printf(
            Locale.ROOT,
            "round %d, whole pipeline, hashmap, %s neighbour lookup, %s: %,.0f events/s%n",
            round,
            LOOKUP,
            name,
            rate);
      }
    }
  }

  /** The median of {@code values}: the middle one, or the mean of the middle two. */
  public static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  /** Events of positive weight on an item already in their user's seen set. */
  private static long repeatTouches(List<Interaction> events, int maxItemsPerUser) {
    java.util.Map<String, java.util.Set<String>> seen = new java.util.HashMap<>();
    long repeats = 0;
    for (Interaction e : events) {
      java.util.Set<String> items =
          seen.computeIfAbsent(e.userId(), u -> new java.util.HashSet<>());
      if (items.contains(e.itemId())) {
        repeats += e.weight() > 0 ? 1 : 0;
      } else if (items.size() < maxItemsPerUser) {
        items.add(e.itemId());
      }
    }
    return repeats;
  }

  private static long runSimilarity(List<Interaction> events, String backend) throws Exception {
    StreamExecutionEnvironment env = environment(backend);
    SimilarityConfig config =
        SimilarityConfig.builder()
            .weighted(WEIGHTED)
            .emitInterval(EMIT_INTERVAL)
            .rowBatchSize(NoOpPipeline.ROW_BATCH_SIZE)
            .rowCacheEntries(ROW_CACHE_ENTRIES)
            .recomputeEvery(
                RECOMPUTE_EVERY != null
                    ? RECOMPUTE_EVERY
                    : SimilarityOptions.RECOMPUTE_EVERY.defaultValue())
            .build();
    RecsStreams streams =
        RecsPipeline.builder()
            .similarity(config)
            .recommendations(false)
            .build()
            .apply(source(env, events, 0));
    streams.similarItems().sinkTo(Stopwatch.endSink());
    env.execute("benchmark: preferences + similarity, " + backend);
    System.out.printf("  (%,d SimilarItems emitted)%n", Stopwatch.records());
    return Stopwatch.elapsedMillis();
  }

  private static long runNoOp(List<NoOpPipeline.Event> events, String backend) throws Exception {
    StreamExecutionEnvironment env = environment(backend);
    DataStream<NoOpPipeline.Event> input =
        env.fromSource(
                new DataGeneratorSource<>(
                    new StandardSet<>(NoOpPipeline::withDefaultFanOut),
                    events.size(),
                    RateLimiterStrategy.noOp(),
                    TypeInformation.of(NoOpPipeline.Event.class)),
                WatermarkStrategy.<NoOpPipeline.Event>forMonotonousTimestamps()
                    .withTimestampAssigner((event, previous) -> event.interaction().timestamp()),
                "events with fan-out")
            .setParallelism(1)
            .map(new Stopwatch<>())
            .setParallelism(1);
    NoOpPipeline.apply(input).sinkTo(Stopwatch.endSink());
    env.execute("benchmark: no-op of the same shape, " + backend);
    System.out.printf(
        "  (no-op similarity stage: %,d row messages, %,d columns after merging)%n",
        NoOpPipeline.ROW_MESSAGES.sumThenReset(), NoOpPipeline.ROW_COLUMNS.sumThenReset());
    Stopwatch.records();
    return Stopwatch.elapsedMillis();
  }

  private static long runPipeline(List<Interaction> events, String backend, double rate)
      throws Exception {
    return runPipeline(events, backend, rate, RecsPipeline.from(PIPELINE_SETTINGS).scoring());
  }

  private static long runPipeline(
      List<Interaction> events, String backend, double rate, ScoringConfig scoring)
      throws Exception {
    StreamExecutionEnvironment env = environment(backend);
    RecsPipeline base = RecsPipeline.from(PIPELINE_SETTINGS);
    RecsStreams streams =
        RecsPipeline.builder()
            .similarity(base.similarity())
            .preferences(base.preferences())
            .trending(base.trending())
            .requests(base.requests())
            .scoring(scoring)
            .build()
            .apply(source(env, events, rate));
    streams.recommendations().sinkTo(Stopwatch.endSink());
    streams.similarItems().sinkTo(Stopwatch.endSink());
    streams.trending().sinkTo(Stopwatch.endSink());
    CollectingSink<LearnedWeights> weights = null;
    if (scoring.linear() != null && scoring.linear().learning()) {
      weights = CollectingSink.create();
      streams.learnedWeights().sinkTo(weights);
    }
    env.execute("benchmark: whole pipeline, " + backend);
    if (weights != null) {
      System.out.printf(
          "  (pairwise updates per rank subtask: %s)%n",
          weights.records().stream().map(LearnedWeights::updates).toList());
      weights.clear();
    }
    System.out.printf(
        "  (%,d recommendations, similar-items and trending lists emitted)%n", Stopwatch.records());
    return Stopwatch.elapsedMillis();
  }

  private static DataStream<Interaction> source(
      StreamExecutionEnvironment env, List<Interaction> events, double rate) {
    return env.fromSource(
            new DataGeneratorSource<>(
                new StandardSet<>(list -> list),
                events.size(),
                rate > 0 ? RateLimiterStrategy.perSecond(rate) : RateLimiterStrategy.noOp(),
                TypeInformation.of(Interaction.class)),
            WatermarkStrategy.<Interaction>forMonotonousTimestamps()
                .withTimestampAssigner((event, previous) -> event.timestamp()),
            "generated interactions")
        .setParallelism(1)
        .map(new Stopwatch<>())
        .setParallelism(1);
  }

  private static StreamExecutionEnvironment environment(String backend) {
    Configuration conf = new Configuration();
    conf.set(StateBackendOptions.STATE_BACKEND, backend);
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.ofMebiBytes(512));
    if (BUFFER_TIMEOUT_MS >= 0) {
      conf.set(ExecutionOptions.BUFFER_TIMEOUT, java.time.Duration.ofMillis(BUFFER_TIMEOUT_MS));
    }
    conf.setString("metrics.reporter.latency.factory.class", LatencyReporter.class.getName());
    FLINK_SETTINGS.forEach(conf::setString);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(PARALLELISM);
    return env;
  }

  /** {@code key=value} pairs separated by {@code ;}, in their order. */
  static Map<String, String> flinkSettings(String pairs) {
    Map<String, String> settings = new LinkedHashMap<>();
    for (String pair : pairs.split(";")) {
      if (pair.isBlank()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "recs.bench.flink must be key=value pairs separated by ';', was " + pairs);
      }
      settings.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
    }
    return settings;
  }

  /**
   * One run of the whole pipeline as the {@code pipeline} benchmark runs it (HashMap, unthrottled,
   * its settings) over {@code events}, which must be {@link #generate()}'s: events per second. For
   * benchmarks of other paths that compare with it in the same session; the first run in a JVM is a
   * cold one.
   */
  public static double pipelineEventsPerSecond(List<Interaction> events) throws Exception {
    return eventsPerSecond(events.size(), runPipeline(events, "hashmap", 0));
  }

  private static double eventsPerSecond(int events, long millis) {
    return events * 1000.0 / millis;
  }
}
