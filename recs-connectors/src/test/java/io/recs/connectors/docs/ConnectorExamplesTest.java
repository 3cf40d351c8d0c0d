package io.recs.connectors.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.recs.connectors.file.FileInteractionSource;
import io.recs.connectors.file.RecsFileSink;
import io.recs.connectors.json.RecsJson;
import io.recs.connectors.kafka.KafkaInteractionSource;
import io.recs.connectors.kafka.RecsKafkaSink;
import io.recs.connectors.kafka.StartingOffsets;
import io.recs.event.Interaction;
import io.recs.event.Recommendations;
import io.recs.event.RejectReason;
import io.recs.event.RejectedRecord;
import io.recs.parse.InteractionParser;
import io.recs.parse.ParseResult;
import io.recs.parse.ParsedStreams;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code samples of docs/connectors/kafka.md and docs/connectors/files.md, compiled and wired
 * into a job graph here so that the docs cannot rot. Each method is copied into the docs verbatim.
 */
class ConnectorExamplesTest {

  // docs/connectors/kafka.md: "Reading interactions"
  static ParsedStreams readFromKafka(StreamExecutionEnvironment env, InteractionParser parser) {
    return KafkaInteractionSource.builder()
        .bootstrapServers("localhost:9092")
        .topics("interactions")
        .groupId("recs")
        .startingOffsets(StartingOffsets.earliest())
        .parser(parser)
        .maxOutOfOrderness(Duration.ofSeconds(10))
        .build()
        .attach(env);
  }

  // docs/connectors/kafka.md: "Writing results"
  static void writeToKafka(
      DataStream<Recommendations> recommendations, DataStream<RejectedRecord> deadLetters) {
    recommendations
        .sinkTo(
            RecsKafkaSink.<Recommendations>builder()
                .bootstrapServers("localhost:9092")
                .topic("recommendations")
                .format(RecsJson.recommendations())
                .deliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .transactionalIdPrefix("recs-recommendations")
                .build())
        .name("recommendations-kafka")
        .uid("recommendations-kafka");
    deadLetters
        .sinkTo(
            RecsKafkaSink.<RejectedRecord>builder()
                .bootstrapServers("localhost:9092")
                .topic("dead-letters")
                .format(RecsJson.rejectedRecords())
                .build())
        .name("dead-letters-kafka")
        .uid("dead-letters-kafka");
  }

  // docs/connectors/files.md: "Reading files"
  // inputDir is for example "hdfs://namenode:8020/recs/interactions" or "/data/interactions".
  static ParsedStreams readFromFiles(
      StreamExecutionEnvironment env, InteractionParser parser, String inputDir) {
    return FileInteractionSource.builder()
        .paths(inputDir)
        .parser(parser)
        .monitorContinuously(Duration.ofSeconds(30))
        .build()
        .attach(env);
  }

  // docs/connectors/files.md: "Writing files"
  // outputDir is for example "hdfs://namenode:8020/recs/out" or "/data/recs-out".
  static void writeToFiles(
      DataStream<Recommendations> recommendations,
      DataStream<RejectedRecord> deadLetters,
      String outputDir) {
    recommendations
        .sinkTo(
            RecsFileSink.<Recommendations>builder()
                .path(outputDir + "/recommendations")
                .format(RecsJson.recommendations())
                .build())
        .name("recommendations-files")
        .uid("recommendations-files");
    deadLetters
        .sinkTo(
            RecsFileSink.<RejectedRecord>builder()
                .path(outputDir + "/dead-letters")
                .format(RecsJson.rejectedRecords())
                .build())
        .name("dead-letters-files")
        .uid("dead-letters-files");
  }

  private static final InteractionParser PARSER =
      (bytes, origin) ->
          ParseResult.rejected(
              new RejectedRecord(
                  RejectReason.EMPTY,
                  "",
                  origin.source(),
                  origin.partition(),
                  origin.offset(),
                  "",
                  bytes.length));

  private static DataStream<Recommendations> stub(DataStream<Interaction> interactions) {
    return interactions.map(
        i -> new Recommendations(i.userId(), List.of(), i.timestamp()),
        TypeInformation.of(Recommendations.class));
  }

  @Test
  void theDocumentedSamplesBuildAJobGraph(@TempDir Path dir) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.enableCheckpointing(10_000);
    ParsedStreams kafka = readFromKafka(env, PARSER);
    writeToKafka(stub(kafka.interactions()), kafka.deadLetters());
    ParsedStreams files = readFromFiles(env, PARSER, dir.resolve("in").toUri().toString());
    writeToFiles(
        stub(files.interactions()), files.deadLetters(), dir.resolve("out").toUri().toString());

    List<String> operators =
        StreamSupport.stream(env.getStreamGraph().getStreamNodes().spliterator(), false)
            .map(StreamNode::getOperatorName)
            .toList();
    assertThat(operators)
        .contains(
            "Source: kafka-interactions",
            "kafka-interactions-split",
            "Source: file-interactions",
            "file-interactions-split")
        .anyMatch(name -> name.startsWith("recommendations-kafka"))
        .anyMatch(name -> name.startsWith("dead-letters-files"));
  }
}
