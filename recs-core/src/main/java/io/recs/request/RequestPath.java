package io.recs.request;

import io.recs.event.ItemCategory;
import io.recs.event.Recommendations;
import io.recs.event.SimilarItems;
import io.recs.event.TrendingItems;
import io.recs.metrics.WallClock;
import io.recs.scoring.ScoringConfig;
import io.recs.state.PreferenceConfig;
import io.recs.state.UserRequests;
import org.apache.flink.annotation.Internal;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The life of a recommendation request in the graph, from the user stage to the ranking stage: what
 * the user stage sends ({@link #userRequests}), the lookup topology's operators and the ranking
 * stage ({@link #rank}). The topology follows {@link RequestConfig#neighbourLookup()}.
 */
@Internal
public final class RequestPath {
  private final RequestStarter starter;
  private final ScoringConfig scoring;
  private final WallClock clock;

  /**
   * The request path of {@code requests}, ranked as {@code scoring} says, with affinities decayed
   * as {@code preferences} say.
   */
  public RequestPath(
      RequestConfig requests,
      ScoringConfig scoring,
      PreferenceConfig preferences,
      WallClock clock) {
    this.scoring = scoring;
    this.clock = clock;
    this.starter =
        new RequestStarter(requests, scoring.linear() != null, preferences.halfLife().toMillis());
  }

  /** What the user stage does for requests. */
  public UserRequests userRequests() {
    return starter;
  }

  /**
   * Adds the lookup topology's operators and the ranking stage.
   *
   * @param userStage the user stage, built with {@link #userRequests()}
   * @param similarItems the similarity stage's lists
   * @param trending trending lists, for backfill
   * @param categories item categories, for category-restricted requests
   * @param uidPrefix the prefix of the operators' uids
   * @return the ranking stage
   */
  public SingleOutputStreamOperator<Recommendations> rank(
      SingleOutputStreamOperator<?> userStage,
      DataStream<SimilarItems> similarItems,
      DataStream<TrendingItems> trending,
      DataStream<ItemCategory> categories,
      String uidPrefix) {
    DataStream<RankUpdate> context =
        trending
            .map(list -> (RankUpdate) new TrendingUpdate(list))
            .returns(RankUpdateSerializer.TYPE)
            .name("to rank context")
            .union(
                categories
                    .map(c -> (RankUpdate) new CategoryUpdate(c.itemId(), c.category()))
                    .returns(RankUpdateSerializer.TYPE)
                    .name("to category updates"));
    LookupTopology.RankInputs inputs =
        starter
            .topology()
            .wire(
                userStage,
                userStage.getSideOutput(RequestStarter.TO_RANK),
                similarItems,
                context,
                uidPrefix);
    BroadcastStream<RankUpdate> broadcast =
        inputs
            .broadcast()
            .broadcast(RankFunction.TRENDING, RankFunction.CATEGORIES, RankFunction.CANDIDATES);
    return inputs
        .keyed()
        .keyBy(RankInput::user)
        .connect(broadcast)
        .process(new RankFunction(scoring, clock))
        .name("rank")
        .uid(uidPrefix + "rank");
  }
}
