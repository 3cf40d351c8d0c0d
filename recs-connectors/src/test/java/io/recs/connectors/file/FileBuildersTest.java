package io.recs.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recs.connectors.json.RecsJson;
import io.recs.event.Interaction;
import io.recs.event.Recommendations;
import io.recs.parse.InteractionParser;
import io.recs.parse.ParseResult;
import java.time.Duration;
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
        .isInstanceOf(IllegalStateException.class)
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
    assertThatThrownBy(() -> RecsFileSink.builder().filePrefix("_part"))
        .hasMessage("filePrefix must not start with '.' or '_' nor contain '/', was '_part'");
  }
}
