package io.recs.parse;

import static io.recs.parse.ParseTesting.accepted;
import static org.assertj.core.api.Assertions.assertThat;

import io.recs.event.Interaction;
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
}
