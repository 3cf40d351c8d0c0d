package io.recs.request;

import io.recs.event.SimilarItems;
import io.recs.state.UserRequests;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * {@link NeighbourLookup#REPLICATED}: the {@link CandidateListFunction} broadcasts every item's top
 * candidates to every ranking subtask, and a request is one {@link WholeRequest} on the user's
 * channel to the ranking stage, which also carries the triggering interaction's seen notice.
 */
final class ReplicatedLookup extends LookupTopology {
  private static final long serialVersionUID = 1L;

  private final int candidatesPerSeed;

  ReplicatedLookup(int candidatesPerSeed) {
    this.candidatesPerSeed = candidatesPerSeed;
  }

  @Override
  boolean requestCarriesSeen() {
    return true;
  }

  @Override
  void send(RequestHeader header, Seeds seeds, UserRequests.Output out) {
    out.emit(
        RequestStarter.TO_RANK,
        new WholeRequest(header, seeds.items(), seeds.affinities(), seeds.features()));
  }

  @Override
  RankInputs wire(
      SingleOutputStreamOperator<?> userStage,
      DataStream<RankInput> toRank,
      DataStream<SimilarItems> similarItems,
      DataStream<RankUpdate> context,
      String uidPrefix) {
    // The similarity stage emits each item's list from the item's own key group, so the lists are
    // already partitioned by item: reinterpreted as keyed, they reach the candidate-list stage
    // chained to the similarity stage, without being serialized.
    DataStream<RankUpdate> lists =
        DataStreamUtils.reinterpretAsKeyedStream(similarItems, SimilarItems::itemId, Types.STRING)
            .process(new CandidateListFunction(candidatesPerSeed), RankUpdateSerializer.TYPE)
            .name("candidate lists")
            .uid(uidPrefix + "candidate-lists");
    return new RankInputs(toRank, context.union(lists));
  }
}
