package io.recs.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recs.connectors.json.RecsJson;
import io.recs.event.Interaction;
import io.recs.event.Recommendations;
import io.recs.parse.InteractionParser;
import io.recs.parse.ParseResult;
import java.time.Duration;
import org.apache.flink.streaming.api.functions.sink.filesystem.PartFileInfo;
import org.junit.jupiter.api.Test;

class FileBuildersTest {
  private static final InteractionParser PARSER =
      (bytes, origin) -> ParseResult.accepted(Interaction.of("u", "i", "view", 1, 0));

  @Test
  void sourceBuildsBoundedOrMonitoring() {
    assertThat(FileInteractionSource.builder().paths("/tmp/in").parser(PARSER).build()).isNotNull();
    assertThat(
            FileInteractionSource.builder()
                .paths("hdfs://nn:8020/in", "/tmp/more")
                .parser(PARSER)
                .monitorContinuously(Duration.ofSeconds(1))
                .build())
        .isNotNull();
  }

  @Test
  void sourceNamesMissingAndBadProperties() {
    assertThatThrownBy(() -> FileInteractionSource.builder().parser(PARSER).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("paths must be set");
    assertThatThrownBy(() -> FileInteractionSource.builder().paths("/in").build())
        .hasMessage("parser must be set");
    assertThatThrownBy(() -> FileInteractionSource.builder().paths("/in", " "))
        .hasMessage("path in paths [/in,  ] must not be blank, was ' '");
    assertThatThrownBy(() -> FileInteractionSource.builder().maxLineBytes(0))
        .hasMessage("maxLineBytes must be > 0, was 0");
    assertThatThrownBy(() -> FileInteractionSource.builder().monitorContinuously(Duration.ZERO))
        .hasMessage("monitorContinuously interval must be > 0, was PT0S");
    assertThatThrownBy(() -> FileInteractionSource.builder().paths("/a").paths("/b"))
        .hasMessage("paths was already set to [/a]");
  }

  @Test
  void sinkBuildsWithEveryBucketing() {
    for (FileBucketing bucketing : FileBucketing.values()) {
      assertThat(
              RecsFileSink.<Recommendations>builder()
                  .path("hdfs://nn:8020/out")
                  .format(RecsJson.recommendations())
                  .bucketing(bucketing)
                  .maxPartBytes(1024)
                  .build())
          .isNotNull();
    }
  }

  @Test
  void partFilesRollAtCheckpointsAndOnSize() throws Exception {
    PartSizeRollingPolicy<String> policy = new PartSizeRollingPolicy<>(100);
    assertThat(policy.shouldRollOnCheckpoint(part(0))).isTrue();
    assertThat(policy.shouldRollOnEvent(part(99), "x")).isFalse();
    assertThat(policy.shouldRollOnEvent(part(100), "x")).isTrue();
    assertThat(policy.shouldRollOnProcessingTime(part(100), Long.MAX_VALUE)).isFalse();
  }

  private static PartFileInfo<String> part(long size) {
    return new PartFileInfo<>() {
      @Override
      public String getBucketId() {
        return "b";
      }

      @Override
      public long getCreationTime() {
        return 0;
      }

      @Override
      public long getSize() {
        return size;
      }

      @Override
      public long getLastUpdateTime() {
        return 0;
      }
    };
  }

  @Test
  void sinkNamesMissingAndBadProperties() {
    assertThat(
            RecsFileSink.<Recommendations>builder()
                .path("/tmp/out")
                .format(RecsJson.recommendations())
                .build())
        .isNotNull();
    assertThatThrownBy(() -> RecsFileSink.builder().build()).hasMessage("path must be set");
    assertThatThrownBy(() -> RecsFileSink.builder().path("/tmp/out").build())
        .hasMessage("format must be set");
    assertThatThrownBy(() -> RecsFileSink.builder().maxPartBytes(0))
        .hasMessage("maxPartBytes must be > 0, was 0");
    assertThatThrownBy(
            () ->
                RecsFileSink.builder()
                    .bucketing(FileBucketing.NONE)
                    .bucketing(FileBucketing.EVENT_HOUR))
        .hasMessage("bucketing was already set to NONE");
    assertThatThrownBy(() -> RecsFileSink.builder().filePrefix("_part"))
        .hasMessage("filePrefix must not start with '.' or '_' nor contain '/', was '_part'");
  }
}
