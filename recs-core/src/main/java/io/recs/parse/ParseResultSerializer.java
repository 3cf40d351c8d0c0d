package io.recs.parse;

import io.recs.event.Interaction;
import io.recs.event.RejectedRecord;
import io.recs.event.SerializerTypeInfo;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The serializer of {@link ParseResult}s, so that a source hands whole parsed records (however many
 * interactions each holds) to the operator that splits them, without Kryo. Its format: the count of
 * interactions (int; 0 for a rejected record), then the interactions, or the dead letter, each with
 * the serializer Flink chooses for the record type. Results travel between operators only and are
 * never kept in state.
 */
@Internal
public final class ParseResultSerializer extends TypeSerializer<ParseResult> {
  private static final long serialVersionUID = 1L;

  private final TypeSerializer<Interaction> interactions;
  private final TypeSerializer<RejectedRecord> rejected;

  /** A serializer with the serializers Flink chooses for interactions and dead letters. */
  public ParseResultSerializer() {
    this(serializerOf(Interaction.class), serializerOf(RejectedRecord.class));
  }

  private ParseResultSerializer(
      TypeSerializer<Interaction> interactions, TypeSerializer<RejectedRecord> rejected) {
    this.interactions = interactions;
    this.rejected = rejected;
  }

  @Override
  public TypeSerializer<ParseResult> duplicate() {
    // Flink's record serializers keep per-instance state, so each thread gets its own.
    return new ParseResultSerializer(interactions.duplicate(), rejected.duplicate());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ParseResultSerializer;
  }

  @Override
  public int hashCode() {
    return ParseResultSerializer.class.hashCode();
  }

  private static <T> TypeSerializer<T> serializerOf(Class<T> type) {
    SerializerConfigImpl config = new SerializerConfigImpl();
    config.setGenericTypes(false);
    return TypeInformation.of(type).createSerializer(config);
  }

  @Override
  public boolean isImmutableType() {
    return true;
  }

  @Override
  public ParseResult createInstance() {
    return null;
  }

  @Override
  public ParseResult copy(ParseResult from) {
    return from;
  }

  @Override
  public ParseResult copy(ParseResult from, ParseResult reuse) {
    return from;
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(ParseResult result, DataOutputView target) throws IOException {
    int count = result.interactionCount();
    target.writeInt(count);
    if (count == 0) {
      rejected.serialize(result.rejected(), target);
    } else {
      for (int i = 0; i < count; i++) {
        interactions.serialize(result.interaction(i), target);
      }
    }
  }

  @Override
  public ParseResult deserialize(DataInputView source) throws IOException {
    int count = source.readInt();
    if (count == 0) {
      return ParseResult.rejected(rejected.deserialize(source));
    }
    if (count == 1) {
      return ParseResult.accepted(interactions.deserialize(source));
    }
    List<Interaction> list = new ArrayList<>(count);
    for (int k = 0; k < count; k++) {
      list.add(interactions.deserialize(source));
    }
    return ParseResult.accepted(list);
  }

  @Override
  public ParseResult deserialize(ParseResult reuse, DataInputView source) throws IOException {
    return deserialize(source);
  }

  @Override
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    serialize(deserialize(source), target);
  }

  @Override
  public TypeSerializerSnapshot<ParseResult> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Snapshot of {@link ParseResultSerializer}. */
  @Internal
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<ParseResult> {
    /** For Flink. */
    public Snapshot() {
      super(ParseResultSerializer::new);
    }
  }

  /** Chooses the type information of {@link ParseResult}, through its {@code @TypeInfo}. */
  @Internal
  public static final class Factory extends TypeInfoFactory<ParseResult> {
    @Override
    public TypeInformation<ParseResult> createTypeInfo(
        Type t, Map<String, TypeInformation<?>> genericParameters) {
      return SerializerTypeInfo.of(ParseResult.class, ParseResultSerializer::new);
    }
  }
}
