package io.recs.request;

import static org.assertj.core.api.Assertions.assertThat;

import io.recs.event.ScoredItem;
import io.recs.event.TrendingItems;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/**
 * The tag-byte serializers of the request messages: every type round-trips with every optional
 * field present and absent, Flink chooses them through {@code @TypeInfo} (without Kryo), and their
 * snapshots restore a compatible serializer.
 */
class RequestSerializersTest {
  private static final RequestHeader HEADER =
      new RequestHeader("ü", 3, 10, 1_000, true, "books", 77, "seen", "buy");
  private static final RequestHeader BARE =
      new RequestHeader("u", 0, 0, 0, false, null, 0, null, null);
  private static final SeedFeatures FEATURES =
      new SeedFeatures(new int[] {0, 4}, new double[] {1.5, 2}, new String[] {"view", null});

  @Test
  void everyRankInputRoundTrips() throws Exception {
    TypeSerializer<RankInput> serializer = serializer(RankInput.class);
    assertThat(serializer).isInstanceOf(RankInputSerializer.class);
    SeedLookup lookup = new SeedLookup(HEADER, 2, "a", 0.25, SeedFeatures.of(1, 2.0, "view"));
    for (RankInput message :
        List.of(
            new Seen("u", "a", "view", 5),
            new Seen("u", "a", null, 5),
            lookup.answer(new String[] {"b", "c"}, new double[] {0.5, 0.25}),
            new SeedLookup(BARE, 1, "a", 1, null).answer(new String[0], new double[0]),
            new NoSeeds(HEADER),
            new NoSeeds(BARE),
            new WholeRequest(HEADER, new String[] {"a", "b"}, new double[] {1, 2}, FEATURES),
            new WholeRequest(BARE, new String[] {"a"}, new double[] {1}, null))) {
      assertRoundTrip(serializer, message);
    }
  }

  @Test
  void everyRankUpdateRoundTrips() throws Exception {
    TypeSerializer<RankUpdate> serializer = serializer(RankUpdate.class);
    assertThat(serializer).isInstanceOf(RankUpdateSerializer.class);
    for (RankUpdate update :
        List.of(
            new TrendingUpdate(
                new TrendingItems(
                    "global",
                    List.of(ScoredItem.of("a", 2), new ScoredItem("b", 1, List.of("trending"))),
                    9)),
            new CategoryUpdate("a", "books"),
            new CandidateList("a", new String[] {"b"}, new double[] {0.5}))) {
      assertRoundTrip(serializer, update);
    }
  }

  @Test
  void seedLookupsAndPendingRequestsRoundTrip() throws Exception {
    SeedLookup lookup = new SeedLookup(HEADER, 2, "a", 0.25, null);
    assertRoundTrip(serializer(SeedLookup.class), lookup);

    TypeSerializer<PendingRequest> pending = serializer(PendingRequest.class);
    PendingRequest request = new PendingRequest();
    request.add(lookup.answer(new String[] {"b"}, new double[] {1}));
    DataOutputSerializer out = new DataOutputSerializer(64);
    pending.serialize(request, out);
    PendingRequest copy = pending.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    assertThat(copy.received()).isEqualTo(1);
    assertThat(copy.isComplete()).isFalse();
    assertThat(copy.first()).usingRecursiveComparison().isEqualTo(request.first());
    // A copy is independent of the original: adding to one leaves the other as it was.
    PendingRequest independent = pending.copy(request);
    independent.add(new SeedLookup(HEADER, 2, "c", 1, null).answer(null, null));
    assertThat(independent.isComplete()).isTrue();
    assertThat(request.received()).isEqualTo(1);
  }

  @Test
  void snapshotsRestoreACompatibleSerializer() throws Exception {
    for (Class<?> type :
        List.of(RankInput.class, RankUpdate.class, SeedLookup.class, PendingRequest.class)) {
      TypeSerializer<?> serializer = serializer(type);
      assertSnapshotRestores(serializer);
    }
  }

  private static <T> void assertSnapshotRestores(TypeSerializer<T> serializer) throws Exception {
    DataOutputSerializer out = new DataOutputSerializer(64);
    TypeSerializerSnapshot.writeVersionedSnapshot(out, serializer.snapshotConfiguration());
    TypeSerializerSnapshot<T> restored =
        TypeSerializerSnapshot.readVersionedSnapshot(
            new DataInputDeserializer(out.getCopyOfBuffer()),
            RequestSerializersTest.class.getClassLoader());
    assertThat(restored.restoreSerializer()).isEqualTo(serializer);
    assertThat(
            serializer
                .snapshotConfiguration()
                .resolveSchemaCompatibility(restored)
                .isCompatibleAsIs())
        .isTrue();
  }

  private static <T> void assertRoundTrip(TypeSerializer<T> serializer, T message)
      throws Exception {
    DataOutputSerializer out = new DataOutputSerializer(64);
    serializer.serialize(message, out);
    DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
    T copy = serializer.deserialize(in);
    assertThat(in.available()).as("bytes left after %s", message).isZero();
    assertThat(copy).usingRecursiveComparison().isEqualTo(message);
    assertThat(copy.getClass()).isEqualTo(message.getClass());
  }

  private static <T> TypeSerializer<T> serializer(Class<T> type) {
    SerializerConfigImpl config = new SerializerConfigImpl();
    config.setGenericTypes(false);
    return TypeInformation.of(type).createSerializer(config);
  }
}
