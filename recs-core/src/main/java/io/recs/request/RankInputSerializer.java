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
 * The serializer of {@link RankInput}s: a tag byte naming the type ({@link #SEEN}, {@link
 * #SEED_PART}, {@link #NO_SEEDS}, {@link #WHOLE_REQUEST}), then that type's fields. A new message
 * type takes a new tag; the tags of existing types never change, because {@link PendingRequest}s
 * keep these messages in keyed state.
 */
@Internal
public final class RankInputSerializer extends MessageSerializer<RankInput> {
  private static final long serialVersionUID = 1L;

  /** The one instance (the serializer is stateless). */
  public static final RankInputSerializer INSTANCE = new RankInputSerializer();

  static final byte SEEN = 0;
  static final byte SEED_PART = 1;
  static final byte NO_SEEDS = 2;
  static final byte WHOLE_REQUEST = 3;

  private RankInputSerializer() {}

  @Override
  public void serialize(RankInput message, DataOutputView out) throws IOException {
    if (message instanceof Seen seen) {
      out.writeByte(SEEN);
      Wire.writeString(seen.user(), out);
      Wire.writeString(seen.item(), out);
      Wire.writeString(seen.action(), out);
      out.writeLong(seen.time());
    } else if (message instanceof SeedPart part) {
      out.writeByte(SEED_PART);
      Wire.writeLookup(part.lookup(), out);
      Wire.writeStrings(part.candidates(), out);
      Wire.writeDoubles(part.similarities(), out);
    } else if (message instanceof NoSeeds none) {
      out.writeByte(NO_SEEDS);
      Wire.writeHeader(none.header(), out);
    } else if (message instanceof WholeRequest request) {
      out.writeByte(WHOLE_REQUEST);
      Wire.writeHeader(request.header(), out);
      Wire.writeStrings(request.seeds(), out);
      Wire.writeDoubles(request.affinities(), out);
      Wire.writeFeatures(request.features(), out);
    } else {
      throw new IllegalArgumentException("not a rank input: " + message);
    }
  }

  @Override
  public RankInput deserialize(DataInputView in) throws IOException {
    byte tag = in.readByte();
    return switch (tag) {
      case SEEN ->
          new Seen(Wire.readString(in), Wire.readString(in), Wire.readString(in), in.readLong());
      case SEED_PART ->
          new SeedPart(Wire.readLookup(in), Wire.readStrings(in), Wire.readDoubles(in));
      case NO_SEEDS -> new NoSeeds(Wire.readHeader(in));
      case WHOLE_REQUEST ->
          new WholeRequest(
              Wire.readHeader(in),
              Wire.readStrings(in),
              Wire.readDoubles(in),
              Wire.readFeatures(in));
      default -> throw new IOException("unknown rank input tag " + tag);
    };
  }

  @Override
  public TypeSerializerSnapshot<RankInput> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Snapshot of {@link RankInputSerializer}. */
  @Internal
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<RankInput> {
    /** For Flink. */
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }

  /** Chooses the type information of {@link RankInput}, through its {@code @TypeInfo}. */
  @Internal
  public static final class Factory extends TypeInfoFactory<RankInput> {
    @Override
    public TypeInformation<RankInput> createTypeInfo(
        Type t, Map<String, TypeInformation<?>> genericParameters) {
      return TYPE;
    }
  }

  /** The type information of {@link RankInput}. */
  public static final TypeInformation<RankInput> TYPE =
      SerializerTypeInfo.of(RankInput.class, () -> INSTANCE);
}
