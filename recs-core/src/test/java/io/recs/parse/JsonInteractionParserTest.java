package io.recs.parse;

import static io.recs.parse.ParseTesting.accepted;
import static io.recs.parse.ParseTesting.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recs.event.Interaction;
import io.recs.event.RejectReason;
import io.recs.event.RejectedRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
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
          .timestampFormat(TimestampFormat.EPOCH_SECONDS)
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
            () -> JsonInteractionParser.builder().timestampFormat(TimestampFormat.ISO_8601).build())
        .hasMessage(
            "timestampFormat must be an epoch unit (strings are read as ISO-8601 or in the timestampPattern), was ISO_8601");
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
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("userField was already set to a, cannot set it to b");
  }

  private static final JsonInteractionParser OTTO =
      JsonInteractionParser.builder()
          .eventsField("events")
          .userField("session")
          .itemField("aid")
          .timestampField("ts")
          .actionField("type")
          .actionMapping(Map.of("clicks", "click", "carts", "cart", "orders", "purchase"))
          .build();

  private static List<Interaction> acceptedAll(InteractionParser parser, String record) {
    ParseResult result = parser.parse(record.getBytes(StandardCharsets.UTF_8), ParseTesting.ORIGIN);
    assertThat(result.isAccepted()).as("accepted: %s", result).isTrue();
    return result.interactions();
  }

  @Test
  void turnsASessionIntoOneInteractionPerEventInheritingTheSessionId() {
    String session =
        "{\"session\": 12899779, \"events\": ["
            + "{\"aid\": 59625, \"ts\": 1661724000278, \"type\": \"clicks\"},"
            + "{\"aid\": 1142000, \"ts\": 1661724058352, \"type\": \"carts\"},"
            + "{\"aid\": 59625, \"ts\": 1661724100000, \"type\": \"orders\"}]}";
    assertThat(acceptedAll(OTTO, session))
        .containsExactly(
            Interaction.of("12899779", "59625", "click", 2.0, 1_661_724_000_278L),
            Interaction.of("12899779", "1142000", "cart", 4.0, 1_661_724_058_352L),
            Interaction.of("12899779", "59625", "purchase", 8.0, 1_661_724_100_000L));
  }

  @Test
  void eventFieldsWinOverTheRecordsAndNestedPathsWorkInBoth() {
    JsonInteractionParser parser =
        JsonInteractionParser.builder()
            .eventsField("data.events")
            .userField("who.id")
            .itemField("item")
            .fixedAction("view")
            .timestampField("at")
            .categoryField("meta.category")
            .build();
    String record =
        "{\"who\": {\"id\": \"u1\"}, \"at\": 1000, \"meta\": {\"category\": \"books\"},"
            + " \"data\": {\"events\": [{\"item\": \"i1\"},"
            + " {\"item\": \"i2\", \"at\": 2000, \"who\": {\"id\": \"u2\"}, \"meta\": null}]}}";
    assertThat(acceptedAll(parser, record))
        .containsExactly(
            new Interaction("u1", "i1", "view", 1.0, 1000, "books"),
            new Interaction("u2", "i2", "view", 1.0, 2000, "books"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"session\": 1}" + "|MISSING_FIELD|eventsField 'events' is missing or null",
        "{\"session\": 1, \"events\": null}"
            + "|MISSING_FIELD|eventsField 'events' is missing or null",
        "{\"session\": 1, \"events\": []}"
            + "|EMPTY|eventsField 'events' is an empty array: no events",
        "{\"session\": 1, \"events\": {\"aid\": 1}}"
            + "|WRONG_TYPE|field 'events' must be an array, was an object",
        "{\"session\": 1, \"events\": [{\"aid\": 1, \"ts\": 5, \"type\": \"clicks\"}, 7]}"
            + "|WRONG_TYPE|event 1 of 2 in 'events': an event must be an object, was a number",
        "{\"session\": 1, \"events\": [{\"aid\": 1, \"ts\": 5, \"type\": \"clicks\"},"
            + " {\"aid\": 2, \"type\": \"clicks\"}]}"
            + "|MISSING_FIELD|event 1 of 2 in 'events': timestamp field 'ts' is missing or null",
        "{\"session\": 1, \"events\": [{\"aid\": 1, \"ts\": \"soon\", \"type\": \"clicks\"}]}"
            + "|INVALID_TIMESTAMP|event 0 of 1 in 'events': timestamp is not an ISO-8601 date-time"
            + " with offset: 'soon'",
        "{\"session\": 1, \"events\": [{\"aid\": 1, \"ts\": 5, \"type\": \"clicks\"},"
            + " {\"aid\": 1, \"ts\": 6, \"type\": \"shares\"}]}"
            + "|UNKNOWN_ACTION|event 1 of 2 in 'events': unknown action 'shares'",
        "{\"session\": 1, \"events\": [{\"aid\": [1], \"ts\": 5, \"type\": \"clicks\"}]}"
            + "|WRONG_TYPE|event 0 of 1 in 'events': field 'aid' must be a string or a number, was"
            + " an array",
        "{\"session\": 1, \"events\": [{\"aid\": 1}] x" + "|MALFORMED_JSON|",
        "{\"session\": 1, \"events\": []} {}" + "|MALFORMED_JSON|text after the JSON object",
        "[1]|MALFORMED_JSON|record is not a JSON object",
      })
  void rejectsASessionAsAWholeNamingTheEvent(String record, RejectReason reason, String detail) {
    RejectedRecord rejected = rejected(OTTO, record);
    assertThat(rejected.reason()).isEqualTo(reason);
    if (detail != null) {
      assertThat(rejected.detail()).isEqualTo(detail);
    }
    assertThat(rejected.raw()).isEqualTo(record);
    assertThat(rejected.offset()).isEqualTo(ParseTesting.ORIGIN.offset());
  }

  @Test
  void eventsFieldMustNotClashWithTheEventFields() {
    assertThatThrownBy(
            () ->
                JsonInteractionParser.builder()
                    .eventsField("events")
                    .itemField("events.aid")
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "eventsField 'events' clashes with itemField 'events.aid': event fields are paths"
                + " inside each event");
    assertThatThrownBy(() -> JsonInteractionParser.builder().eventsField("a..b").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "eventsField must be a field name or a dotted path like event.user.id, was 'a..b'");
  }

  @Test
  void readsStringTimestampsInAPatternAndNumbersInTheUnit() {
    JsonInteractionParser parser =
        JsonInteractionParser.builder()
            .timestampPattern("dd.MM.yyyy HH:mm:ss.SSS")
            .timestampFormat(TimestampFormat.EPOCH_MICROS)
            .build();
    String prefix = "{\"userId\":\"u\",\"itemId\":\"i\",\"action\":\"view\",\"timestamp\":";
    assertThat(accepted(parser, prefix + "\"14.11.2023 22:13:20.123\"}").timestamp())
        .isEqualTo(1_700_000_000_123L);
    assertThat(accepted(parser, prefix + "1700000000123999}").timestamp())
        .isEqualTo(1_700_000_000_123L);
    RejectedRecord bad = rejected(parser, prefix + "\"2023-11-14T22:13:20Z\"}");
    assertThat(bad.reason()).isEqualTo(RejectReason.INVALID_TIMESTAMP);
    assertThat(bad.detail())
        .isEqualTo(
            "timestamp is not a date-time in pattern 'dd.MM.yyyy HH:mm:ss.SSS' (zone Z):"
                + " '2023-11-14T22:13:20Z'");
    assertThatThrownBy(() -> JsonInteractionParser.builder().timestampPattern("HH:mm"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("timestampPattern 'HH:mm' does not describe a point in time");
  }

  @Test
  void mapsStringAndIntegralActionValues() {
    JsonInteractionParser parser =
        JsonInteractionParser.builder()
            .actionMapping(Map.of("1", "view", "orders", "purchase"))
            .build();
    String prefix = "{\"userId\":\"u\",\"itemId\":\"i\",\"timestamp\":5,\"action\":";
    assertThat(accepted(parser, prefix + "1}").action()).isEqualTo("view");
    assertThat(accepted(parser, prefix + "\"ORDERS\"}").action()).isEqualTo("purchase");
    assertThat(accepted(parser, prefix + "\"cart\"}").action()).isEqualTo("cart");
    assertThat(rejected(parser, prefix + "1.5}").reason()).isEqualTo(RejectReason.WRONG_TYPE);
    // Without a mapping a number stays a type error, as before.
    assertThat(rejected(DEFAULTS, prefix + "1}").reason()).isEqualTo(RejectReason.WRONG_TYPE);
  }
}
