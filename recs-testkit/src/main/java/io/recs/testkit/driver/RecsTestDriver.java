package io.recs.testkit.driver;

import static io.recs.config.BuilderChecks.notYetSet;

import io.recs.event.Interaction;
import io.recs.event.Recommendations;
import io.recs.event.RejectedRecord;
import io.recs.event.SimilarItems;
import io.recs.event.TrendingItems;
import io.recs.parse.InteractionParser;
import io.recs.pipeline.RecsPipeline;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Runs a recs pipeline, or a job built from recs operators, on an in-process Flink MiniCluster and
 * exposes its inputs and outputs as typed handles.
 *
 * <pre>{@code
 * try (RecsTestDriver driver =
 *     RecsTestDriver.builder().pipeline(RecsPipeline.builder().build()).build()) {
 *   TestInput input = driver.interactions();
 *   input.add("u1", "i1", "view", 1.0, Instant.parse("2024-01-01T10:00:00Z"));
 *   input.add("u2", "i1", "view", 1.0, Instant.parse("2024-01-01T10:01:00Z"));
 *   input.add("u2", "i2", "view", 1.0, Instant.parse("2024-01-01T10:02:00Z"));
 *   driver.run();
 *   assertThatRecommendationsFor(driver.recommendations(), "u1").startsWithItems("i2");
 * }
 * }</pre>
 *
 * <p>Like Kafka Streams' {@code TopologyTestDriver}, the driver is the only way to get handles: it
 * creates the input handles ({@link #interactions()}, {@link #rawRecords()}) and the output handles
 * ({@link #recommendations()}, {@link #similarItems()}, {@link #trending()}, {@link
 * #deadLetters()}). Unlike it, the job really runs on Flink: serializers, keyed state, timers and
 * the network between operators are the ones a cluster uses.
 *
 * <p>Runs are bounded and blocking. {@link #run()} executes the job from empty state over
 * everything fed so far, in feeding order, and returns when the job has finished; the output
 * handles then read that run's output. A bounded input ends with a final recommendation per user
 * computed from the final state, so {@link KeyedTestOutput#latestFor(String)} is the drained
 * result. Feed more and call {@link #run()} again to run over the longer input.
 *
 * <p>Defaults: parallelism 1 (outputs arrive in a deterministic order; raise it to exercise the
 * network between keyed operators, which keeps the final results deterministic but not the order of
 * intermediate ones), Kryo fallback disabled (every type must have a Flink serializer), no restarts
 * (a failure fails {@link #run()}), a run timeout of two minutes, and punctuated watermarks from
 * the interactions' event times with no out-of-orderness. Not thread-safe: use one driver per test.
 */
@PublicEvolving
public final class RecsTestDriver implements AutoCloseable {
  private final DriverSettings settings;
  private final FedRecords fed = new FedRecords();
  private final TestInput interactions = new TestInput(fed);
  private final TestRawInput rawRecords;
  private final LocalCluster cluster;
  private RunResult lastRun;
  private boolean closed;

  private RecsTestDriver(DriverSettings settings) {
    this.settings = settings;
    this.rawRecords = settings.parser() == null ? null : new TestRawInput(fed);
    this.cluster = LocalCluster.start(settings.parallelism());
  }

  /** A builder; exactly one of {@link Builder#pipeline} and {@link Builder#job} must be set. */
  public static Builder builder() {
    return new Builder();
  }

  /** The handle to feed interactions with explicit event times. */
  public TestInput interactions() {
    checkOpen();
    return interactions;
  }

  /**
   * The handle to feed raw records through the configured {@link Builder#parser parser}; rejected
   * records appear in {@link #deadLetters()}.
   *
   * @throws IllegalStateException if no parser is configured
   */
  public TestRawInput rawRecords() {
    checkOpen();
    if (rawRecords == null) {
      throw new IllegalStateException("rawRecords() needs a parser: set Builder.parser(...)");
    }
    return rawRecords;
  }

  /**
   * Runs the job over everything fed so far and blocks until it has finished.
   *
   * @throws IllegalStateException if the job fails or does not finish within the timeout; the cause
   *     is Flink's exception
   */
  public void run() {
    checkOpen();
    lastRun = new JobRun(settings, fed.snapshot()).execute(cluster);
  }

  /** Recommendations of the last run, keyed by user. */
  public KeyedTestOutput<Recommendations> recommendations() {
    return new KeyedTestOutput<>(
        "recommendations", () -> run("recommendations").recommendations(), Recommendations::userId);
  }

  /** Similar-items lists of the last run, keyed by item. */
  public KeyedTestOutput<SimilarItems> similarItems() {
    return new KeyedTestOutput<>(
        "similarItems", () -> run("similarItems").similarItems(), SimilarItems::itemId);
  }

  /** Trending lists of the last run, keyed by scope ({@link TrendingItems#GLOBAL} or category). */
  public KeyedTestOutput<TrendingItems> trending() {
    return new KeyedTestOutput<>(
        "trending", () -> run("trending").trending(), TrendingItems::scope);
  }

  /** Raw records the parser rejected in the last run, in feeding order. */
  public TestOutput<RejectedRecord> deadLetters() {
    return new TestOutput<>("deadLetters", () -> run("deadLetters").deadLetters());
  }

  /** Stops the MiniCluster. The driver cannot be used afterwards. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      cluster.close();
    }
  }

  private RunResult run(String output) {
    checkOpen();
    if (lastRun == null) {
      throw new IllegalStateException("no run yet: call run() before reading " + output + "()");
    }
    return lastRun;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the driver is closed");
    }
  }

  /**
   * Builds a {@link RecsTestDriver}; every setter may be called once, {@link #build()} checks the
   * combination and starts the MiniCluster.
   */
  @PublicEvolving
  public static final class Builder {
    private RecsPipeline pipeline;
    private Function<DataStream<Interaction>, JobOutputs> job;
    private InteractionParser parser;
    private Integer parallelism;
    private Duration maxOutOfOrderness;
    private Duration timeout;
    private Configuration configuration;

    private Builder() {}

    /** Runs {@code pipeline}; all four outputs are available. */
    public Builder pipeline(RecsPipeline pipeline) {
      notYetSet("pipeline", this.pipeline);
      this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
      return this;
    }

    /**
     * Runs a team's own job: {@code job} adds operators to the interaction stream and names the
     * streams the driver collects, for example {@code in -> JobOutputs.of(myPipeline.apply(in))}.
     * Reading an output the job did not name fails with a message that says so.
     */
    public Builder job(Function<DataStream<Interaction>, JobOutputs> job) {
      notYetSet("job", this.job);
      this.job = Objects.requireNonNull(job, "job");
      return this;
    }

    /** The parser behind {@link RecsTestDriver#rawRecords()}; none by default. */
    public Builder parser(InteractionParser parser) {
      notYetSet("parser", this.parser);
      this.parser = Objects.requireNonNull(parser, "parser");
      return this;
    }

    /** The job's parallelism and the MiniCluster's slot count; default 1. */
    public Builder parallelism(int parallelism) {
      notYetSet("parallelism", this.parallelism);
      if (parallelism < 1) {
        throw new IllegalArgumentException("parallelism must be >= 1, was " + parallelism);
      }
      this.parallelism = parallelism;
      return this;
    }

    /**
     * How far behind the latest event time fed so far the watermark stays; default zero. Only
     * interval settings ({@code emitInterval}, {@code triggerInterval}) look at watermarks.
     */
    public Builder maxOutOfOrderness(Duration maxOutOfOrderness) {
      notYetSet("maxOutOfOrderness", this.maxOutOfOrderness);
      Objects.requireNonNull(maxOutOfOrderness, "maxOutOfOrderness");
      if (maxOutOfOrderness.isNegative()) {
        throw new IllegalArgumentException(
            "maxOutOfOrderness must be >= 0, was " + maxOutOfOrderness);
      }
      this.maxOutOfOrderness = maxOutOfOrderness;
      return this;
    }

    /** How long {@link RecsTestDriver#run()} waits for the job; default two minutes. */
    public Builder timeout(Duration timeout) {
      notYetSet("timeout", this.timeout);
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be > 0, was " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Flink options for the job, applied over the driver's defaults, for example {@code
     * state.backend.type: rocksdb}.
     */
    public Builder configuration(Configuration configuration) {
      notYetSet("configuration", this.configuration);
      this.configuration =
          new Configuration(Objects.requireNonNull(configuration, "configuration"));
      return this;
    }

    /**
     * Checks the settings and starts the MiniCluster.
     *
     * @throws IllegalArgumentException if neither or both of pipeline and job are set
     */
    public RecsTestDriver build() {
      if ((pipeline == null) == (job == null)) {
        throw new IllegalArgumentException(
            "exactly one of pipeline / job must be set, "
                + (pipeline == null ? "neither was" : "both were"));
      }
      Function<DataStream<Interaction>, JobOutputs> graph =
          job != null ? job : in -> JobOutputs.of(pipeline.apply(in));
      return new RecsTestDriver(
          new DriverSettings(
              graph,
              parser,
              parallelism == null ? 1 : parallelism,
              maxOutOfOrderness == null ? Duration.ZERO : maxOutOfOrderness,
              timeout == null ? Duration.ofMinutes(2) : timeout,
              configuration == null ? new Configuration() : configuration));
    }
  }
}
