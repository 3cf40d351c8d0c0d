package io.recs.pipeline;

import io.recs.config.BuilderChecks;
import io.recs.config.EmitInterval;
import io.recs.config.RecsOption;
import io.recs.config.RecsSettings;
import io.recs.event.Interaction;
import io.recs.event.ItemCount;
import io.recs.event.RecommendationRequest;
import io.recs.event.Recommendations;
import io.recs.event.SimilarItems;
import io.recs.event.TrendingItems;
import io.recs.metrics.WallClock;
import io.recs.parse.InteractionParser;
import io.recs.parse.ParsedStreams;
import io.recs.parse.Parsing;
import io.recs.request.RankFunction;
import io.recs.request.RequestConfig;
import io.recs.request.RequestOptions;
import io.recs.request.RequestPath;
import io.recs.scoring.ScoringConfig;
import io.recs.scoring.ScoringOptions;
import io.recs.similarity.CountUpdate;
import io.recs.similarity.ItemCountFunction;
import io.recs.similarity.RowUpdate;
import io.recs.similarity.RowUpdateCombiner;
import io.recs.similarity.SimilarityConfig;
import io.recs.similarity.SimilarityFunction;
import io.recs.similarity.SimilarityOperator;
import io.recs.similarity.SimilarityOptions;
import io.recs.similarity.Touch;
import io.recs.state.PreferenceConfig;
import io.recs.state.PreferenceOptions;
import io.recs.state.UserCountFunction;
import io.recs.state.UserPreferencesFunction;
import io.recs.state.UserRequests;
import io.recs.trending.TrendingConfig;
import io.recs.trending.TrendingFunction;
import io.recs.trending.TrendingOptions;
import java.time.Duration;
import java.util.List;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.Collector;

/**
 * Assembles the recs dataflow on a stream of interactions.
 *
 * <pre>{@code
 * DataStream<Interaction> interactions = ...;
 * RecsStreams streams = RecsPipeline.builder()
 *     .similarity(SimilarityConfig.builder().measure(SimilarityMeasure.LLR).build())
 *     .build()
 *     .apply(interactions);
 * streams.similarItems().print();
 * }</pre>
 *
 * <p>The graph: {@code keyBy(user)} user preferences → {@code keyBy(item)} item counts → {@code
 * keyBy(item)} similarity, with item counts and the user total broadcast to the similarity stage.
 * Every stateful operator has a fixed uid (see {@link #DEFAULT_UID_PREFIX}) so that savepoints map
 * back. The semantics are in {@code docs/architecture.md}.
 */
@PublicEvolving
public final class RecsPipeline {

  /**
   * Default prefix of every operator uid; the stage name follows, for example {@code
   * recs-similarity}. Two pipelines in one job need different prefixes.
   */
  public static final String DEFAULT_UID_PREFIX = "recs-";

  private final SimilarityConfig similarity;
  private final PreferenceConfig preferences;
  private final RequestConfig requests;
  private final ScoringConfig scoring;
  private final TrendingConfig trending;
  private final WallClock clock;
  private final String uidPrefix;
  private final boolean recommendations;

  private RecsPipeline(Builder builder) {
    this.uidPrefix = builder.uidPrefix;
    this.recommendations = builder.recommendations;
    this.similarity = builder.similarity;
    this.preferences = builder.preferences;
    this.requests = builder.requests;
    this.scoring = builder.scoring;
    this.trending = builder.trending;
    this.clock = builder.clock;
  }

  /** A builder with default configuration. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A pipeline configured by {@code settings}: the settings of its {@link #preset preset} ({@link
   * Preset#TASTE} for final lists only when none is set), overridden by those set in {@code
   * settings}. When {@link RequestOptions#CANDIDATES_PER_SEED} or {@link RequestOptions#SEED_ITEMS}
   * is not set, it is capped at {@link SimilarityOptions#NEIGHBOURS} or {@link
   * SimilarityOptions#HISTORY_SIZE}. With {@link RequestOptions#EMIT} {@code final}, the
   * similar-items and trending emit intervals that are not set are {@link
   * EmitInterval#END_OF_INPUT}: each list is written once, at the end.
   *
   * @throws IllegalArgumentException naming the setting that is out of range, or two that conflict
   */
  public static RecsPipeline from(RecsSettings settings) {
    RecsSettings effective = effective(settings);
    return builder()
        .similarity(SimilarityOptions.config(effective))
        .preferences(PreferenceOptions.config(effective))
        .requests(RequestOptions.config(effective))
        .scoring(ScoringOptions.config(effective))
        .trending(TrendingOptions.config(effective))
        .build();
  }

  /**
   * {@code settings} over the settings of their preset, with the caps of {@link #from} applied: the
   * settings a pipeline built by {@link #from} runs with.
   */
  public static RecsSettings effective(RecsSettings settings) {
    Preset preset = preset(settings);
    RecsSettings effective =
        preset.settings().withAll(settings).with(PipelineOptions.PRESET, preset);
    effective =
        capUnlessSet(
            settings,
            effective,
            RequestOptions.CANDIDATES_PER_SEED,
            effective.get(SimilarityOptions.NEIGHBOURS));
    effective =
        capUnlessSet(
            settings,
            effective,
            RequestOptions.SEED_ITEMS,
            effective.get(SimilarityOptions.HISTORY_SIZE));
    if (RequestOptions.finalOnly(effective)) {
      // Final lists only: similar items and trending are written once, when the input ends.
      for (RecsOption<Duration> interval : PipelineOptions.EMIT_INTERVALS) {
        if (!effective.isSet(interval)) {
          effective = effective.with(interval, EmitInterval.END_OF_INPUT);
        }
      }
    }
    return effective;
  }

  /**
   * The preset of {@code settings}: the one set, else {@link Preset#TASTE} for final lists only
   * ({@link RequestOptions#EMIT} {@code final}), which are judged against batch recommenders on a
   * random holdout, and {@link Preset#DEFAULT} for lists emitted during the input.
   */
  public static Preset preset(RecsSettings settings) {
    if (settings.isSet(PipelineOptions.PRESET)) {
      return settings.get(PipelineOptions.PRESET);
    }
    return RequestOptions.finalOnly(settings) ? Preset.TASTE : Preset.DEFAULT;
  }

  private static RecsSettings capUnlessSet(
      RecsSettings given, RecsSettings effective, RecsOption<Integer> option, int cap) {
    return given.isSet(option) || effective.get(option) <= cap
        ? effective
        : effective.with(option, cap);
  }

  /** The similarity configuration. */
  public SimilarityConfig similarity() {
    return similarity;
  }

  /** The preference configuration. */
  public PreferenceConfig preferences() {
    return preferences;
  }

  /** The request configuration. */
  public RequestConfig requests() {
    return requests;
  }

  /** The scoring configuration. */
  public ScoringConfig scoring() {
    return scoring;
  }

  /** The trending configuration. */
  public TrendingConfig trending() {
    return trending;
  }

  /**
   * The whole graph from raw text records: parses {@code lines} with {@code parser} (rejects go to
   * {@link RecsStreams#deadLetters()}), then applies the pipeline.
   *
   * @param source names the input in dead letters, for example a topic or a path
   */
  public RecsStreams applyLines(DataStream<String> lines, InteractionParser parser, String source) {
    ParsedStreams parsed = Parsing.parseLines(lines, parser, source);
    return apply(parsed.interactions()).withDeadLetters(parsed.deadLetters());
  }

  /**
   * Adds the operators to the graph of {@code interactions}, with recommendations triggered by
   * interactions only.
   *
   * @see #apply(DataStream, DataStream)
   */
  public RecsStreams apply(DataStream<Interaction> interactions) {
    DataStream<RecommendationRequest> none =
        interactions
            .flatMap((Interaction event, Collector<RecommendationRequest> out) -> {})
            .returns(TypeInformation.of(RecommendationRequest.class))
            .name("no requests");
    return apply(interactions, none);
  }

  /**
   * Adds the operators to the graph of {@code interactions}.
   *
   * @param interactions parsed interactions; event-time watermarks are needed only for the interval
   *     settings ({@code emitInterval}, {@code triggerInterval}); without them lists are emitted on
   *     change, and final results once more when a bounded input ends
   * @param requests explicit recommendation requests
   * @return the output streams
   */
  public RecsStreams apply(
      DataStream<Interaction> interactions, DataStream<RecommendationRequest> requests) {
    RequestPath requestPath =
        recommendations ? new RequestPath(this.requests, scoring, preferences, clock) : null;
    SingleOutputStreamOperator<Touch> touches =
        interactions
            .keyBy(Interaction::userId)
            .connect(requests.keyBy(RecommendationRequest::userId))
            .process(
                new UserPreferencesFunction(
                    similarity,
                    preferences,
                    requestPath == null ? UserRequests.none() : requestPath.userRequests(),
                    clock))
            .name("user preferences")
            .uid(uidPrefix + "user-preferences");

    DataStream<CountUpdate> userTotal =
        touches
            .getSideOutput(UserPreferencesFunction.NEW_USERS)
            .keyBy(user -> 0)
            .process(new UserCountFunction())
            .name("user total")
            .uid(uidPrefix + "user-total")
            .setParallelism(1);

    SingleOutputStreamOperator<RowUpdate> rowUpdates =
        touches
            .keyBy(Touch::item)
            .process(new ItemCountFunction(similarity.maxUsersPerItem(), similarity.weighted()))
            .name("item counts")
            .uid(uidPrefix + "item-counts");

    DataStream<ItemCount> itemCounts = rowUpdates.getSideOutput(ItemCountFunction.ITEM_COUNTS);

    // Weighted, the item-count stage sends counts with norms, also on repeat touches.
    DataStream<CountUpdate> itemCountUpdates =
        similarity.weighted()
            ? rowUpdates.getSideOutput(ItemCountFunction.ITEM_NORMS)
            : itemCounts
                .map(count -> new CountUpdate(count.itemId(), count.users()))
                .returns(TypeInformation.of(CountUpdate.class))
                .name("to count updates");
    List<MapStateDescriptor<?, ?>> countStates =
        similarity.weighted()
            ? List.of(SimilarityFunction.COUNTS, SimilarityFunction.NORMS)
            : List.of(SimilarityFunction.COUNTS);

    DataStream<RowUpdate> combinedRowUpdates =
        rowUpdates
            .transform(
                "combine row updates",
                TypeInformation.of(RowUpdate.class),
                new RowUpdateCombiner(
                    similarity.rowBatchSize(), similarity.rowBatchInterval().toMillis()))
            .uid(uidPrefix + "combine-row-updates");

    DataStream<SimilarItems> similarItems =
        combinedRowUpdates
            .keyBy(RowUpdate::row)
            // Flink's keyed broadcast operator, as .connect(BroadcastStream).process(function)
            // would make it, with the same state, but one that writes the row cache to state
            // before every checkpoint barrier.
            .connect(itemCountUpdates.union(userTotal).broadcast())
            .transform(
                "item similarity",
                TypeInformation.of(SimilarItems.class),
                new SimilarityOperator(
                    new SimilarityFunction(
                        similarity,
                        SimilarityFunction.rowAsMap(
                            interactions.getExecutionEnvironment().getConfiguration())),
                    countStates))
            .uid(uidPrefix + "similarity");

    if (!recommendations) {
      return new RecsStreams(null, similarItems, null, itemCounts, null);
    }

    DataStream<TrendingItems> trendingItems =
        interactions
            .flatMap(new TrendingScopes(trending.perCategory()))
            .name("trending scopes")
            .keyBy(TrendingScopes::scopeOf)
            .process(new TrendingFunction(trending))
            .name("trending")
            .uid(uidPrefix + "trending");

    SingleOutputStreamOperator<Recommendations> recommendations =
        requestPath.rank(
            touches,
            similarItems,
            trendingItems,
            rowUpdates.getSideOutput(ItemCountFunction.ITEM_CATEGORIES),
            uidPrefix);

    return new RecsStreams(
        recommendations,
        similarItems,
        trendingItems,
        itemCounts,
        null,
        scoring.linear() == null
            ? null
            : recommendations.getSideOutput(RankFunction.LEARNED_WEIGHTS));
  }

  /**
   * Builds a {@link RecsPipeline}; every setting has a default, every setter may be called once,
   * {@link #build()} checks the configurations against each other.
   */
  public static final class Builder {
    private static final List<String> CONFIGURATIONS =
        List.of("similarity", "preferences", "requests", "scoring", "trending");
    private SimilarityConfig similarity = SimilarityConfig.defaults();
    private PreferenceConfig preferences = PreferenceConfig.defaults();
    private RequestConfig requests = RequestConfig.defaults();
    private ScoringConfig scoring = ScoringConfig.defaults();
    private TrendingConfig trending = TrendingConfig.defaults();
    private WallClock clock = WallClock.system();
    private String uidPrefix = DEFAULT_UID_PREFIX;
    private boolean recommendations = true;
    private final BuilderChecks.Assigned assigned = new BuilderChecks.Assigned();

    private Builder() {}

    /**
     * Whether to build the recommendation stages (neighbour lookups, ranking, trending); default
     * true. Without them the pipeline keeps preferences and similarity only, and {@link
     * RecsStreams#recommendations()} and {@link RecsStreams#trending()} are unavailable.
     */
    public Builder recommendations(boolean recommendations) {
      this.recommendations = assigned.once("recommendations", recommendations);
      return this;
    }

    /**
     * The prefix of the operators' uids; default {@link #DEFAULT_UID_PREFIX}. Keep it stable across
     * versions of a job, or savepoints do not map back.
     */
    public Builder uidPrefix(String uidPrefix) {
      this.uidPrefix = BuilderChecks.nonBlank("uidPrefix", assigned.once("uidPrefix", uidPrefix));
      return this;
    }

    /**
     * The configurations of a {@link Preset}: sets similarity, preferences, requests, scoring and
     * trending as {@link RecsPipeline#from} does for a preset alone. A configuration set after this
     * one replaces the preset's; one set before it would be replaced, so that order is refused.
     */
    public Builder preset(Preset preset) {
      assigned.once("preset", preset);
      for (String config : CONFIGURATIONS) {
        BuilderChecks.check(
            !assigned.isSet(config),
            "preset("
                + preset
                + ") would replace the "
                + config
                + " configuration set before it; set the preset first");
      }
      RecsSettings settings = effective(RecsSettings.empty().with(PipelineOptions.PRESET, preset));
      similarity = SimilarityOptions.config(settings);
      preferences = PreferenceOptions.config(settings);
      requests = RequestOptions.config(settings);
      scoring = ScoringOptions.config(settings);
      trending = TrendingOptions.config(settings);
      return this;
    }

    /** The similarity configuration; default {@link SimilarityConfig#defaults()}. */
    public Builder similarity(SimilarityConfig similarity) {
      this.similarity = assigned.once("similarity", similarity);
      return this;
    }

    /** The preference configuration; default {@link PreferenceConfig#defaults()}. */
    public Builder preferences(PreferenceConfig preferences) {
      this.preferences = assigned.once("preferences", preferences);
      return this;
    }

    /** The request configuration; default {@link RequestConfig#defaults()}. */
    public Builder requests(RequestConfig requests) {
      this.requests = assigned.once("requests", requests);
      return this;
    }

    /** The scoring configuration; default {@link ScoringConfig#defaults()}. */
    public Builder scoring(ScoringConfig scoring) {
      this.scoring = assigned.once("scoring", scoring);
      return this;
    }

    /** The trending configuration; default {@link TrendingConfig#defaults()}. */
    public Builder trending(TrendingConfig trending) {
      this.trending = assigned.once("trending", trending);
      return this;
    }

    /** The wall clock used for latency metrics; default {@link WallClock#system()}. */
    public Builder clock(WallClock clock) {
      this.clock = assigned.once("clock", clock);
      return this;
    }

    /**
     * Checks the configurations against each other.
     *
     * @throws IllegalArgumentException naming the conflicting settings and their values
     */
    public RecsPipeline build() {
      if (requests.candidatesPerSeed() > similarity.neighbours()) {
        throw new IllegalArgumentException(
            RequestOptions.CANDIDATES_PER_SEED.name()
                + " ("
                + requests.candidatesPerSeed()
                + ") must not exceed "
                + SimilarityOptions.NEIGHBOURS.name()
                + " ("
                + similarity.neighbours()
                + ")");
      }
      if (requests.seedItems() > similarity.historySize()) {
        throw new IllegalArgumentException(
            RequestOptions.SEED_ITEMS.name()
                + " ("
                + requests.seedItems()
                + ") must not exceed "
                + SimilarityOptions.HISTORY_SIZE.name()
                + " ("
                + similarity.historySize()
                + ")");
      }
      if (recommendations && requests.triggerOnInteraction()) {
        refuseAtEndOnly(SimilarityOptions.EMIT_INTERVAL, similarity.emitInterval());
        refuseAtEndOnly(TrendingOptions.EMIT_INTERVAL, trending.emitInterval());
      }
      return new RecsPipeline(this);
    }

    /** Lists computed during the input need the similar items and trending lists of that time. */
    private static void refuseAtEndOnly(RecsOption<Duration> option, Duration interval) {
      if (EmitInterval.endOfInput(interval)) {
        throw new IllegalArgumentException(
            option.name()
                + " "
                + EmitInterval.END
                + " needs "
                + RequestOptions.EMIT.name()
                + " final: lists emitted before the input ends would have no similar items or"
                + " trending to rank");
      }
    }
  }
}
