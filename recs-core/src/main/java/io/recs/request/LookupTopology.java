package io.recs.request;

import io.recs.event.SimilarItems;
import io.recs.state.UserRequests;
import java.io.Serializable;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * Where the ranking stage finds the neighbours of a request's seeds ({@link NeighbourLookup}): each
 * implementation decides what the user stage sends for a request and owns the operators between the
 * similarity stage and the ranking stage.
 */
abstract sealed class LookupTopology implements Serializable
    permits PartitionedLookup, ReplicatedLookup {
  private static final long serialVersionUID = 1L;

  /** The topology of {@code lookup}, answering with {@code candidatesPerSeed} neighbours a seed. */
  static LookupTopology of(NeighbourLookup lookup, int candidatesPerSeed) {
    return switch (lookup) {
      case PARTITIONED -> new PartitionedLookup(candidatesPerSeed);
      case REPLICATED -> new ReplicatedLookup(candidatesPerSeed);
    };
  }

  /**
   * Whether a request sent right away carries the seen notice of the interaction that triggered it
   * (because it travels on the seen notices' channel), so that no separate {@link Seen} is needed.
   */
  abstract boolean requestCarriesSeen();

  /** Sends a request with at least one seed from the user stage. */
  abstract void send(RequestHeader header, Seeds seeds, UserRequests.Output out);

  /** The streams into the ranking stage. */
  record RankInputs(DataStream<RankInput> keyed, DataStream<RankUpdate> broadcast) {}

  /**
   * Adds this topology's operators.
   *
   * @param userStage the user stage, whose side outputs hold the requests
   * @param toRank what the user stage sends straight to the ranking stage
   * @param similarItems the similarity stage's lists
   * @param context trending lists and item categories for the broadcast
   */
  abstract RankInputs wire(
      SingleOutputStreamOperator<?> userStage,
      DataStream<RankInput> toRank,
      DataStream<SimilarItems> similarItems,
      DataStream<RankUpdate> context,
      String uidPrefix);
}
