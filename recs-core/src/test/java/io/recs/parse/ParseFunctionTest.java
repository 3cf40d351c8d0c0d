package io.recs.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.recs.event.Interaction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

class ParseFunctionTest {
  private static final InteractionParser PARSER = JsonInteractionParser.builder().build();

  @Test
  void usedDirectlyItsOutputTypeIsInteractionWithoutKryo() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    TypeInformation<Interaction> fromLines =
        env.fromData("{}").process(ParseFunction.ofLines(PARSER, "lines")).getType();
    TypeInformation<Interaction> fromBytes =
        env.fromData(new byte[] {'{', '}'})
            .process(ParseFunction.ofBytes(PARSER, "bytes"))
            .getType();
    assertThat(fromLines).isEqualTo(TypeInformation.of(Interaction.class));
    assertThat(fromBytes).isEqualTo(TypeInformation.of(Interaction.class));
  }
}
