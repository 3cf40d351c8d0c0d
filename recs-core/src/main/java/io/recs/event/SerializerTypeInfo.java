package io.recs.event;

import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.util.function.SerializableSupplier;

/**
 * Type information of a type that recs serializes with a hand-written {@link TypeSerializer}
 * (scored lists, parse results, the request path's messages); a type chooses it through a
 * {@code @TypeInfo} factory, so that Flink never falls back to Kryo for it.
 *
 * @param <T> the type
 */
@Internal
public final class SerializerTypeInfo<T> extends TypeInformation<T> {
  private static final long serialVersionUID = 1L;

  private final Class<T> type;
  private final SerializableSupplier<TypeSerializer<T>> serializer;

  private SerializerTypeInfo(Class<T> type, SerializableSupplier<TypeSerializer<T>> serializer) {
    this.type = type;
    this.serializer = serializer;
  }

  /**
   * The type information of {@code type}, serialized by what {@code serializer} supplies (a new
   * serializer per call if it has state, or a shared stateless instance).
   */
  public static <T> SerializerTypeInfo<T> of(
      Class<T> type, SerializableSupplier<TypeSerializer<T>> serializer) {
    return new SerializerTypeInfo<>(type, serializer);
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
    return serializer.get();
  }

  @Override
  public String toString() {
    return "SerializerTypeInfo<" + type.getSimpleName() + ">";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SerializerTypeInfo<?> info && info.type == type;
  }

  @Override
  public int hashCode() {
    return type.hashCode();
  }

  @Override
  public boolean canEqual(Object other) {
    return other instanceof SerializerTypeInfo;
  }

  /** Chooses the type information of {@link SimilarItems}. */
  @Internal
  public static final class SimilarItemsFactory extends TypeInfoFactory<SimilarItems> {
    @Override
    public TypeInformation<SimilarItems> createTypeInfo(
        Type t, Map<String, TypeInformation<?>> genericParameters) {
      return of(SimilarItems.class, () -> ScoredListSerializer.OfSimilarItems.INSTANCE);
    }
  }

  /** Chooses the type information of {@link Recommendations}. */
  @Internal
  public static final class RecommendationsFactory extends TypeInfoFactory<Recommendations> {
    @Override
    public TypeInformation<Recommendations> createTypeInfo(
        Type t, Map<String, TypeInformation<?>> genericParameters) {
      return of(Recommendations.class, () -> ScoredListSerializer.OfRecommendations.INSTANCE);
    }
  }
}
