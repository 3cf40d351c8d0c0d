package io.recs.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recs.event.Interaction;
import io.recs.event.RecordOrigin;
import io.recs.parse.ParseResult;
import io.recs.testkit.data.InteractionFiles;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FormatsTest {
  private static final Interaction EVENT =
      Interaction.of("u1", "i2", "cart", 4.0, 1_700_000_000_123L).withCategory("books");

  @Test
  void builtInDelimitedAndJsonFormatsReadWhatTheTestkitWrites() {
    assertThat(parse("csv", InteractionFiles.toCsvLine(EVENT)).interaction()).isEqualTo(EVENT);
    assertThat(parse("tsv", InteractionFiles.toCsvLine(EVENT).replace(',', '\t')).interaction())
        .isEqualTo(EVENT);
    assertThat(parse("json", InteractionFiles.toJsonLine(EVENT)).interaction()).isEqualTo(EVENT);
  }

  @Test
  void builtInMovieLensFormatsReadRatings() {
    assertThat(parse("movielens-udata", "196\t242\t5\t881250949").interaction())
        .isEqualTo(Interaction.of("196", "242", "rating", 5, 881_250_949_000L));
    assertThat(parse("movielens-csv", "1,31,4.5,1260759144").interaction().itemId())
        .isEqualTo("31");
  }

  @Test
  void unknownFormatNamesTheKnownOnes() {
    assertThatThrownBy(() -> Formats.parser("xml", null))
        .hasMessage(
            "unknown --format 'xml'; built-in formats: [csv, json, movielens-csv,"
                + " movielens-udata, tsv]; or give --parser-class");
  }

  private static ParseResult parse(String format, String line) {
    return Formats.parser(format, null)
        .parse(line.getBytes(StandardCharsets.UTF_8), RecordOrigin.UNKNOWN);
  }
}
