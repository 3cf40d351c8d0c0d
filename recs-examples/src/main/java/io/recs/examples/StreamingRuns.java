package io.recs.examples;

import io.recs.evaluation.flink.CollectingSink;
import io.recs.evaluation.metrics.PrequentialResult;
import io.recs.evaluation.metrics.Recommender;
import io.recs.event.Interaction;
import io.recs.event.Recommendations;
import io.recs.event.ScoredItem;
import io.recs.pipeline.RecsPipeline;
import io.recs.pipeline.RecsStreams;
import io.recs.scoring.LearnedWeights;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Runs a {@link RecsPipeline} over a list of events on a local MiniCluster, for evaluation. */
final class StreamingRuns {
  private StreamingRuns() {}

  /**
   * Where and how often a run prints its progress line, and the name that tells the runs of one
   * evaluation apart.
   */
  record Progress(PrintStream out, Duration interval, String label) {
    Progress named(String name) {
      return new Progress(out, interval, name);
    }
  }

  /**
   * Each user's last recommendations, the answer from the final state at the end of the input, as a
   * {@link Recommender}.
   */
  static Recommender finalLists(
      Progress progress, RecsPipeline pipeline, List<Interaction> events, int parallelism)
      throws Exception {
    Map<String, List<String>> lists = new HashMap<>();
    for (Recommendations r : run(progress, pipeline, events, parallelism, 0, false, null)) {
      lists.put(r.userId(), ids(r));
    }
    return (user, n) -> {
      List<String> list = lists.getOrDefault(user, List.of());
      return list.subList(0, Math.min(n, list.size()));
    };
  }

  /**
   * Test-then-learn: for each event, a hit when its item is among the first {@code k} items of the
   * list the pipeline emitted for the user's previous event (none for a user's first event). Needs
   * a pipeline that triggers on every interaction and events with distinct times per user.
   *
   * <p>The events are replayed in lockstep (see {@link #lists}) at {@code eventsPerSecond} (0: as
   * fast as lockstep allows). A list is computed from the neighbour lists as they are when its
   * lookups arrive, and lookups take a shorter path than the updates of those lists; replayed at
   * full speed, the lists a request sees lag the input by whatever is in flight, which a live
   * stream does not do.
   *
   * @param hitsOut receives the index in {@code events} of every hit, for a hit rate over time
   */
  static PrequentialResult prequential(
      Progress progress,
      RecsPipeline pipeline,
      List<Interaction> events,
      int parallelism,
      int k,
      long eventsPerSecond,
      BitSet hitsOut)
      throws Exception {
    Map<String, Map<Long, List<String>>> byUserAndTime = new HashMap<>();
    for (Recommendations r :
        run(progress, pipeline, events, parallelism, eventsPerSecond, true, null)) {
      byUserAndTime.computeIfAbsent(r.userId(), u -> new HashMap<>()).put(r.timestamp(), ids(r));
    }
    Map<String, Long> previous = new HashMap<>();
    long hits = 0;
    for (int i = 0; i < events.size(); i++) {
      Interaction event = events.get(i);
      Long before = previous.put(event.userId(), event.timestamp());
      if (before != null) {
        List<String> list =
            byUserAndTime.getOrDefault(event.userId(), Map.of()).getOrDefault(before, List.of());
        if (list.subList(0, Math.min(k, list.size())).contains(event.itemId())) {
          hits++;
          hitsOut.set(i);
        }
      }
    }
    return new PrequentialResult(k, events.size(), hits);
  }

  /**
   * Every list the pipeline emitted, by user and triggering event time, and the learned weights of
   * its ranking subtasks (empty unless it scores with a learning {@code LinearScoring}).
   */
  record Lists(Map<String, Map<Long, List<String>>> byUserAndTime, List<LearnedWeights> weights) {}

  /**
   * Runs the pipeline replayed at {@code eventsPerSecond} and keeps every list it emitted.
   *
   * <p>In {@code lockstep} (for test-then-learn), a user's event enters the pipeline only once the
   * list answering the user's previous event has come out, and records are sent on without
   * buffering: otherwise a list can be ranked after the user's next event has reached the ranking
   * stage's broadcast inputs (the pair it forms with the seeds, its trending count) and hold the
   * answer it is judged against. A live user's next event does not exist yet when a list is shown.
   */
  static Lists lists(
      Progress progress,
      RecsPipeline pipeline,
      List<Interaction> events,
      int parallelism,
      long eventsPerSecond,
      boolean lockstep)
      throws Exception {
    List<LearnedWeights> weights = new ArrayList<>();
    Map<String, Map<Long, List<String>>> byUserAndTime = new HashMap<>();
    for (Recommendations r :
        run(progress, pipeline, events, parallelism, eventsPerSecond, lockstep, weights)) {
      byUserAndTime.computeIfAbsent(r.userId(), u -> new HashMap<>()).put(r.timestamp(), ids(r));
    }
    return new Lists(byUserAndTime, weights);
  }

  /**
   * Runs the pipeline over {@code events}, printing a progress line every {@code
   * progress.interval()} while it runs (events counted as they leave the source, after the
   * throttle).
   */
  private static List<Recommendations> run(
      Progress progress,
      RecsPipeline pipeline,
      List<Interaction> events,
      int parallelism,
      long eventsPerSecond,
      boolean lockstep,
      List<LearnedWeights> learnedWeights)
      throws Exception {
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(parallelism);
    CollectingSink<Recommendations> sink = CollectingSink.create();
    DataStream<Interaction> input = env.fromData(events).setParallelism(1);
    String gate = null;
    if (lockstep) {
      gate = LockstepGate.register();
      env.setBufferTimeout(0);
      input = input.map(new LockstepGate(gate)).setParallelism(1).name("lockstep");
    }
    if (eventsPerSecond > 0) {
      input = input.map(new Throttle(1_000_000_000L / eventsPerSecond)).setParallelism(1);
    }
    input =
        input
            .map(new RunCounters.Count<Interaction>(RunCounters.ACCEPTED_EVENTS))
            .returns(Interaction.class)
            .setParallelism(1)
            .name("count events");
    RecsStreams streams = pipeline.apply(input);
    DataStream<Recommendations> lists = streams.recommendations();
    if (gate != null) {
      lists = lists.map(new LockstepGate.Answered(gate)).name("lockstep answered");
    }
    lists.sinkTo(sink);
    CollectingSink<LearnedWeights> weightsSink = null;
    if (learnedWeights != null && pipeline.scoring().linear() != null) {
      weightsSink = CollectingSink.create();
      streams.learnedWeights().sinkTo(weightsSink);
    }
    RunReport.progress(
        progress.out(),
        progress.label() + ", ",
        events.size(),
        env.executeAsync("recs evaluation: " + progress.label()),
        progress.interval(),
        () -> {});
    List<Recommendations> records = sink.records();
    sink.clear();
    if (gate != null) {
      long late = LockstepGate.close(gate);
      if (late > 0) {
        progress
            .out()
            .printf(
                "%s: warning: %,d lists did not come out within %d s; the user's next event"
                    + " entered without them%n",
                progress.label(), late, LockstepGate.TIMEOUT_SECONDS);
      }
    }
    if (weightsSink != null) {
      learnedWeights.addAll(weightsSink.records());
      weightsSink.clear();
    }
    return records;
  }

  /** Passes events on at most one per {@code nanos}. */
  private static final class Throttle implements MapFunction<Interaction, Interaction> {
    private static final long serialVersionUID = 1L;
    private final long nanos;

    Throttle(long nanos) {
      this.nanos = nanos;
    }

    @Override
    public Interaction map(Interaction event) {
      LockSupport.parkNanos(nanos);
      return event;
    }
  }

  private static List<String> ids(Recommendations r) {
    return r.items().stream().map(ScoredItem::itemId).toList();
  }
}
