package io.recs.testkit.hdfs;

import static org.assertj.core.api.Assertions.assertThat;

import io.recs.connectors.file.FileBucketing;
import io.recs.connectors.file.FileInteractionSource;
import io.recs.connectors.file.RecsFileSink;
import io.recs.connectors.json.RecsJson;
import io.recs.event.Interaction;
import io.recs.event.Recommendations;
import io.recs.event.RejectedRecord;
import io.recs.parse.ParsedStreams;
import io.recs.testkit.CsvTestParser;
import io.recs.testkit.StandInPipeline;
import io.recs.testkit.TestData;
import io.recs.testkit.TestJobs;
import io.recs.testkit.internal.FailOnceAfterCheckpoint;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Files on a real HDFS: a folder in, JSON lines out, monitoring, and exactly-once output. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HdfsFilesITCase {
  @RegisterExtension static final MiniClusterExtension FLINK = TestJobs.miniCluster();
  @RegisterExtension static final EmbeddedHdfsExtension HDFS = new EmbeddedHdfsExtension();

  private static final long START = 1_700_000_000_000L; // 2023-11-14T22:13:20Z

  @Test
  void readsAFolderAndWritesEventHourJsonLinesWithDeadLetters() throws Exception {
    List<Interaction> first = TestData.interactions(20, 3, START);
    List<Interaction> second =
        TestData.withUserPrefix("b", TestData.interactions(10, 2, START + 3_600_000L));
    HDFS.writeFile("/folder/in/a.csv", TestData.csv(first) + "not,a,record\n\n");
    HDFS.writeFile("/folder/in/nested/b.csv", "bad line\r\n" + TestData.csv(second));
    HDFS.writeFile("/folder/in/_ignored.csv", TestData.csv(first));

    StreamExecutionEnvironment env = TestJobs.noRestarts();
    ParsedStreams in =
        FileInteractionSource.builder()
            .paths(HDFS.uri("/folder/in"))
            .parser(new CsvTestParser())
            .build()
            .attach(env);
    StandInPipeline.recommend(in.interactions())
        .sinkTo(
            RecsFileSink.<Recommendations>builder()
                .path(HDFS.uri("/folder/out/recs"))
                .format(RecsJson.recommendations())
                .bucketing(FileBucketing.EVENT_HOUR)
                .build());
    in.deadLetters()
        .sinkTo(
            RecsFileSink.<RejectedRecord>builder()
                .path(HDFS.uri("/folder/out/dead"))
                .format(RecsJson.rejectedRecords())
                .build());
    env.execute("hdfs folder");

    assertThat(HDFS.readCommittedLines("/folder/out/recs"))
        .hasSize(30)
        .containsAll(latestJson(first))
        .containsAll(latestJson(second));
    assertThat(HDFS.listCommittedFiles("/folder/out/recs"))
        .allMatch(f -> f.matches("/folder/out/recs/2023-11-14--2[23]/part-.*\\.jsonl"))
        .anyMatch(f -> f.contains("/2023-11-14--22/"))
        .anyMatch(f -> f.contains("/2023-11-14--23/"));
    List<String> dead = HDFS.readCommittedLines("/folder/out/dead");
    assertThat(dead).hasSize(3);
    assertThat(dead)
        .anySatisfy(
            d ->
                assertThat(d)
                    .contains("\"reason\":\"MALFORMED_CSV\"")
                    .contains("\"source\":\"" + HDFS.uri("/folder/in/a.csv") + "\"")
                    .contains("\"offset\":20")
                    .contains("\"raw\":\"not,a,record\""))
        .anySatisfy(d -> assertThat(d).contains("\"offset\":21").contains("\"raw\":\"\""))
        .anySatisfy(
            d ->
                assertThat(d)
                    .contains("\"source\":\"" + HDFS.uri("/folder/in/nested/b.csv") + "\"")
                    .contains("\"offset\":0")
                    .contains("\"raw\":\"bad line\""));
  }

  @Test
  void monitoringPicksUpNewFilesAndCommittedFilesHoldEachLineOnce() throws Exception {
    List<Interaction> first = TestData.interactions(100, 5, START);
    List<Interaction> second =
        TestData.withUserPrefix("b", TestData.interactions(100, 5, START + 200_000L));
    HDFS.mkdirs("/stream/in");
    FailOnceAfterCheckpoint.reset();

    StreamExecutionEnvironment env = TestJobs.twoRestarts();
    DataStream<Interaction> in =
        FileInteractionSource.builder()
            .paths(HDFS.uri("/stream/in"))
            .parser(new CsvTestParser())
            .monitorContinuously(Duration.ofMillis(200))
            .build()
            .attach(env)
            .interactions()
            .map(new FailOnceAfterCheckpoint<>(), TypeInformation.of(Interaction.class))
            .name("fail-once");
    StandInPipeline.recommend(in)
        .sinkTo(
            RecsFileSink.<Recommendations>builder()
                .path(HDFS.uri("/stream/out"))
                .format(RecsJson.recommendations())
                .build());
    JobClient job = env.executeAsync("hdfs monitoring exactly once");
    try {
      HDFS.writeFile("/stream/in/1.csv", TestData.csv(first));
      TestJobs.await(job, () -> FailOnceAfterCheckpoint.completedCheckpoints() > 0);
      // Added while running; its first record after the checkpoint fails the job once.
      HDFS.writeFile("/stream/in/2.csv", TestData.csv(second));
      TestJobs.await(job, () -> HDFS.readCommittedLines("/stream/out").size() >= 200);
      int seen = FailOnceAfterCheckpoint.completedCheckpoints();
      TestJobs.await(job, () -> FailOnceAfterCheckpoint.completedCheckpoints() >= seen + 4);

      assertThat(FailOnceAfterCheckpoint.failed()).as("the job failed once").isTrue();
      List<String> expected = new ArrayList<>(everyJson(first));
      expected.addAll(everyJson(second));
      assertThat(HDFS.readCommittedLines("/stream/out"))
          .doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(expected);
    } finally {
      job.cancel().get();
    }
  }

  // The stand-in's last output per user, as JSON lines.
  private static List<String> latestJson(List<Interaction> interactions) {
    return TestData.lastPerUser(interactions).values().stream().map(HdfsFilesITCase::json).toList();
  }

  // The stand-in's output after each interaction, as JSON lines.
  private static List<String> everyJson(List<Interaction> interactions) {
    List<String> lines = new ArrayList<>();
    for (int n = 0; n < interactions.size(); n++) {
      Interaction last = interactions.get(n);
      List<Interaction> history =
          interactions.subList(0, n + 1).stream()
              .filter(i -> i.userId().equals(last.userId()))
              .toList();
      lines.add(json(StandInPipeline.expected(history)));
    }
    return lines;
  }

  private static String json(Recommendations recs) {
    return new String(RecsJson.recommendations().toJson(recs), StandardCharsets.UTF_8);
  }
}
