package io.recs.connectors.kafka;

import static io.recs.config.BuilderChecks.nonBlank;
import static io.recs.config.BuilderChecks.notYetSet;
import static io.recs.config.BuilderChecks.positive;
import static io.recs.config.BuilderChecks.required;

import io.recs.connectors.json.JsonFormat;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.sink.KafkaSinkBuilder;

/**
 * Writes recs outputs to a Kafka topic as JSON, keyed so that a compacted topic keeps the latest
 * value per key (per user, item or trending scope).
 *
 * <pre>{@code
 * KafkaSink<Recommendations> sink = RecsKafkaSink.<Recommendations>builder()
 *     .bootstrapServers("localhost:9092")
 *     .topic("recommendations")
 *     .format(RecsJson.recommendations())
 *     .deliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
 *     .transactionalIdPrefix("recs-recommendations")
 *     .build();
 * recommendations.sinkTo(sink).name("recommendations-kafka").uid("recommendations-kafka");
 * }</pre>
 *
 * <p>Delivery guarantees:
 *
 * <ul>
 *   <li>{@link DeliveryGuarantee#NONE}: fire and forget; records may be lost on failure.
 *   <li>{@link DeliveryGuarantee#AT_LEAST_ONCE} (default): each checkpoint waits until all records
 *       are acknowledged; after a failure, records since the last checkpoint are written again.
 *       With a compacted topic the duplicates are harmless: the latest value per key wins.
 *   <li>{@link DeliveryGuarantee#EXACTLY_ONCE}: records are written in Kafka transactions that
 *       commit when a checkpoint completes. Consumers with {@code isolation.level=read_committed}
 *       see every record once, but only after the checkpoint: latency is at least the checkpoint
 *       interval. Requires checkpointing and a {@link Builder#transactionalIdPrefix} unique per
 *       sink on the cluster.
 * </ul>
 *
 * <p>The transaction timeout defaults to 60 s. Flink's own default (1 h) is above the broker's
 * default {@code transaction.max.timeout.ms} (15 min), which makes the broker refuse every
 * transaction. It must exceed the longest expected gap between checkpoints plus restart time, or
 * open transactions are aborted and their records lost.
 *
 * @see io.recs.connectors.json.RecsJson
 */
@PublicEvolving
public final class RecsKafkaSink {

  /** The default delivery guarantee. */
  public static final DeliveryGuarantee DEFAULT_DELIVERY_GUARANTEE =
      DeliveryGuarantee.AT_LEAST_ONCE;

  /** The default Kafka transaction timeout for {@link DeliveryGuarantee#EXACTLY_ONCE}. */
  public static final Duration DEFAULT_TRANSACTION_TIMEOUT = Duration.ofSeconds(60);

  private static final Map<String, String> MANAGED_PROPERTIES =
      Map.of(
          "bootstrap.servers", "bootstrapServers(...)",
          "transaction.timeout.ms", "transactionTimeout(...)",
          "transactional.id", "transactionalIdPrefix(...)",
          "key.serializer", "format(...)",
          "value.serializer", "format(...)");

  private RecsKafkaSink() {}

  /** A builder for values of type {@code T}. */
  public static <T> Builder<T> builder() {
    return new Builder<>();
  }

  /**
   * Builds a {@link KafkaSink} for recs outputs; each setter may be called once.
   *
   * @param <T> the written type
   */
  @PublicEvolving
  public static final class Builder<T> {
    private String bootstrapServers;
    private String topic;
    private JsonFormat<T> format;
    private DeliveryGuarantee deliveryGuarantee;
    private String transactionalIdPrefix;
    private Duration transactionTimeout;
    private final Map<String, String> properties = new LinkedHashMap<>();

    Builder() {}

    /** Required: the brokers, {@code host:port[,host:port...]}. */
    public Builder<T> bootstrapServers(String bootstrapServers) {
      notYetSet("bootstrapServers", this.bootstrapServers);
      this.bootstrapServers = nonBlank("bootstrapServers", bootstrapServers);
      return this;
    }

    /** Required: the topic to write. */
    public Builder<T> topic(String topic) {
      notYetSet("topic", this.topic);
      this.topic = nonBlank("topic", topic);
      return this;
    }

    /** Required: how values are keyed and written, one of {@code RecsJson}'s formats. */
    public Builder<T> format(JsonFormat<T> format) {
      notYetSet("format", this.format);
      this.format = Objects.requireNonNull(format, "format");
      return this;
    }

    /** The guarantee; default {@link DeliveryGuarantee#AT_LEAST_ONCE}. See the class comment. */
    public Builder<T> deliveryGuarantee(DeliveryGuarantee deliveryGuarantee) {
      notYetSet("deliveryGuarantee", this.deliveryGuarantee);
      this.deliveryGuarantee = Objects.requireNonNull(deliveryGuarantee, "deliveryGuarantee");
      return this;
    }

    /**
     * Required for, and only allowed with, {@link DeliveryGuarantee#EXACTLY_ONCE}: the prefix of
     * the Kafka transactional ids, unique per sink on the Kafka cluster, and kept across restarts
     * so that the sink can abort its own lingering transactions.
     */
    public Builder<T> transactionalIdPrefix(String transactionalIdPrefix) {
      notYetSet("transactionalIdPrefix", this.transactionalIdPrefix);
      this.transactionalIdPrefix = nonBlank("transactionalIdPrefix", transactionalIdPrefix);
      return this;
    }

    /**
     * The Kafka {@code transaction.timeout.ms} for {@link DeliveryGuarantee#EXACTLY_ONCE}; default
     * 60 s. At most the broker's {@code transaction.max.timeout.ms} (15 min by default).
     */
    public Builder<T> transactionTimeout(Duration transactionTimeout) {
      notYetSet("transactionTimeout", this.transactionTimeout);
      this.transactionTimeout = positive("transactionTimeout", transactionTimeout);
      return this;
    }

    /**
     * Sets a Kafka producer property, for example {@code compression.type}. Properties with their
     * own setter are refused.
     */
    public Builder<T> property(String key, String value) {
      nonBlank("property key", key);
      Objects.requireNonNull(value, () -> "value of property " + key);
      String setter = MANAGED_PROPERTIES.get(key);
      if (setter != null) {
        throw new IllegalArgumentException(
            "property '" + key + "' is set through " + setter + ", not property(...)");
      }
      notYetSet("property '" + key + "'", properties.get(key));
      properties.put(key, value);
      return this;
    }

    /**
     * Checks the configuration and builds the sink.
     *
     * @throws IllegalArgumentException naming the missing or conflicting property
     */
    public KafkaSink<T> build() {
      required("bootstrapServers", bootstrapServers);
      required("topic", topic);
      required("format", format);
      DeliveryGuarantee guarantee =
          deliveryGuarantee == null ? DEFAULT_DELIVERY_GUARANTEE : deliveryGuarantee;
      boolean exactlyOnce = guarantee == DeliveryGuarantee.EXACTLY_ONCE;
      if (exactlyOnce && transactionalIdPrefix == null) {
        throw new IllegalArgumentException(
            "transactionalIdPrefix must be set when deliveryGuarantee is EXACTLY_ONCE");
      }
      if (!exactlyOnce && transactionalIdPrefix != null) {
        throw new IllegalArgumentException(
            "transactionalIdPrefix is only used with EXACTLY_ONCE, but deliveryGuarantee is "
                + guarantee
                + " and transactionalIdPrefix is "
                + transactionalIdPrefix);
      }
      if (!exactlyOnce && transactionTimeout != null) {
        throw new IllegalArgumentException(
            "transactionTimeout is only used with EXACTLY_ONCE, but deliveryGuarantee is "
                + guarantee
                + " and transactionTimeout is "
                + transactionTimeout);
      }
      KafkaSinkBuilder<T> kafka =
          KafkaSink.<T>builder()
              .setBootstrapServers(bootstrapServers)
              .setRecordSerializer(new JsonRecordSerializer<>(topic, format))
              .setDeliveryGuarantee(guarantee);
      if (exactlyOnce) {
        kafka.setTransactionalIdPrefix(transactionalIdPrefix);
      }
      producerProperties(guarantee).forEach(kafka::setProperty);
      return kafka.build();
    }

    /** The extra producer properties: the user's, plus the transaction timeout if transactional. */
    Map<String, String> producerProperties(DeliveryGuarantee guarantee) {
      Map<String, String> all = new LinkedHashMap<>(properties);
      if (guarantee == DeliveryGuarantee.EXACTLY_ONCE) {
        Duration timeout =
            transactionTimeout == null ? DEFAULT_TRANSACTION_TIMEOUT : transactionTimeout;
        all.put("transaction.timeout.ms", Long.toString(timeout.toMillis()));
      }
      return all;
    }
  }
}
