package io.recs.pipeline;

import io.recs.event.Interaction;
import io.recs.event.ItemCount;
import io.recs.event.SimilarItems;
import io.recs.similarity.CountUpdate;
import io.recs.similarity.ItemCountFunction;
import io.recs.similarity.RowUpdate;
import io.recs.similarity.SimilarityConfig;
import io.recs.similarity.SimilarityFunction;
import io.recs.similarity.Touch;
import io.recs.state.PreferenceConfig;
import io.recs.state.UserCountFunction;
import io.recs.state.UserPreferencesFunction;
import java.util.Objects;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

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
 * Every stateful operator has a fixed uid (see {@link #UID_PREFIX}) so that savepoints map back.
 * The semantics are in {@code docs/architecture.md}.
 */
@PublicEvolving
public final class RecsPipeline {

  /** Prefix of every operator uid; the stage name follows, for example {@code recs-similarity}. */
  public static final String UID_PREFIX = "recs-";

  private final SimilarityConfig similarity;
  private final PreferenceConfig preferences;

  private RecsPipeline(Builder builder) {
    this.similarity = builder.similarity;
    this.preferences = builder.preferences;
  }

  /** A builder with default configuration. */
  public static Builder builder() {
    return new Builder();
  }

  /** The similarity configuration. */
  public SimilarityConfig similarity() {
    return similarity;
  }

  /** The preference configuration. */
  public PreferenceConfig preferences() {
    return preferences;
  }

  /**
   * Adds the operators to the graph of {@code interactions}.
   *
   * @param interactions parsed interactions; event-time watermarks are needed only for {@code
   *     emitInterval}: without them, lists are emitted on change and once more at the end of input
   * @return the output streams
   */
  public RecsStreams apply(DataStream<Interaction> interactions) {
    SingleOutputStreamOperator<Touch> touches =
        interactions
            .keyBy(Interaction::userId)
            .process(new UserPreferencesFunction(similarity, preferences))
            .name("user preferences")
            .uid(UID_PREFIX + "user-preferences");

    DataStream<CountUpdate> userTotal =
        touches
            .getSideOutput(UserPreferencesFunction.NEW_USERS)
            .keyBy(user -> 0)
            .process(new UserCountFunction())
            .name("user total")
            .uid(UID_PREFIX + "user-total")
            .setParallelism(1);

    SingleOutputStreamOperator<RowUpdate> rowUpdates =
        touches
            .keyBy(Touch::item)
            .process(new ItemCountFunction(similarity.maxUsersPerItem()))
            .name("item counts")
            .uid(UID_PREFIX + "item-counts");

    DataStream<ItemCount> itemCounts = rowUpdates.getSideOutput(ItemCountFunction.ITEM_COUNTS);

    BroadcastStream<CountUpdate> counts =
        itemCounts
            .map(count -> new CountUpdate(count.itemId(), count.users()))
            .returns(TypeInformation.of(CountUpdate.class))
            .name("to count updates")
            .union(userTotal)
            .broadcast(SimilarityFunction.COUNTS);

    DataStream<SimilarItems> similarItems =
        rowUpdates
            .keyBy(RowUpdate::row)
            .connect(counts)
            .process(new SimilarityFunction(similarity))
            .name("item similarity")
            .uid(UID_PREFIX + "similarity");

    return new RecsStreams(similarItems, itemCounts);
  }

  /** Builds a {@link RecsPipeline}; every setting has a default. */
  public static final class Builder {
    private SimilarityConfig similarity = SimilarityConfig.defaults();
    private PreferenceConfig preferences = PreferenceConfig.defaults();

    private Builder() {}

    /** The similarity configuration; default {@link SimilarityConfig#defaults()}. */
    public Builder similarity(SimilarityConfig similarity) {
      this.similarity = Objects.requireNonNull(similarity, "similarity");
      return this;
    }

    /** The preference configuration; default {@link PreferenceConfig#defaults()}. */
    public Builder preferences(PreferenceConfig preferences) {
      this.preferences = Objects.requireNonNull(preferences, "preferences");
      return this;
    }

    /** The pipeline. */
    public RecsPipeline build() {
      return new RecsPipeline(this);
    }
  }
}
