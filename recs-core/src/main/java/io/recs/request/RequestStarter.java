package io.recs.request;

import io.recs.event.Interaction;
import io.recs.state.UserHistory;
import io.recs.state.UserRequests;
import org.apache.flink.util.OutputTag;

/**
 * How the user stage starts requests: it chooses the seeds ({@link Seeds}) and sends the request as
 * its {@link LookupTopology} wants; a user without history gets {@link NoSeeds}. Seen notices go
 * straight to the ranking stage, unless the request that follows right away carries them.
 */
final class RequestStarter implements UserRequests {
  private static final long serialVersionUID = 1L;

  /** Seen notices and requests that go straight to the ranking stage. */
  static final OutputTag<RankInput> TO_RANK =
      new OutputTag<>("recs-to-rank", RankInputSerializer.TYPE);

  private final RequestConfig config;
  private final boolean linearScoring;
  private final long halfLifeMs;
  private final LookupTopology topology;

  /**
   * Starts requests as {@code config} says; with {@code linearScoring} the seeds are the most
   * recent items, with their features.
   */
  RequestStarter(RequestConfig config, boolean linearScoring, long halfLifeMs) {
    this.config = config;
    this.linearScoring = linearScoring;
    this.halfLifeMs = halfLifeMs;
    this.topology = LookupTopology.of(config.neighbourLookup(), config.candidatesPerSeed());
  }

  LookupTopology topology() {
    return topology;
  }

  @Override
  public boolean enabled() {
    return true;
  }

  @Override
  public boolean triggerOnInteraction() {
    return config.triggerOnInteraction();
  }

  @Override
  public long triggerIntervalMs() {
    return config.triggerInterval().toMillis();
  }

  @Override
  public boolean restrictToEventCategory() {
    return config.restrictToEventCategory();
  }

  @Override
  public void interaction(Interaction event, Output out) {
    if (!requestCarriesTrigger()) {
      out.emit(
          TO_RANK, new Seen(event.userId(), event.itemId(), event.action(), event.timestamp()));
    }
  }

  /**
   * Whether the request an interaction triggers carries it to the ranking stage instead of a {@link
   * Seen} notice: with a topology that sends one message per request, right away.
   */
  private boolean requestCarriesTrigger() {
    return topology.requestCarriesSeen() && triggerOnInteraction() && triggerIntervalMs() == 0;
  }

  @Override
  public void request(
      String user,
      UserHistory history,
      long requestId,
      long time,
      int n,
      String category,
      boolean isFinal,
      Interaction trigger,
      Output out) {
    // Only a request that replaces the seen notice carries its trigger: with the partitioned lookup
    // the notice goes straight to the ranking stage and the request's parts arrive later, through
    // the neighbour store, in an order that depends on timing; marking the trigger seen from them
    // would change which items the seen set keeps (at most maxSeenItems, the first ones).
    Interaction carried = requestCarriesTrigger() ? trigger : null;
    RequestHeader header =
        new RequestHeader(
            user,
            requestId,
            n,
            time,
            isFinal,
            category,
            history.lastArrivalMillis,
            carried == null ? null : carried.itemId(),
            carried == null ? null : carried.action());
    Seeds seeds =
        Seeds.choose(
            history, config.seedItems(), config.seedWeights(), time, halfLifeMs, linearScoring);
    if (seeds.count() == 0) {
      out.emit(TO_RANK, new NoSeeds(header));
    } else {
      topology.send(header, seeds, out);
    }
  }
}
