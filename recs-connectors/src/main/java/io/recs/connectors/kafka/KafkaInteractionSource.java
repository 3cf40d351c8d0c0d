package io.recs.connectors.kafka;

import static io.recs.config.BuilderChecks.nonBlank;
import static io.recs.config.BuilderChecks.notYetSet;
import static io.recs.config.BuilderChecks.required;

import io.recs.connectors.InteractionSource;
import io.recs.parse.InteractionParser;
import io.recs.parse.ParseResult;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads interactions from Kafka: each record's value is handed to an {@link InteractionParser};
 * records that do not parse become dead letters carrying topic, partition and offset.
 *
 * <pre>{@code
 * ParsedStreams in = KafkaInteractionSource.builder()
 *     .bootstrapServers("localhost:9092")
 *     .topics("interactions")
 *     .groupId("recs")
 *     .parser(parser)
 *     .build()
 *     .attach(env);
 * DataStream<Interaction> interactions = in.interactions();
 * DataStream<RejectedRecord> deadLetters = in.deadLetters();
 * }</pre>
 *
 * <p>Built on Flink's {@link KafkaSource}: offsets are part of Flink's checkpoints, so with
 * checkpointing every record is read exactly once into the job's state. Offsets are also committed
 * to the consumer group on each completed checkpoint, for monitoring and for {@link
 * StartingOffsets#committed()}.
 *
 * <p>Defaults: starting offsets {@link StartingOffsets#committed()}, unbounded, watermarks 5 s
 * behind the latest interaction's event time per partition, partitions never marked idle, operator
 * name and uid {@code "kafka-interactions"}. Records with a null value (tombstones) become {@code
 * EMPTY} dead letters; keys are not read.
 */
@PublicEvolving
public final class KafkaInteractionSource extends InteractionSource {

  /** The default operator name and uid prefix. */
  public static final String DEFAULT_NAME = "kafka-interactions";

  // Client properties that have their own setter, so that each has one place to be set.
  private static final Map<String, String> MANAGED_PROPERTIES =
      Map.of(
          "bootstrap.servers", "bootstrapServers(...)",
          "group.id", "groupId(...)",
          "auto.offset.reset", "startingOffsets(...)",
          "key.deserializer", "parser(...)",
          "value.deserializer", "parser(...)");

  private KafkaInteractionSource(Builder b, InteractionParser parser) {
    super(kafkaSource(b, parser), b);
  }

  private static KafkaSource<ParseResult> kafkaSource(Builder b, InteractionParser parser) {
    KafkaSourceBuilder<ParseResult> kafka =
        KafkaSource.<ParseResult>builder()
            .setBootstrapServers(b.bootstrapServers)
            .setGroupId(b.groupId)
            .setStartingOffsets(
                (b.startingOffsets == null ? StartingOffsets.committed() : b.startingOffsets)
                    .toInitializer())
            .setDeserializer(new ParsingDeserializer(parser));
    if (b.topics != null) {
      kafka.setTopics(b.topics);
    } else {
      kafka.setTopicPattern(b.topicPattern);
    }
    if (Boolean.TRUE.equals(b.boundedAtLatest)) {
      kafka.setBounded(OffsetsInitializer.latest());
    } else if (b.stoppingOffsets != null) {
      kafka.setBounded(OffsetsInitializer.offsets(b.stoppingOffsets));
    }
    b.properties.forEach(kafka::setProperty);
    return kafka.build();
  }

  /** A builder with the defaults of the class comment. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link KafkaInteractionSource}: the settings of every source ({@link
   * InteractionSource.Builder}) and those of Kafka; each setter may be called once.
   */
  @PublicEvolving
  public static final class Builder extends InteractionSource.Builder<Builder> {
    private String bootstrapServers;
    private List<String> topics;
    private Pattern topicPattern;
    private String groupId;
    private StartingOffsets startingOffsets;
    private Boolean boundedAtLatest;
    private Map<TopicPartition, Long> stoppingOffsets;
    private final Map<String, String> properties = new LinkedHashMap<>();

    Builder() {}

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected String defaultName() {
      return DEFAULT_NAME;
    }

    /** Required: the brokers, {@code host:port[,host:port...]}. */
    public Builder bootstrapServers(String bootstrapServers) {
      notYetSet("bootstrapServers", this.bootstrapServers);
      this.bootstrapServers = nonBlank("bootstrapServers", bootstrapServers);
      return this;
    }

    /** The topics to read; exactly one of {@code topics} and {@code topicPattern} is required. */
    public Builder topics(String... topics) {
      notYetSet("topics", this.topics);
      if (topics == null || topics.length == 0) {
        throw new IllegalArgumentException("topics must name at least one topic, was none");
      }
      for (String topic : topics) {
        nonBlank("topic in topics " + Arrays.toString(topics), topic);
      }
      this.topics = List.of(topics);
      return this;
    }

    /** Reads every topic whose name matches, including topics created later. */
    public Builder topicPattern(Pattern topicPattern) {
      notYetSet("topicPattern", this.topicPattern);
      this.topicPattern = Objects.requireNonNull(topicPattern, "topicPattern");
      return this;
    }

    /** Required: the consumer group, under which offsets are committed. */
    public Builder groupId(String groupId) {
      notYetSet("groupId", this.groupId);
      this.groupId = nonBlank("groupId", groupId);
      return this;
    }

    /** Where to start without a checkpoint; default {@link StartingOffsets#committed()}. */
    public Builder startingOffsets(StartingOffsets startingOffsets) {
      notYetSet("startingOffsets", this.startingOffsets);
      this.startingOffsets = Objects.requireNonNull(startingOffsets, "startingOffsets");
      return this;
    }

    /**
     * Whether to stop at the offsets that are latest when the job starts, making the source bounded
     * (for backfills and tests). Default false: read forever.
     */
    public Builder boundedAtLatest(boolean boundedAtLatest) {
      notYetSet("boundedAtLatest", this.boundedAtLatest);
      this.boundedAtLatest = boundedAtLatest;
      return this;
    }

    /**
     * Makes the source bounded: it stops at these offsets (exclusive), for example the end offsets
     * read before the job starts, so that the caller knows exactly where a backfill ended and can
     * commit those offsets for the live run that follows. Partitions not listed are not read to an
     * end. Only one of this and {@link #boundedAtLatest(boolean)} may be set.
     */
    public Builder stoppingOffsets(Map<TopicPartition, Long> stoppingOffsets) {
      notYetSet("stoppingOffsets", this.stoppingOffsets);
      this.stoppingOffsets = Map.copyOf(Objects.requireNonNull(stoppingOffsets, "stoppingOffsets"));
      return this;
    }

    /**
     * Sets a Kafka consumer property, for example {@code security.protocol}. Properties with their
     * own setter (bootstrap.servers, group.id, auto.offset.reset, key/value.deserializer) are
     * refused.
     */
    public Builder property(String key, String value) {
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
     * Checks the configuration and builds the source.
     *
     * @throws IllegalArgumentException naming the missing or conflicting property
     */
    public KafkaInteractionSource build() {
      required("bootstrapServers", bootstrapServers);
      required("groupId", groupId);
      InteractionParser parser = requiredParser();
      if (topics != null && topicPattern != null) {
        throw new IllegalArgumentException(
            "only one of topics(...) / topicPattern(...) may be set, was topics="
                + topics
                + " and topicPattern="
                + topicPattern);
      }
      if (topics == null && topicPattern == null) {
        throw new IllegalArgumentException("one of topics(...) / topicPattern(...) must be set");
      }
      if (Boolean.TRUE.equals(boundedAtLatest) && stoppingOffsets != null) {
        throw new IllegalArgumentException(
            "only one of boundedAtLatest(true) / stoppingOffsets(...) may be set");
      }
      return new KafkaInteractionSource(this, parser);
    }
  }
}
