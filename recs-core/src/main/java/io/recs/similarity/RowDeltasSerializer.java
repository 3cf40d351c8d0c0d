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
 * The serializer of {@link RowDeltas} in keyed state: the number of columns, then each column's id
 * and addition.
 */
@Internal
public final class RowDeltasSerializer extends TypeSerializer<RowDeltas> {
  private static final long serialVersionUID = 1L;

  /** The one instance (the serializer is stateless). */
  public static final RowDeltasSerializer INSTANCE = new RowDeltasSerializer();

  private RowDeltasSerializer() {}

  @Override
  public boolean isImmutableType() {
    return true; // records are never changed
  }

  @Override
  public TypeSerializer<RowDeltas> duplicate() {
    return this;
  }

  @Override
  public RowDeltas createInstance() {
    return new RowDeltas(new String[0], new double[0]);
  }

  @Override
  public RowDeltas copy(RowDeltas from) {
    return from;
  }

  @Override
  public RowDeltas copy(RowDeltas from, RowDeltas reuse) {
    return from;
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(RowDeltas deltas, DataOutputView out) throws IOException {
    String[] cols = deltas.cols();
    double[] values = deltas.deltas();
    out.writeInt(cols.length);
    for (int k = 0; k < cols.length; k++) {
      StringValue.writeString(cols[k], out);
      out.writeDouble(values[k]);
    }
  }

  @Override
  public RowDeltas deserialize(DataInputView in) throws IOException {
    int size = in.readInt();
    String[] cols = new String[size];
    double[] values = new double[size];
    for (int k = 0; k < size; k++) {
      cols[k] = StringValue.readString(in);
      values[k] = in.readDouble();
    }
    return new RowDeltas(cols, values);
  }

  @Override
  public RowDeltas deserialize(RowDeltas reuse, DataInputView in) throws IOException {
    return deserialize(in);
  }

  @Override
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    serialize(deserialize(source), target);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RowDeltasSerializer;
  }

  @Override
  public int hashCode() {
    return RowDeltasSerializer.class.hashCode();
  }

  @Override
  public TypeSerializerSnapshot<RowDeltas> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Snapshot of {@link RowDeltasSerializer}. */
  @Internal
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<RowDeltas> {
    /** For Flink. */
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }
}
