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
 * The serializer of {@link RankUpdate}s: a tag byte naming the type ({@link #TRENDING}, {@link
 * #CATEGORY}, {@link #CANDIDATES}), then that type's fields. Candidate lists are kept in broadcast
 * state, so the tags of existing types never change.
 */
@Internal
public final class RankUpdateSerializer extends MessageSerializer<RankUpdate> {
  private static final long serialVersionUID = 1L;

  /** The one instance (the serializer is stateless). */
  public static final RankUpdateSerializer INSTANCE = new RankUpdateSerializer();

  static final byte TRENDING = 0;
  static final byte CATEGORY = 1;
  static final byte CANDIDATES = 2;

  private RankUpdateSerializer() {}

  @Override
  public void serialize(RankUpdate update, DataOutputView out) throws IOException {
    if (update instanceof TrendingUpdate trending) {
      out.writeByte(TRENDING);
      Wire.writeTrending(trending.trending(), out);
    } else if (update instanceof CategoryUpdate category) {
      out.writeByte(CATEGORY);
      Wire.writeString(category.item(), out);
      Wire.writeString(category.category(), out);
    } else if (update instanceof CandidateList list) {
      out.writeByte(CANDIDATES);
      Wire.writeString(list.item(), out);
      Wire.writeStrings(list.candidates(), out);
      Wire.writeDoubles(list.similarities(), out);
    } else {
      throw new IllegalArgumentException("not a rank update: " + update);
    }
  }

  @Override
  public RankUpdate deserialize(DataInputView in) throws IOException {
    byte tag = in.readByte();
    return switch (tag) {
      case TRENDING -> new TrendingUpdate(Wire.readTrending(in));
      case CATEGORY -> new CategoryUpdate(Wire.readString(in), Wire.readString(in));
      case CANDIDATES ->
          new CandidateList(Wire.readString(in), Wire.readStrings(in), Wire.readDoubles(in));
      default -> throw new IOException("unknown rank update tag " + tag);
    };
  }

  @Override
  public TypeSerializerSnapshot<RankUpdate> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Snapshot of {@link RankUpdateSerializer}. */
  @Internal
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<RankUpdate> {
    /** For Flink. */
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }

  /** Chooses the type information of {@link RankUpdate}, through its {@code @TypeInfo}. */
  @Internal
  public static final class Factory extends TypeInfoFactory<RankUpdate> {
    @Override
    public TypeInformation<RankUpdate> createTypeInfo(
        Type t, Map<String, TypeInformation<?>> genericParameters) {
      return TYPE;
    }
  }

  /** The type information of {@link RankUpdate}. */
  public static final TypeInformation<RankUpdate> TYPE =
      SerializerTypeInfo.of(RankUpdate.class, () -> INSTANCE);
}
