package io.recs.parse;

import static io.recs.parse.ParseTesting.accepted;
import static org.assertj.core.api.Assertions.assertThat;

import io.recs.event.Interaction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

/** Parsers travel to Flink tasks by Java serialization and must work after it. */
class ParserSerializationTest {

  @Test
  void csvParserWorksAfterSerialization() throws Exception {
    InteractionParser parser =
        InstantiationUtil.clone(
            CsvInteractionParser.builder()
                .header("u", "i", "t")
                .userColumn("u")
                .itemColumn("i")
                .fixedAction("click")
                .timestampColumn("t")
                .build());
    assertThat(accepted(parser, "a,b,5")).isEqualTo(Interaction.of("a", "b", "click", 2.0, 5));
  }

  @Test
  void jsonParserWorksAfterSerialization() throws Exception {
    InteractionParser parser =
        InstantiationUtil.clone(JsonInteractionParser.builder().userField("e.u").build());
    assertThat(
            accepted(
                parser, "{\"e\":{\"u\":1},\"itemId\":\"b\",\"action\":\"view\",\"timestamp\":5}"))
        .isEqualTo(Interaction.of("1", "b", "view", 1.0, 5));
  }

  @Test
  void movieLensParserWorksAfterSerialization() throws Exception {
    InteractionParser parser = InstantiationUtil.clone(MovieLensParser.uData().build());
    assertThat(accepted(parser, "1\t2\t5\t3"))
        .isEqualTo(Interaction.of("1", "2", "rating", 5.0, 3000));
  }

  @Test
  void sessionParserWithPatternAndMappingWorksAfterSerialization() throws Exception {
    InteractionParser parser =
        InstantiationUtil.clone(
            JsonInteractionParser.builder()
                .eventsField("events")
                .userField("session")
                .itemField("aid")
                .actionField("type")
                .timestampField("ts")
                .timestampPattern("yyyy-MM-dd HH:mm:ss")
                .actionMapping(Map.of("orders", "purchase"))
                .build());
    ParseResult result =
        parser.parse(
            ("{\"session\":1,\"events\":[{\"aid\":2,\"ts\":\"1970-01-01 00:00:01\","
                    + "\"type\":\"orders\"},{\"aid\":3,\"ts\":\"1970-01-01 00:00:02\","
                    + "\"type\":\"view\"}]}")
                .getBytes(StandardCharsets.UTF_8),
            ParseTesting.ORIGIN);
    assertThat(result.interactions())
        .containsExactly(
            Interaction.of("1", "2", "purchase", 8.0, 1000),
            Interaction.of("1", "3", "view", 1.0, 2000));
  }

  @Test
  void csvParserWithPatternWorksAfterSerialization() throws Exception {
    InteractionParser parser =
        InstantiationUtil.clone(
            CsvInteractionParser.builder()
                .userColumn(0)
                .itemColumn(1)
                .fixedAction("view")
                .timestampColumn(2)
                .timestampPattern("yyyy-MM-dd HH:mm:ss", java.time.ZoneOffset.ofHours(1))
                .build());
    assertThat(accepted(parser, "a,b,1970-01-01 01:00:05").timestamp()).isEqualTo(5000);
  }
}
