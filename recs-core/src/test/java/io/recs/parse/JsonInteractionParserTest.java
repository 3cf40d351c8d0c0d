package io.recs.parse;

import static io.recs.parse.ParseTesting.accepted;
import static io.recs.parse.ParseTesting.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recs.event.Interaction;
import io.recs.event.RejectReason;
import io.recs.event.RejectedRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonInteractionParserTest {

  private static final JsonInteractionParser DEFAULTS = JsonInteractionParser.builder().build();

  private static final JsonInteractionParser NESTED =
      JsonInteractionParser.builder()
          .userField("event.user.id")
          .itemField("event.item")
          .actionField("event.type")
          .weightField("event.value")
          .timestampField("at")
          .categoryField("event.meta.category")
          .timestampUnit(TimestampFormat.EPOCH_SECONDS)
          .build();

  @Test
  void readsTheDefaultFieldNames() {
    assertThat(
            accepted(
                DEFAULTS,
                "{\"userId\":\"u1\",\"itemId\":\"i1\",\"action\":\"Click\",\"timestamp\":1700000000000}"))
        .isEqualTo(Interaction.of("u1", "i1", "click", 2.0, 1_700_000_000_000L));
  }

  @Test
  void readsNestedPathsAndSkipsEverythingElse() {
    String json =
        "{\"noise\":[1,{\"a\":[]}],\"event\":{\"user\":{\"id\":42,\"x\":{}},\"item\":7.0,"
            + "\"type\":\"purchase\",\"value\":3.5,\"meta\":{\"category\":\"books\"}},\"at\":1700000000}";
    assertThat(accepted(NESTED, json))
        .isEqualTo(new Interaction("42", "7", "purchase", 3.5, 1_700_000_000_000L, "books"));
  }

  @Test
  void takesTheActionWeightWhenTheWeightIsMissingOrNull() {
    String json =
        "{\"event\":{\"user\":{\"id\":\"u\"},\"item\":\"i\",\"type\":\"cart\",\"value\":null},"
            + "\"at\":\"2023-11-14T22:13:20Z\"}";
    assertThat(accepted(NESTED, json))
        .isEqualTo(Interaction.of("u", "i", "cart", 4.0, 1_700_000_000_000L));
  }

  @Test
  void rendersFractionalNumericIdsAsWritten() {
    assertThat(
            accepted(
                    DEFAULTS,
                    "{\"userId\":1.5,\"itemId\":-3,\"action\":\"view\",\"timestamp\":1.7E12}")
                .userId())
        .isEqualTo("1.5");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "{\"userId\":\"u\" | MALFORMED_JSON | ",
        "[1,2] | MALFORMED_JSON | record is not a JSON object",
        "{} {} | MALFORMED_JSON | text after the JSON object",
        "{\"userId\":NaN} | MALFORMED_JSON | ",
        "{\"userId\":{},\"itemId\":\"i\",\"action\":\"view\",\"timestamp\":1} | WRONG_TYPE | field 'userId' must be a string or a number, was an object",
        "{\"userId\":\"u\",\"itemId\":true,\"action\":\"view\",\"timestamp\":1} | WRONG_TYPE | field 'itemId' must be a string or a number, was a boolean",
        "{\"userId\":\"u\",\"itemId\":\"i\",\"action\":5,\"timestamp\":1} | WRONG_TYPE | field 'action' must be a string, was a number",
        "{\"userId\":\"u\",\"itemId\":\"i\",\"action\":\"view\",\"timestamp\":[1]} | WRONG_TYPE | field 'timestamp' must be a number or an ISO-8601 string, was an array",
        "{\"itemId\":\"i\",\"action\":\"view\",\"timestamp\":1} | MISSING_FIELD | userId field 'userId' is missing or null",
        "{\"userId\":\"u\",\"itemId\":null,\"action\":\"view\",\"timestamp\":1} | MISSING_FIELD | itemId field 'itemId' is missing or null",
        "{\"userId\":\"u\",\"itemId\":\"i\",\"timestamp\":1} | MISSING_FIELD | action field 'action' is missing or null",
        "{\"userId\":\"u\",\"itemId\":\"i\",\"action\":\"view\"} | MISSING_FIELD | timestamp field 'timestamp' is missing or null",
        "{\"userId\":\" \",\"itemId\":\"i\",\"action\":\"view\",\"timestamp\":1} | INVALID_ID | userId is blank",
        "{\"userId\":\" \",\"action\":\"view\",\"timestamp\":1} | MISSING_FIELD | itemId field 'itemId' is missing or null",
        "{\"userId\":\"u\",\"itemId\":\"a\\u0000b\",\"action\":\"view\",\"timestamp\":1} | INVALID_ID | itemId holds control character U+0000",
        "{\"userId\":\"u\",\"itemId\":\"i\",\"action\":\"jump\",\"timestamp\":1} | UNKNOWN_ACTION | unknown action 'jump'",
        "{\"userId\":\"u\",\"itemId\":\"i\",\"action\":\"view\",\"timestamp\":-1} | INVALID_TIMESTAMP | timestamp -1 ms is outside [0, 4102444799999]",
        "{\"userId\":\"u\",\"itemId\":\"i\",\"action\":\"view\",\"timestamp\":99999999999999999999999} | INVALID_TIMESTAMP | timestamp 9223372036854775807 ms is outside [0, 4102444799999]",
        "{\"userId\":\"u\",\"itemId\":\"i\",\"action\":\"view\",\"timestamp\":1.5} | INVALID_TIMESTAMP | timestamp is not an integer number of epoch milliseconds: '1.5'",
        "{\"userId\":\"u\",\"itemId\":\"i\",\"action\":\"view\",\"timestamp\":\"today\"} | INVALID_TIMESTAMP | timestamp is not an ISO-8601 date-time with offset: 'today'",
      })
  void rejectsWithReasonAndDetail(String json, RejectReason reason, String detail) {
    RejectedRecord r = rejected(DEFAULTS, json);
    assertThat(r.reason()).isEqualTo(reason);
    if (detail != null) {
      assertThat(r.detail()).isEqualTo(detail);
    }
    assertThat(r.raw()).isEqualTo(json);
  }

  @Test
  void rejectsInvalidWeights() {
    String json =
        "{\"event\":{\"user\":{\"id\":\"u\"},\"item\":\"i\",\"type\":\"view\",\"value\":-2},\"at\":1}";
    RejectedRecord r = rejected(NESTED, json);
    assertThat(r.reason()).isEqualTo(RejectReason.INVALID_WEIGHT);
    assertThat(r.detail()).isEqualTo("weight must be a finite number >= 0, was '-2'");
    assertThat(rejected(NESTED, json.replace("-2", "1e400")).reason())
        .isEqualTo(RejectReason.INVALID_WEIGHT);
    assertThat(rejected(NESTED, json.replace("-2", "\"2\"")).detail())
        .isEqualTo("field 'event.value' must be a number, was a string");
  }

  @Test
  void rejectsIdsWithUnpairedSurrogatesButKeepsPairs() {
    String json = "{\"userId\":\"%s\",\"itemId\":\"i\",\"action\":\"view\",\"timestamp\":1}";
    RejectedRecord r = rejected(DEFAULTS, json.formatted("a\\ud800b"));
    assertThat(r.reason()).isEqualTo(RejectReason.INVALID_ID);
    assertThat(r.detail()).isEqualTo("userId holds unpaired surrogate U+D800");
    assertThat(accepted(DEFAULTS, json.formatted("\\ud83d\\ude00")).userId())
        .isEqualTo("\uD83D\uDE00");
  }

  @Test
  void rejectsAPathThroughAScalarAsWrongType() {
    RejectedRecord r = rejected(NESTED, "{\"event\":\"flat\",\"at\":1}");
    assertThat(r.reason()).isEqualTo(RejectReason.WRONG_TYPE);
    assertThat(r.detail()).isEqualTo("field 'event' must be an object, was a string");
  }

  @Test
  void rejectsDeepNestingAsMalformed() {
    String deep = "{\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
    assertThat(rejected(DEFAULTS, deep).reason()).isEqualTo(RejectReason.MALFORMED_JSON);
  }

  @Test
  void buildNamesTheInvalidOrConflictingProperty() {
    assertThatThrownBy(
            () -> JsonInteractionParser.builder().fixedAction("view").actionField("a").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "only one of actionField / fixedAction may be set, was actionField='a', fixedAction='view'");
    assertThatThrownBy(
            () -> JsonInteractionParser.builder().timestampUnit(TimestampFormat.ISO_8601).build())
        .hasMessage(
            "timestampUnit must be EPOCH_SECONDS or EPOCH_MILLIS (strings are always read as ISO-8601), was ISO_8601");
    assertThatThrownBy(() -> JsonInteractionParser.builder().userField("event..user").build())
        .hasMessage(
            "userField must be a field name or a dotted path like event.user.id, was 'event..user'");
    assertThatThrownBy(
            () ->
                JsonInteractionParser.builder().userField("event").itemField("event.item").build())
        .hasMessage("itemField 'event.item' clashes with the path 'event' of userField");
    assertThatThrownBy(() -> JsonInteractionParser.builder().itemField("userId").build())
        .hasMessage("itemField 'userId' clashes with the path 'userId' of userField");
    assertThatThrownBy(() -> JsonInteractionParser.builder().fixedAction("jump").build())
        .hasMessage("fixedAction 'jump' is not an action of the actionWeights");
    assertThatThrownBy(() -> JsonInteractionParser.builder().userField("a").userField("b"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("userField was already set to a, cannot set it to b");
  }
}
