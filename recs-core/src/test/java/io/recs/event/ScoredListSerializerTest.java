package io.recs.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class ScoredListSerializerTest {
  private static final List<ScoredItem> ITEMS =
      List.of(
          new ScoredItem("a", 0.5, List.of("x", "y")),
          ScoredItem.of("b", -1.25),
          new ScoredItem("ü€", Double.MAX_VALUE, List.of("trending")));

  @Test
  void similarItemsRoundTrip() throws Exception {
    assertRoundTrip(SimilarItems.class, new SimilarItems("item", ITEMS, 42));
    assertRoundTrip(SimilarItems.class, new SimilarItems("empty", List.of(), -1));
  }

  @Test
  void recommendationsRoundTrip() throws Exception {
    assertRoundTrip(Recommendations.class, new Recommendations("user", ITEMS, 7));
  }

  @Test
  void snapshotRestoresACompatibleSerializer() throws Exception {
    TypeSerializer<SimilarItems> serializer = serializer(SimilarItems.class);
    TypeSerializerSnapshot<SimilarItems> snapshot = serializer.snapshotConfiguration();
    DataOutputSerializer out = new DataOutputSerializer(64);
    TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);
    TypeSerializerSnapshot<SimilarItems> restored =
        TypeSerializerSnapshot.readVersionedSnapshot(
            new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());

    assertThat(restored.restoreSerializer()).isEqualTo(serializer);
    assertThat(
            serializer
                .snapshotConfiguration()
                .resolveSchemaCompatibility(restored)
                .isCompatibleAsIs())
        .isTrue();
  }

  private static <T> void assertRoundTrip(Class<T> type, T record) throws Exception {
    TypeSerializer<T> serializer = serializer(type);
    DataOutputSerializer out = new DataOutputSerializer(64);
    serializer.serialize(record, out);
    T copy = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    assertThat(copy).isEqualTo(record);
    assertThat(serializer.copy(record)).isSameAs(record); // immutable
  }

  private static <T> TypeSerializer<T> serializer(Class<T> type) {
    TypeInformation<T> info = TypeInformation.of(type);
    assertThat(info).isInstanceOf(SerializerTypeInfo.class);
    return info.createSerializer(new SerializerConfigImpl());
  }
}
