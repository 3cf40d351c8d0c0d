package io.recs.connectors.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.recs.event.Interaction;
import io.recs.event.RejectReason;
import io.recs.event.RejectedRecord;
import io.recs.parse.ParseResult;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** The records between a source and its split must not fall back to Kryo. */
class ParsedRecordTypeTest {

  @Test
  void isAPojoOfPojosAndRoundTripsWithGenericTypesDisabled() throws Exception {
    TypeInformation<ParsedRecord> type = TypeInformation.of(ParsedRecord.class);
    assertThat(type).isInstanceOf(PojoTypeInfo.class);
    SerializerConfigImpl config = new SerializerConfigImpl();
    config.setGenericTypes(false);
    TypeSerializer<ParsedRecord> serializer = type.createSerializer(config);

    Interaction interaction = Interaction.of("u", "i", "view", 1.0, 5L);
    RejectedRecord rejected = new RejectedRecord(RejectReason.EMPTY, "d", "t", 1, 2, "", 0);
    assertThat(roundTrip(serializer, ParsedRecord.of(ParseResult.accepted(interaction))))
        .satisfies(r -> assertThat(r.interactions).containsExactly(interaction))
        .satisfies(r -> assertThat(r.rejected).isNull());
    Interaction later = Interaction.of("u", "j", "cart", 4.0, 9L);
    assertThat(
            roundTrip(
                serializer, ParsedRecord.of(ParseResult.accepted(List.of(interaction, later)))))
        .satisfies(r -> assertThat(r.interactions).containsExactly(interaction, later))
        .satisfies(r -> assertThat(r.latestTimestamp()).isEqualTo(9L));
    assertThat(roundTrip(serializer, ParsedRecord.rejected(rejected)))
        .satisfies(r -> assertThat(r.rejected).isEqualTo(rejected))
        .satisfies(r -> assertThat(r.interactions).isNull());
  }

  private static ParsedRecord roundTrip(TypeSerializer<ParsedRecord> serializer, ParsedRecord r)
      throws Exception {
    DataOutputSerializer out = new DataOutputSerializer(64);
    serializer.serialize(r, out);
    return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
  }
}
