package io.recs.event;

import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * Type information of the records serialized by a {@link ScoredListSerializer}; chosen by Flink
 * through the {@code @TypeInfo} annotation on each record.
 *
 * @param <T> the record type
 */
@Internal
public final class ScoredListTypeInfo<T> extends TypeInformation<T> {
  private static final long serialVersionUID = 1L;

  private final Class<T> type;
  private final ScoredListSerializer<T> serializer;

  private ScoredListTypeInfo(Class<T> type, ScoredListSerializer<T> serializer) {
    this.type = type;
    this.serializer = serializer;
  }

  @Override
  public boolean isBasicType() {
    return false;
  }

  @Override
  public boolean isTupleType() {
    return false;
  }

  @Override
  public int getArity() {
    return 1;
  }

  @Override
  public int getTotalFields() {
    return 1;
  }

  @Override
  public Class<T> getTypeClass() {
    return type;
  }

  @Override
  public boolean isKeyType() {
    return false;
  }

  @Override
  public TypeSerializer<T> createSerializer(SerializerConfig config) {
    return serializer;
  }

  @Override
  public String toString() {
    return "ScoredListTypeInfo<" + type.getSimpleName() + ">";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ScoredListTypeInfo<?> info && info.type == type;
  }

  @Override
  public int hashCode() {
    return type.hashCode();
  }

  @Override
  public boolean canEqual(Object other) {
    return other instanceof ScoredListTypeInfo;
  }

  /** Chooses the type information of {@link SimilarItems}. */
  @Internal
  public static final class SimilarItemsFactory extends TypeInfoFactory<SimilarItems> {
    @Override
    public TypeInformation<SimilarItems> createTypeInfo(
        Type t, Map<String, TypeInformation<?>> genericParameters) {
      return new ScoredListTypeInfo<>(
          SimilarItems.class, ScoredListSerializer.OfSimilarItems.INSTANCE);
    }
  }

  /** Chooses the type information of {@link Recommendations}. */
  @Internal
  public static final class RecommendationsFactory extends TypeInfoFactory<Recommendations> {
    @Override
    public TypeInformation<Recommendations> createTypeInfo(
        Type t, Map<String, TypeInformation<?>> genericParameters) {
      return new ScoredListTypeInfo<>(
          Recommendations.class, ScoredListSerializer.OfRecommendations.INSTANCE);
    }
  }
}
