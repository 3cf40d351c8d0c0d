package io.recs.similarity;

import java.io.IOException;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * The serializer of the {@link Neighbours} lists of the similarity stage's map layout (see {@link
 * SimilarityFunction}), which a serializing backend reads and writes on every update: the valid
 * entries only, without the reflection of Flink's POJO serializer. The value layout keeps the POJO
 * serializer its savepoints were written with.
 */
@Internal
public final class NeighboursSerializer extends TypeSerializer<Neighbours> {
  private static final long serialVersionUID = 1L;

  /** The one instance (the serializer is stateless). */
  public static final NeighboursSerializer INSTANCE = new NeighboursSerializer();

  private NeighboursSerializer() {}

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public TypeSerializer<Neighbours> duplicate() {
    return this;
  }

  @Override
  public Neighbours createInstance() {
    return new Neighbours();
  }

  @Override
  public Neighbours copy(Neighbours from) {
    Neighbours copy = from.copy();
    copy.updatesSinceRecompute = from.updatesSinceRecompute;
    return copy;
  }

  @Override
  public Neighbours copy(Neighbours from, Neighbours reuse) {
    return copy(from);
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(Neighbours list, DataOutputView out) throws IOException {
    out.writeInt(list.size);
    for (int k = 0; k < list.size; k++) {
      StringValue.writeString(list.items[k], out);
      out.writeDouble(list.scores[k]);
      out.writeInt(list.hashes[k]);
    }
    out.writeLong(list.time);
    out.writeInt(list.rowSize);
    out.writeInt(list.updatesSinceRecompute);
  }

  @Override
  public Neighbours deserialize(DataInputView in) throws IOException {
    Neighbours list = new Neighbours();
    int size = in.readInt();
    list.items = new String[size];
    list.scores = new double[size];
    list.hashes = new int[size];
    for (int k = 0; k < size; k++) {
      list.items[k] = StringValue.readString(in);
      list.scores[k] = in.readDouble();
      list.hashes[k] = in.readInt();
    }
    list.size = size;
    list.time = in.readLong();
    list.rowSize = in.readInt();
    list.updatesSinceRecompute = in.readInt();
    return list;
  }

  @Override
  public Neighbours deserialize(Neighbours reuse, DataInputView in) throws IOException {
    return deserialize(in);
  }

  @Override
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    serialize(deserialize(source), target);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NeighboursSerializer;
  }

  @Override
  public int hashCode() {
    return NeighboursSerializer.class.hashCode();
  }

  @Override
  public TypeSerializerSnapshot<Neighbours> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Snapshot of {@link NeighboursSerializer}. */
  @Internal
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<Neighbours> {
    /** For Flink. */
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }
}
