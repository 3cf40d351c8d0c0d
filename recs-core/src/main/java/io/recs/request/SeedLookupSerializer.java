package io.recs.request;

import io.recs.event.SerializerTypeInfo;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The serializer of {@link SeedLookup}s (kept in keyed state by the neighbour store while a final
 * request waits for the end of input).
 */
@Internal
public final class SeedLookupSerializer extends MessageSerializer<SeedLookup> {
  private static final long serialVersionUID = 1L;

  /** The one instance (the serializer is stateless). */
  public static final SeedLookupSerializer INSTANCE = new SeedLookupSerializer();

  private SeedLookupSerializer() {}

  @Override
  public void serialize(SeedLookup lookup, DataOutputView out) throws IOException {
    Wire.writeLookup(lookup, out);
  }

  @Override
  public SeedLookup deserialize(DataInputView in) throws IOException {
    return Wire.readLookup(in);
  }

  @Override
  public TypeSerializerSnapshot<SeedLookup> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Snapshot of {@link SeedLookupSerializer}. */
  @Internal
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<SeedLookup> {
    /** For Flink. */
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }

  /** Chooses the type information of {@link SeedLookup}, through its {@code @TypeInfo}. */
  @Internal
  public static final class Factory extends TypeInfoFactory<SeedLookup> {
    @Override
    public TypeInformation<SeedLookup> createTypeInfo(
        Type t, Map<String, TypeInformation<?>> genericParameters) {
      return TYPE;
    }
  }

  /** The type information of {@link SeedLookup}. */
  public static final TypeInformation<SeedLookup> TYPE =
      SerializerTypeInfo.of(SeedLookup.class, () -> INSTANCE);
}
