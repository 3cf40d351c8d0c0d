package io.recs.examples;

import static io.recs.examples.JobOptions.*;

import io.recs.config.RecsSettings;
import io.recs.connectors.file.FileInteractionSource;
import io.recs.connectors.kafka.KafkaInteractionSource;
import io.recs.connectors.kafka.StartingOffsets;
import io.recs.event.Interaction;
import io.recs.event.RejectedRecord;
import io.recs.parse.InteractionParser;
import io.recs.parse.ParsedStreams;
import io.recs.pipeline.RecsPipeline;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.common.TopicPartition;

/**
 * The parts of a job graph that every bundled job wires the same way: the pipeline from the
 * settings, the source from the settings, and the counters behind the progress lines and the
 * summary. Their operator names and uids are part of the jobs' savepoints.
 */
final class JobGraph {
  private JobGraph() {}

  /** The pipeline of the settings; a setting it refuses is a bad setting, before the job starts. */
  static RecsPipeline pipeline(RecsSettings s) {
    try {
      return RecsPipeline.from(s);
    } catch (IllegalArgumentException e) {
      throw new BadSettingException(e.getMessage(), e);
    }
  }

  /**
   * The source that {@code --source} names, reading with {@code parser}; a Kafka source stops at
   * {@code stoppingOffsets} if not null.
   */
  static ParsedStreams source(
      RecsSettings s,
      InteractionParser parser,
      Map<TopicPartition, Long> stoppingOffsets,
      StreamExecutionEnvironment env) {
    return s.get(SOURCE) == Source.FILES
        ? files(s.get(INPUT), parser, s.get(MONITOR_INTERVAL), env)
        : kafka(s, parser, stoppingOffsets, env);
  }

  /** Files or folders, read once, or watched for new files every {@code monitor} if not null. */
  static ParsedStreams files(
      List<String> paths,
      InteractionParser parser,
      Duration monitor,
      StreamExecutionEnvironment env) {
    FileInteractionSource.Builder files =
        FileInteractionSource.builder().paths(paths.toArray(String[]::new)).parser(parser);
    if (monitor != null) {
      files.monitorContinuously(monitor);
    }
    return files.build().attach(env);
  }

  private static ParsedStreams kafka(
      RecsSettings s,
      InteractionParser parser,
      Map<TopicPartition, Long> stoppingOffsets,
      StreamExecutionEnvironment env) {
    KafkaInteractionSource.Builder kafka =
        KafkaInteractionSource.builder()
            .bootstrapServers(s.get(BOOTSTRAP_SERVERS))
            .topics(s.get(INPUT_TOPIC))
            .groupId(s.get(GROUP_ID))
            .startingOffsets(
                switch (s.get(STARTING_OFFSETS)) {
                  case EARLIEST -> StartingOffsets.earliest();
                  case LATEST -> StartingOffsets.latest();
                  case COMMITTED -> StartingOffsets.committed();
                })
            .parser(parser);
    if (stoppingOffsets != null) {
      kafka.stoppingOffsets(stoppingOffsets);
    }
    s.get(KAFKA_PROPERTIES).forEach(kafka::property);
    return kafka.build().attach(env);
  }

  /** The interactions counted as accepted events, for the progress lines and the summary. */
  static DataStream<Interaction> counted(DataStream<Interaction> interactions) {
    return interactions
        .map(new RunCounters.Count<Interaction>(RunCounters.ACCEPTED_EVENTS))
        .returns(Interaction.class)
        .name("count accepted")
        .uid("count-accepted");
  }

  /** Both streams counted: accepted events and rejected records by reason. */
  static ParsedStreams counted(ParsedStreams in) {
    DataStream<RejectedRecord> deadLetters =
        in.deadLetters()
            .map(new RunCounters.CountRejected())
            .returns(RejectedRecord.class)
            .name("count rejected")
            .uid("count-rejected");
    return new ParsedStreams(counted(in.interactions()), deadLetters);
  }
}
