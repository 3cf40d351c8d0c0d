package io.recs.examples;

import io.recs.event.Interaction;
import io.recs.event.Recommendations;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * Test-then-learn replay on a local MiniCluster: lets a user's event into the pipeline only once
 * the list answering the user's previous event has come out, so that no list can be computed from
 * the event it is judged against.
 */
final class LockstepGate implements MapFunction<Interaction, Interaction> {
  private static final long serialVersionUID = 1L;
  static final int TIMEOUT_SECONDS = 5;
  private static final long TIMEOUT_NANOS = TIMEOUT_SECONDS * 1_000_000_000L;
  private static final Map<String, Run> RUNS = new ConcurrentHashMap<>();

  private final String id;
  private transient Map<String, Long> sent;

  LockstepGate(String id) {
    this.id = id;
  }

  /** One run's answered lists (user to latest answered event time) and timed-out waits. */
  private record Run(Map<String, Long> answered, AtomicLong timeouts) {}

  static String register() {
    String id = UUID.randomUUID().toString();
    RUNS.put(id, new Run(new ConcurrentHashMap<>(), new AtomicLong()));
    return id;
  }

  /** Forgets the run; returns how many waits timed out. */
  static long close(String id) {
    Run run = RUNS.remove(id);
    return run == null ? 0 : run.timeouts().get();
  }

  @Override
  public Interaction map(Interaction event) {
    if (sent == null) {
      sent = new HashMap<>();
    }
    Long previous = sent.put(event.userId(), event.timestamp());
    if (previous != null) {
      Run run = RUNS.get(id);
      long deadline = System.nanoTime() + TIMEOUT_NANOS;
      while (run.answered().getOrDefault(event.userId(), Long.MIN_VALUE) < previous) {
        if (System.nanoTime() > deadline) {
          run.timeouts().incrementAndGet();
          break;
        }
        LockSupport.parkNanos(10_000);
      }
    }
    return event;
  }

  /** Notes each list's user and time on its way to the sink. */
  static final class Answered implements MapFunction<Recommendations, Recommendations> {
    private static final long serialVersionUID = 1L;
    private final String id;

    Answered(String id) {
      this.id = id;
    }

    @Override
    public Recommendations map(Recommendations list) {
      RUNS.get(id).answered().merge(list.userId(), list.timestamp(), Math::max);
      return list;
    }
  }
}
