package io.recs.request;

import io.recs.event.SimilarItems;
import io.recs.state.UserRequests;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.OutputTag;

/**
 * {@link NeighbourLookup#PARTITIONED}: one {@link SeedLookup} per seed goes to the seed's partition
 * of the {@link NeighbourStoreFunction}, which answers with a {@link SeedPart} to the user's
 * ranking partition; the ranking stage assembles the parts.
 */
final class PartitionedLookup extends LookupTopology {
  private static final long serialVersionUID = 1L;

  /** Lookups of seed items' neighbours, keyed by {@link SeedLookup#seed()}. */
  static final OutputTag<SeedLookup> LOOKUPS =
      new OutputTag<>("recs-lookups", SeedLookupSerializer.TYPE);

  private final int candidatesPerSeed;

  PartitionedLookup(int candidatesPerSeed) {
    this.candidatesPerSeed = candidatesPerSeed;
  }

  @Override
  boolean requestCarriesSeen() {
    return false;
  }

  @Override
  void send(RequestHeader header, Seeds seeds, UserRequests.Output out) {
    SeedFeatures features = seeds.features();
    for (int s = 0; s < seeds.count(); s++) {
      out.emit(
          LOOKUPS,
          new SeedLookup(
              header,
              seeds.count(),
              seeds.items()[s],
              seeds.affinities()[s],
              features == null
                  ? null
                  : SeedFeatures.of(
                      features.recencies()[s], features.weights()[s], features.actions()[s])));
    }
  }

  @Override
  RankInputs wire(
      SingleOutputStreamOperator<?> userStage,
      DataStream<RankInput> toRank,
      DataStream<SimilarItems> similarItems,
      DataStream<RankUpdate> context,
      String uidPrefix) {
    DataStream<RankInput> parts =
        similarItems
            .keyBy(SimilarItems::itemId)
            .connect(userStage.getSideOutput(LOOKUPS).keyBy(SeedLookup::seed))
            .process(new NeighbourStoreFunction(candidatesPerSeed), RankInputSerializer.TYPE)
            .name("neighbour lookups")
            .uid(uidPrefix + "neighbour-store");
    return new RankInputs(toRank.union(parts), context);
  }
}
