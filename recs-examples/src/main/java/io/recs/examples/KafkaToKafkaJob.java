package io.recs.examples;

import io.recs.connectors.ParsedStreams;
import io.recs.connectors.json.RecsJson;
import io.recs.connectors.kafka.KafkaInteractionSource;
import io.recs.connectors.kafka.RecsKafkaSink;
import io.recs.connectors.kafka.StartingOffsets;
import io.recs.event.Recommendations;
import io.recs.event.RejectedRecord;
import io.recs.event.SimilarItems;
import io.recs.event.TrendingItems;
import io.recs.pipeline.RecsStreams;
import java.io.PrintStream;
import java.util.Locale;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.ParameterTool;

/**
 * Reads interactions from a Kafka topic, runs the recs pipeline, and writes recommendations (keyed
 * by user), similar items (by item) and trending lists (by scope) to compactable topics as JSON,
 * and unparseable records to a dead-letter topic.
 *
 * <pre>
 * java -jar recs-examples.jar kafka-to-kafka --bootstrap-servers localhost:9092 \
 *     --input-topic interactions --parser-class com.example.MyParser
 * flink run -c io.recs.examples.KafkaToKafkaJob recs-examples.jar --bootstrap-servers ...
 * </pre>
 *
 * <p>{@code --help} lists every flag.
 */
@PublicEvolving
public final class KafkaToKafkaJob {
  private KafkaToKafkaJob() {}

  static Flags flags() {
    return PipelineSettings.declare(
        JobSettings.declare(
            new Flags(
                    "kafka-to-kafka: Kafka interactions in; recommendations, similar items, trending"
                        + " and dead letters out")
                .required("bootstrap-servers", "Kafka brokers, host:port[,host:port]")
                .required("input-topic", "topic of raw interaction records")
                .optional("group-id", "recs-kafka-to-kafka", "consumer group")
                .optional("starting-offsets", "committed", "earliest, latest or committed")
                .optional(
                    "bounded",
                    "false",
                    "true: stop at the offsets that are latest at start (backfill)")
                .optional("output-topic", "recommendations", "topic of per-user JSON lists")
                .optional(
                    "similar-items-topic", "similar-items", "topic of per-item neighbour lists")
                .optional("trending-topic", "trending", "topic of trending lists, keyed by scope")
                .optional("dead-letter-topic", "dead-letters", "topic of rejected records")
                .optional(
                    "delivery-guarantee", "at-least-once", "none, at-least-once or exactly-once")
                .optional(
                    "transactional-id-prefix",
                    "recs-kafka-to-kafka",
                    "Kafka transactional id prefix (exactly-once only)")));
  }

  /** Runs the job; see {@code --help}. */
  public static void main(String[] args) throws Exception {
    run(args, System.out);
  }

  static void run(String[] args, PrintStream out) throws Exception {
    ParameterTool params = flags().parse(args, out);
    if (params == Flags.HELP) {
      return;
    }
    StreamExecutionEnvironment env = JobSettings.environment(params);
    ParsedStreams in =
        KafkaInteractionSource.builder()
            .bootstrapServers(params.get("bootstrap-servers"))
            .topics(params.get("input-topic"))
            .groupId(params.get("group-id"))
            .startingOffsets(startingOffsets(params.get("starting-offsets")))
            .boundedAtLatest(params.getBoolean("bounded"))
            .parser(Formats.parser(params.get("format"), params.get("parser-class")))
            .build()
            .attach(env);
    RecsStreams streams = PipelineSettings.pipeline(params).apply(in.interactions());
    streams
        .recommendations()
        .sinkTo(
            KafkaToKafkaJob.<Recommendations>sink(
                    params, params.get("output-topic"), "-recommendations")
                .format(RecsJson.recommendations())
                .build())
        .name("recommendations-kafka")
        .uid("recommendations-kafka");
    streams
        .similarItems()
        .sinkTo(
            KafkaToKafkaJob.<SimilarItems>sink(
                    params, params.get("similar-items-topic"), "-similar-items")
                .format(RecsJson.similarItems())
                .build())
        .name("similar-items-kafka")
        .uid("similar-items-kafka");
    streams
        .trending()
        .sinkTo(
            KafkaToKafkaJob.<TrendingItems>sink(params, params.get("trending-topic"), "-trending")
                .format(RecsJson.trendingItems())
                .build())
        .name("trending-kafka")
        .uid("trending-kafka");
    in.deadLetters()
        .sinkTo(
            KafkaToKafkaJob.<RejectedRecord>sink(
                    params, params.get("dead-letter-topic"), "-dead-letters")
                .format(RecsJson.rejectedRecords())
                .build())
        .name("dead-letters-kafka")
        .uid("dead-letters-kafka");
    env.execute("recs kafka-to-kafka");
  }

  private static <T> RecsKafkaSink.Builder<T> sink(ParameterTool params, String topic, String id) {
    DeliveryGuarantee guarantee = deliveryGuarantee(params.get("delivery-guarantee"));
    RecsKafkaSink.Builder<T> sink =
        RecsKafkaSink.<T>builder()
            .bootstrapServers(params.get("bootstrap-servers"))
            .topic(topic)
            .deliveryGuarantee(guarantee);
    if (guarantee == DeliveryGuarantee.EXACTLY_ONCE) {
      // One prefix per sink: two sinks sharing transactional ids would fence each other.
      sink.transactionalIdPrefix(params.get("transactional-id-prefix") + id);
    }
    return sink;
  }

  private static StartingOffsets startingOffsets(String name) {
    return switch (name) {
      case "earliest" -> StartingOffsets.earliest();
      case "latest" -> StartingOffsets.latest();
      case "committed" -> StartingOffsets.committed();
      default ->
          throw new IllegalArgumentException(
              "--starting-offsets must be earliest, latest or committed, was " + name);
    };
  }

  private static DeliveryGuarantee deliveryGuarantee(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "none" -> DeliveryGuarantee.NONE;
      case "at-least-once" -> DeliveryGuarantee.AT_LEAST_ONCE;
      case "exactly-once" -> DeliveryGuarantee.EXACTLY_ONCE;
      default ->
          throw new IllegalArgumentException(
              "--delivery-guarantee must be none, at-least-once or exactly-once, was " + name);
    };
  }
}
