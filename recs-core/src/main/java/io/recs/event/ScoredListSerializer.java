package io.recs.event;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Hand-written serializers of the immutable output records that hold a key, a list of {@link
 * ScoredItem}s and a timestamp: {@link SimilarItems} and {@link Recommendations}.
 *
 * <p>The records are immutable, so {@code copy} returns its argument: chained operators and heap
 * state share instances instead of copying lists of scored items field by field, which Flink's
 * reflective record serializer does. The binary format is: key (Flink string), timestamp (long),
 * item count (int), then per item its id (Flink string), score (double), explanation count (int)
 * and explanations (Flink strings). {@link Recommendations} add a boolean (final list or not) after
 * the timestamp; they are never kept in state, so the format of their stream can change.
 *
 * @param <T> the record type
 */
@Internal
public abstract class ScoredListSerializer<T> extends TypeSerializerSingleton<T> {
  private static final long serialVersionUID = 1L;

  ScoredListSerializer() {}

  abstract String key(T record);

  abstract List<ScoredItem> items(T record);

  abstract long timestamp(T record);

  abstract T create(String key, List<ScoredItem> items, long timestamp, boolean flag);

  /** Whether the record carries a boolean flag after its timestamp. */
  abstract boolean hasFlag();

  /** The record's flag; false for records without one. */
  boolean flag(T record) {
    return false;
  }

  @Override
  public boolean isImmutableType() {
    return true;
  }

  @Override
  public T createInstance() {
    return create("", List.of(), 0, false);
  }

  @Override
  public T copy(T from) {
    return from;
  }

  @Override
  public T copy(T from, T reuse) {
    return from;
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(T record, DataOutputView target) throws IOException {
    StringValue.writeString(key(record), target);
    target.writeLong(timestamp(record));
    if (hasFlag()) {
      target.writeBoolean(flag(record));
    }
    List<ScoredItem> items = items(record);
    target.writeInt(items.size());
    for (ScoredItem item : items) {
      StringValue.writeString(item.itemId(), target);
      target.writeDouble(item.score());
      List<String> because = item.because();
      target.writeInt(because.size());
      for (String reason : because) {
        StringValue.writeString(reason, target);
      }
    }
  }

  @Override
  public T deserialize(DataInputView source) throws IOException {
    String key = StringValue.readString(source);
    long timestamp = source.readLong();
    boolean flag = hasFlag() && source.readBoolean();
    int size = source.readInt();
    List<ScoredItem> items = new ArrayList<>(size);
    for (int k = 0; k < size; k++) {
      String itemId = StringValue.readString(source);
      double score = source.readDouble();
      int reasons = source.readInt();
      List<String> because;
      if (reasons == 0) {
        because = List.of();
      } else {
        String[] array = new String[reasons];
        for (int r = 0; r < reasons; r++) {
          array[r] = StringValue.readString(source);
        }
        because = List.of(array);
      }
      items.add(new ScoredItem(itemId, score, because));
    }
    return create(key, items, timestamp, flag);
  }

  @Override
  public T deserialize(T reuse, DataInputView source) throws IOException {
    return deserialize(source);
  }

  @Override
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    serialize(deserialize(source), target);
  }

  /** The serializer of {@link SimilarItems}. */
  @Internal
  public static final class OfSimilarItems extends ScoredListSerializer<SimilarItems> {
    private static final long serialVersionUID = 1L;

    /** The instance. */
    public static final OfSimilarItems INSTANCE = new OfSimilarItems();

    @Override
    String key(SimilarItems record) {
      return record.itemId();
    }

    @Override
    List<ScoredItem> items(SimilarItems record) {
      return record.neighbours();
    }

    @Override
    long timestamp(SimilarItems record) {
      return record.timestamp();
    }

    @Override
    SimilarItems create(String key, List<ScoredItem> items, long timestamp, boolean flag) {
      return new SimilarItems(key, items, timestamp);
    }

    @Override
    boolean hasFlag() {
      return false;
    }

    @Override
    public TypeSerializerSnapshot<SimilarItems> snapshotConfiguration() {
      return new SimilarItemsSnapshot();
    }
  }

  /** The serializer of {@link Recommendations}. */
  @Internal
  public static final class OfRecommendations extends ScoredListSerializer<Recommendations> {
    private static final long serialVersionUID = 1L;

    /** The instance. */
    public static final OfRecommendations INSTANCE = new OfRecommendations();

    @Override
    String key(Recommendations record) {
      return record.userId();
    }

    @Override
    List<ScoredItem> items(Recommendations record) {
      return record.items();
    }

    @Override
    long timestamp(Recommendations record) {
      return record.timestamp();
    }

    @Override
    Recommendations create(String key, List<ScoredItem> items, long timestamp, boolean flag) {
      return new Recommendations(key, items, timestamp, flag);
    }

    @Override
    boolean hasFlag() {
      return true;
    }

    @Override
    boolean flag(Recommendations record) {
      return record.isFinal();
    }

    @Override
    public TypeSerializerSnapshot<Recommendations> snapshotConfiguration() {
      return new RecommendationsSnapshot();
    }
  }

  /** Snapshot of {@link OfSimilarItems}, for savepoints. */
  @Internal
  public static final class SimilarItemsSnapshot
      extends SimpleTypeSerializerSnapshot<SimilarItems> {
    /** For Flink. */
    public SimilarItemsSnapshot() {
      super(() -> OfSimilarItems.INSTANCE);
    }
  }

  /** Snapshot of {@link OfRecommendations}, for savepoints. */
  @Internal
  public static final class RecommendationsSnapshot
      extends SimpleTypeSerializerSnapshot<Recommendations> {
    /** For Flink. */
    public RecommendationsSnapshot() {
      super(() -> OfRecommendations.INSTANCE);
    }
  }
}
