package io.recs.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recs.event.RejectReason;
import io.recs.event.RejectedRecord;
import io.recs.parse.InteractionParser;
import io.recs.parse.ParseResult;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class KafkaInteractionSourceTest {
  private static final InteractionParser REJECT_ALL =
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

  private static KafkaInteractionSource.Builder complete() {
    return KafkaInteractionSource.builder()
        .bootstrapServers("localhost:9092")
        .groupId("recs")
        .parser(REJECT_ALL);
  }

  @Test
  void buildsWithTopicsOrPattern() {
    assertThat(complete().topics("a", "b").build()).isNotNull();
    assertThat(complete().topicPattern(Pattern.compile("a.*")).build()).isNotNull();
  }

  @Test
  void refusesTopicsAndPatternTogether() {
    assertThatThrownBy(() -> complete().topics("a").topicPattern(Pattern.compile("b.*")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "only one of topics(...) / topicPattern(...) may be set, was topics=[a] and"
                + " topicPattern=b.*");
  }

  @Test
  void requiresTopicsOrPattern() {
    assertThatThrownBy(() -> complete().build())
        .hasMessage("one of topics(...) / topicPattern(...) must be set");
  }

  @Test
  void namesMissingRequiredProperties() {
    assertThatThrownBy(() -> KafkaInteractionSource.builder().topics("a").build())
        .hasMessage("bootstrapServers must be set");
    assertThatThrownBy(
            () -> KafkaInteractionSource.builder().bootstrapServers("h:1").topics("a").build())
        .hasMessage("groupId must be set");
    assertThatThrownBy(
            () ->
                KafkaInteractionSource.builder()
                    .bootstrapServers("h:1")
                    .groupId("g")
                    .topics("a")
                    .build())
        .hasMessage("parser must be set");
  }

  @Test
  void refusesSecondCallOfASetter() {
    assertThatThrownBy(() -> complete().groupId("other"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("groupId was already set to recs");
  }

  @Test
  void refusesBadArguments() {
    assertThatThrownBy(() -> KafkaInteractionSource.builder().bootstrapServers(" "))
        .hasMessage("bootstrapServers must not be blank, was ' '");
    assertThatThrownBy(() -> KafkaInteractionSource.builder().topics())
        .hasMessage("topics must name at least one topic, was none");
    assertThatThrownBy(() -> KafkaInteractionSource.builder().topics("a", ""))
        .hasMessage("topic in topics [a, ] must not be blank, was ''");
    assertThatThrownBy(
            () -> KafkaInteractionSource.builder().maxOutOfOrderness(Duration.ofSeconds(-1)))
        .hasMessage("maxOutOfOrderness must be >= 0, was PT-1S");
    assertThatThrownBy(() -> KafkaInteractionSource.builder().idleTimeout(Duration.ZERO))
        .hasMessage("idleTimeout must be > 0, was PT0S");
  }

  @Test
  void refusesPropertiesThatHaveTheirOwnSetter() {
    assertThatThrownBy(() -> complete().property("group.id", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("property 'group.id' is set through groupId(...), not property(...)");
    assertThatThrownBy(() -> complete().property("auto.offset.reset", "latest"))
        .hasMessage(
            "property 'auto.offset.reset' is set through startingOffsets(...), not property(...)");
  }

  @Test
  void refusesTheSamePropertyTwice() {
    assertThatThrownBy(
            () ->
                complete()
                    .property("security.protocol", "SSL")
                    .property("security.protocol", "PLAINTEXT"))
        .hasMessage("property 'security.protocol' was already set to SSL");
  }
}
