package io.recs.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.recs.event.Interaction;
import io.recs.event.RejectReason;
import io.recs.event.RejectedRecord;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** Parse results travel from a source to its split whole, and never through Kryo. */
class ParseResultTypeTest {

  @Test
  void roundTripsWithGenericTypesDisabled() throws Exception {
    TypeInformation<ParseResult> type = TypeInformation.of(ParseResult.class);
    SerializerConfigImpl config = new SerializerConfigImpl();
    config.setGenericTypes(false);
    TypeSerializer<ParseResult> serializer = type.createSerializer(config);
    assertThat(serializer).isInstanceOf(ParseResultSerializer.class);

    Interaction interaction = Interaction.of("u", "i", "view", 1.0, 5L);
    Interaction later = Interaction.of("u", "j", "cart", 4.0, 9L);
    RejectedRecord rejected = new RejectedRecord(RejectReason.EMPTY, "d", "t", 1, 2, "", 0);

    assertThat(roundTrip(serializer, ParseResult.accepted(interaction)).interactions())
        .containsExactly(interaction);
    assertThat(roundTrip(serializer, ParseResult.accepted(List.of(interaction, later))))
        .satisfies(r -> assertThat(r.interactions()).containsExactly(interaction, later))
        .satisfies(r -> assertThat(r.isAccepted()).isTrue());
    assertThat(roundTrip(serializer.duplicate(), ParseResult.rejected(rejected)))
        .satisfies(r -> assertThat(r.rejected()).isEqualTo(rejected))
        .satisfies(r -> assertThat(r.interactionCount()).isZero());
  }

  @Test
  void itsSnapshotRestoresACompatibleSerializer() {
    TypeSerializer<ParseResult> serializer = new ParseResultSerializer();
    assertThat(
            serializer
                .snapshotConfiguration()
                .resolveSchemaCompatibility(serializer.snapshotConfiguration()))
        .extracting(TypeSerializerSchemaCompatibility::isCompatibleAsIs)
        .isEqualTo(true);
    assertThat(serializer.snapshotConfiguration().restoreSerializer()).isEqualTo(serializer);
  }

  private static ParseResult roundTrip(TypeSerializer<ParseResult> serializer, ParseResult r)
      throws Exception {
    DataOutputSerializer out = new DataOutputSerializer(64);
    serializer.serialize(r, out);
    return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
  }
}
