package io.recs.request;

import io.recs.event.SerializerTypeInfo;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The serializer of {@link PendingRequest}s, keyed state of the ranking stage: the number of
 * messages, then each as {@link RankInputSerializer} writes it.
 */
@Internal
public final class PendingRequestSerializer extends TypeSerializer<PendingRequest> {
  private static final long serialVersionUID = 1L;

  /** The one instance (the serializer is stateless). */
  public static final PendingRequestSerializer INSTANCE = new PendingRequestSerializer();

  private PendingRequestSerializer() {}

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public TypeSerializer<PendingRequest> duplicate() {
    return this;
  }

  @Override
  public PendingRequest createInstance() {
    return new PendingRequest();
  }

  @Override
  public PendingRequest copy(PendingRequest from) {
    return from.copy();
  }

  @Override
  public PendingRequest copy(PendingRequest from, PendingRequest reuse) {
    return from.copy();
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(PendingRequest request, DataOutputView out) throws IOException {
    out.writeInt(request.received());
    for (int k = 0; k < request.received(); k++) {
      RankInputSerializer.INSTANCE.serialize(request.get(k), out);
    }
  }

  @Override
  public PendingRequest deserialize(DataInputView in) throws IOException {
    int received = in.readInt();
    RequestMessage[] messages = new RequestMessage[received];
    for (int k = 0; k < received; k++) {
      if (!(RankInputSerializer.INSTANCE.deserialize(in) instanceof RequestMessage message)) {
        throw new IOException("a pending request holds only request messages");
      }
      messages[k] = message;
    }
    return new PendingRequest(messages, received);
  }

  @Override
  public PendingRequest deserialize(PendingRequest reuse, DataInputView in) throws IOException {
    return deserialize(in);
  }

  @Override
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    serialize(deserialize(source), target);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PendingRequestSerializer;
  }

  @Override
  public int hashCode() {
    return PendingRequestSerializer.class.hashCode();
  }

  @Override
  public TypeSerializerSnapshot<PendingRequest> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Snapshot of {@link PendingRequestSerializer}. */
  @Internal
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<PendingRequest> {
    /** For Flink. */
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }

  /** Chooses the type information of {@link PendingRequest}, through its {@code @TypeInfo}. */
  @Internal
  public static final class Factory extends TypeInfoFactory<PendingRequest> {
    @Override
    public TypeInformation<PendingRequest> createTypeInfo(
        Type t, Map<String, TypeInformation<?>> genericParameters) {
      return TYPE;
    }
  }

  /** The type information of {@link PendingRequest}. */
  public static final TypeInformation<PendingRequest> TYPE =
      SerializerTypeInfo.of(PendingRequest.class, () -> INSTANCE);
}
