package io.recs.request;

import io.recs.scoring.SeedCandidates;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimerService;

/**
 * Assembles the current user's requests at the ranking stage: keeps the messages of each request
 * ({@link PendingRequest}, keyed state) until all have arrived, holds final requests until the end
 * of input, drops a request that completes after a newer one was answered (latest wins), and turns
 * a complete request into the {@link SeedCandidates} that scoring ranks.
 *
 * <p>The parts of a final request (one per seed, up to {@code scoring.seed-items}) are appended to
 * a list and assembled once at the end of input, so that each part costs one append whatever the
 * number of seeds: rewriting the whole request for each part made the end of a final run quadratic
 * in the seeds on RocksDB.
 */
final class RequestAssembly {
  static final long END_OF_INPUT = Long.MAX_VALUE;

  /** Parts by seed id. */
  private static final Comparator<SeedPart> BY_SEED =
      Comparator.comparing(part -> part.lookup().seed());

  /**
   * Requests of which parts arrived, by request id: lists emitted during the input and, restored
   * from a checkpoint of a version before final parts were appended, final requests.
   */
  private MapState<Long, PendingRequest> pending;

  /** The parts of final requests, in order of arrival. */
  private ListState<RankInput> finalParts;

  private ValueState<Long> lastEmitted;

  void open(RuntimeContext context) {
    pending =
        context.getMapState(
            new MapStateDescriptor<>("pending", Types.LONG, PendingRequestSerializer.TYPE));
    finalParts =
        context.getListState(new ListStateDescriptor<>("final-parts", RankInputSerializer.TYPE));
    lastEmitted = context.getState(new ValueStateDescriptor<>("last-emitted", Types.LONG));
  }

  /**
   * Takes one message of a request: the request if it is complete and to be answered now, else null
   * (it waits for more messages, or for the end of input).
   */
  PendingRequest accept(RequestMessage message, TimerService timers) throws Exception {
    if (message.header().finalRequest()) {
      finalParts.add(message);
      timers.registerEventTimeTimer(END_OF_INPUT);
      return null;
    }
    if (message.parts() == 1) {
      return PendingRequest.of(message);
    }
    long id = message.header().requestId();
    PendingRequest request = pending.get(id);
    if (request == null) {
      request = new PendingRequest();
    }
    request.add(message);
    if (!request.isComplete()) {
      pending.put(id, request);
      return null;
    }
    pending.remove(id);
    return request;
  }

  /** The complete final requests of the current user, removed from state: the input ended. */
  List<PendingRequest> completeFinalRequests() throws Exception {
    Map<Long, PendingRequest> byId = new LinkedHashMap<>();
    for (RankInput part : finalParts.get()) {
      RequestMessage message = (RequestMessage) part;
      byId.computeIfAbsent(message.header().requestId(), id -> new PendingRequest()).add(message);
    }
    List<PendingRequest> complete = new ArrayList<>();
    List<RankInput> incomplete = new ArrayList<>();
    for (PendingRequest request : byId.values()) {
      if (request.isComplete()) {
        complete.add(request);
      } else {
        for (int k = 0; k < request.received(); k++) {
          incomplete.add(request.get(k));
        }
      }
    }
    finalParts.update(incomplete);
    Iterator<Map.Entry<Long, PendingRequest>> entries = pending.iterator();
    while (entries.hasNext()) {
      PendingRequest request = entries.next().getValue();
      if (request.first().header().finalRequest() && request.isComplete()) {
        complete.add(request);
        entries.remove();
      }
    }
    return complete;
  }

  /**
   * Whether the request is to be answered: a final one always, another one unless a newer request
   * was answered already. Records it as the latest answered.
   */
  boolean answers(RequestHeader header) throws Exception {
    Long last = lastEmitted.value();
    if (!header.finalRequest() && last != null && header.requestId() < last) {
      return false;
    }
    lastEmitted.update(header.requestId());
    return true;
  }

  /**
   * The seeds and candidates of a complete request: from its parts, or for a {@link WholeRequest}
   * from the replicated candidate lists as they are now.
   */
  static SeedCandidates candidates(
      PendingRequest request, ReadOnlyBroadcastState<String, CandidateList> lists)
      throws Exception {
    RequestMessage first = request.first();
    if (first instanceof WholeRequest whole) {
      return candidates(whole, lists);
    }
    if (first instanceof NoSeeds) {
      return SeedCandidates.empty(0);
    }
    return candidates(request);
  }

  /**
   * Parts arrive in an order that depends on timing (and, after a restore, on the order in which
   * timers fire); visiting them by seed makes the floating-point sums, and so the lists,
   * independent of it.
   */
  private static SeedCandidates candidates(PendingRequest request) {
    int count = request.received();
    SeedPart[] bySeed = new SeedPart[count];
    for (int p = 0; p < count; p++) {
      bySeed[p] = (SeedPart) request.get(p);
    }
    Arrays.sort(bySeed, BY_SEED);
    SeedCandidates parts = SeedCandidates.empty(count);
    for (int p = 0; p < count; p++) {
      SeedLookup lookup = bySeed[p].lookup();
      parts.set(p, lookup.seed(), lookup.affinity());
      SeedFeatures features = lookup.features();
      if (features != null) {
        parts.describe(p, features.recencies()[0], features.weights()[0], features.actions()[0]);
      }
      parts.candidates(p, bySeed[p].candidates(), bySeed[p].similarities());
    }
    return parts;
  }

  private static SeedCandidates candidates(
      WholeRequest request, ReadOnlyBroadcastState<String, CandidateList> lists) throws Exception {
    String[] seeds = request.seeds();
    SeedFeatures features = request.features();
    SeedCandidates parts = SeedCandidates.empty(seeds.length);
    for (int p = 0; p < seeds.length; p++) {
      parts.set(p, seeds[p], request.affinities()[p]);
      if (features != null) {
        parts.describe(p, features.recencies()[p], features.weights()[p], features.actions()[p]);
      }
      CandidateList list = lists.get(seeds[p]);
      if (list != null) {
        parts.candidates(p, list.candidates(), list.similarities());
      }
    }
    return parts;
  }
}
