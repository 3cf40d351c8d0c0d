package io.recs.examples;

import io.recs.connectors.ParsedStreams;
import io.recs.connectors.json.RecsJson;
import io.recs.connectors.kafka.KafkaInteractionSource;
import io.recs.connectors.kafka.RecsKafkaSink;
import io.recs.connectors.kafka.StartingOffsets;
import io.recs.event.Recommendations;
import io.recs.event.RejectedRecord;
import java.io.PrintStream;
import java.util.Locale;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.ParameterTool;

/**
 * Reads interactions from a Kafka topic and writes each user's recent-items list to a compacted
 * topic as JSON, and unparseable records to a dead-letter topic.
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
    return JobSettings.declare(
        new Flags("kafka-to-kafka: Kafka interactions in, recent items and dead letters out")
            .required("bootstrap-servers", "Kafka brokers, host:port[,host:port]")
            .required("input-topic", "topic of raw interaction records")
            .optional("group-id", "recs-kafka-to-kafka", "consumer group")
            .optional("starting-offsets", "committed", "earliest, latest or committed")
            .optional(
                "bounded", "false", "true: stop at the offsets that are latest at start (backfill)")
            .optional("output-topic", "recommendations", "topic of per-user JSON lists")
            .optional("dead-letter-topic", "dead-letters", "topic of rejected records")
            .optional("delivery-guarantee", "at-least-once", "none, at-least-once or exactly-once")
            .optional(
                "transactional-id-prefix",
                "recs-kafka-to-kafka",
                "Kafka transactional id prefix (exactly-once only)"));
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
    RecentItems.of(in.interactions(), params.getInt("history"))
        .sinkTo(
            KafkaToKafkaJob.<Recommendations>sink(
                    params, params.get("output-topic"), "-recommendations")
                .format(RecsJson.recommendations())
                .build())
        .name("recommendations-kafka")
        .uid("recommendations-kafka");
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
