package io.recs.parse;

import static io.recs.parse.ParseTesting.accepted;
import static io.recs.parse.ParseTesting.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recs.event.ActionWeights;
import io.recs.event.Interaction;
import io.recs.event.RecordOrigin;
import io.recs.event.RejectReason;
import io.recs.event.RejectedRecord;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvInteractionParserTest {

  private static final CsvInteractionParser BY_NAME =
      CsvInteractionParser.builder()
          .header("user", "item", "event", "weight", "ts", "category")
          .userColumn("user")
          .itemColumn("item")
          .actionColumn("event")
          .weightColumn("weight")
          .timestampColumn("ts")
          .categoryColumn("category")
          .build();

  private static final CsvInteractionParser TSV_BY_INDEX =
      CsvInteractionParser.builder()
          .delimiter('\t')
          .userColumn(1)
          .itemColumn(0)
          .fixedAction("purchase")
          .timestampColumn(2)
          .timestampFormat(TimestampFormat.EPOCH_SECONDS)
          .build();

  @Test
  void readsColumnsByName() {
    assertThat(accepted(BY_NAME, "u1,i1,click,2.5,1700000000000,books"))
        .isEqualTo(new Interaction("u1", "i1", "click", 2.5, 1_700_000_000_000L, "books"));
  }

  @Test
  void readsColumnsByIndexWithTabsAndFixedAction() {
    assertThat(accepted(TSV_BY_INDEX, "i9\tu7\t1700000000\textra column"))
        .isEqualTo(Interaction.of("u7", "i9", "purchase", 8.0, 1_700_000_000_000L));
  }

  @Test
  void takesTheActionWeightWhenTheWeightFieldIsEmpty() {
    assertThat(accepted(BY_NAME, "u1,i1,Purchase,,1700000000000,").weight()).isEqualTo(8.0);
    assertThat(accepted(BY_NAME, "u1,i1,Purchase,,1700000000000,").action()).isEqualTo("purchase");
  }

  @Test
  void unquotesRfc4180Fields() {
    Interaction parsed = accepted(BY_NAME, "\"u,1\",\"say \"\"hi\"\"\",view,1,1700000000000,\"\"");
    assertThat(parsed.userId()).isEqualTo("u,1");
    assertThat(parsed.itemId()).isEqualTo("say \"hi\"");
    assertThat(parsed.category()).isNull();
  }

  @Test
  void ignoresLineBreakByteOrderMarkAndSurroundingWhitespaceOfIds() {
    assertThat(accepted(BY_NAME, "\uFEFF u1 ,i1,view,1,1700000000000,c\r\n"))
        .isEqualTo(new Interaction("u1", "i1", "view", 1.0, 1_700_000_000_000L, "c"));
  }

  @Test
  void readsIso8601Timestamps() {
    CsvInteractionParser iso =
        CsvInteractionParser.builder()
            .userColumn(0)
            .itemColumn(1)
            .fixedAction("view")
            .timestampColumn(2)
            .timestampFormat(TimestampFormat.ISO_8601)
            .build();
    assertThat(accepted(iso, "u,i,2023-11-14T22:13:20.123+01:00").timestamp())
        .isEqualTo(1_700_000_000_123L - 3_600_000L);
  }

  @Test
  void rejectsTheHeaderLine() {
    RejectedRecord header = rejected(BY_NAME, "user,item,event,weight,ts,category");
    assertThat(header.reason()).isEqualTo(RejectReason.HEADER);
    assertThat(rejected(BY_NAME, "\"user\",item,event,weight,ts,category\r\n").reason())
        .isEqualTo(RejectReason.HEADER);
  }

  @Test
  void deadLettersCarryOriginRawTextAndLength() {
    RejectedRecord r = rejected(BY_NAME, "u1,i1,view,1,yesterday,é");
    assertThat(r.reason()).isEqualTo(RejectReason.INVALID_TIMESTAMP);
    assertThat(r.detail())
        .isEqualTo("timestamp is not an integer number of epoch milliseconds: 'yesterday'");
    assertThat(r.source()).isEqualTo("events");
    assertThat(r.partition()).isEqualTo(3);
    assertThat(r.offset()).isEqualTo(42L);
    assertThat(r.raw()).isEqualTo("u1,i1,view,1,yesterday,é");
    assertThat(r.rawLength()).isEqualTo(25);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      value = {
        "u1,i1,view,1,1700000000000 | MALFORMED_CSV | expected 6 columns, found 5",
        "u1,i1,view,1,1700000000000,c,x | MALFORMED_CSV | expected 6 columns, found 7",
        "\"u1,i1,view,1,1700000000000,c | MALFORMED_CSV | unterminated quote in column 0",
        "\"u1\"x,i1,view,1,1700000000000,c | MALFORMED_CSV | text after the closing quote of column 0",
        "' ,i1,view,1,1700000000000,c' | INVALID_ID | userId is blank",
        "u1,i\u00071,view,1,1700000000000,c | INVALID_ID | itemId holds control character U+0007",
        "u1,i1,sneeze,1,1700000000000,c | UNKNOWN_ACTION | unknown action 'sneeze'",
        "u1,i1,\" \",1,1700000000000,c | UNKNOWN_ACTION | unknown action ' '",
        "u1,i1,view,-1,1700000000000,c | INVALID_WEIGHT | weight must be a finite number >= 0, was '-1'",
        "u1,i1,view,NaN,1700000000000,c | INVALID_WEIGHT | weight must be a finite number >= 0, was 'NaN'",
        "u1,i1,view,1e999,1700000000000,c | INVALID_WEIGHT | weight must be a finite number >= 0, was '1e999'",
        "u1,i1,view,heavy,1700000000000,c | INVALID_WEIGHT | weight must be a finite number >= 0, was 'heavy'",
        "u1,i1,view,1,-5,c | INVALID_TIMESTAMP | timestamp -5 ms is outside [0, 4102444799999]",
        "u1,i1,view,1,4102444800000,c | INVALID_TIMESTAMP | timestamp 4102444800000 ms is outside [0, 4102444799999]",
        "u1,i1,view,1,99999999999999999999,c | INVALID_TIMESTAMP | timestamp 9223372036854775807 ms is outside [0, 4102444799999]",
        "u1,i1,view,1,,c | INVALID_TIMESTAMP | timestamp is not an integer number of epoch milliseconds: ''",
        "'  \t ' | EMPTY | record is empty or whitespace",
      })
  void rejectsWithReasonAndDetail(String line, RejectReason reason, String detail) {
    RejectedRecord r = rejected(BY_NAME, line);
    assertThat(r.reason()).isEqualTo(reason);
    assertThat(r.detail()).isEqualTo(detail);
  }

  @Test
  void rejectsTooLongIds() {
    String id = "x".repeat(257);
    RejectedRecord r = rejected(BY_NAME, "u1," + id + ",view,1,1,c");
    assertThat(r.reason()).isEqualTo(RejectReason.INVALID_ID);
    assertThat(r.detail()).isEqualTo("itemId is 257 characters, the limit is 256");
  }

  @Test
  void rejectsTooLargeRecordsAndKeepsAPrefix() {
    CsvInteractionParser small =
        CsvInteractionParser.builder()
            .userColumn(0)
            .itemColumn(1)
            .fixedAction("view")
            .timestampColumn(2)
            .maxRecordBytes(10)
            .build();
    RejectedRecord r = rejected(small, "u1,i1," + "9".repeat(5000));
    assertThat(r.reason()).isEqualTo(RejectReason.TOO_LARGE);
    assertThat(r.detail()).isEqualTo("record is 5006 bytes, maxRecordBytes is 10");
    assertThat(r.rawLength()).isEqualTo(5006);
    assertThat(r.raw()).hasSize(RejectedRecord.MAX_RAW_CHARS).startsWith("u1,i1,999");
  }

  @Test
  void rejectsInvalidUtf8AndReplacesTheBadBytes() {
    byte[] record = "u1,i1,view,1,1,c".getBytes(StandardCharsets.UTF_8);
    record[1] = (byte) 0xC3; // a lead byte followed by ',' instead of a continuation byte
    RejectedRecord r = rejected(BY_NAME, record);
    assertThat(r.reason()).isEqualTo(RejectReason.INVALID_ENCODING);
    assertThat(r.detail()).isEqualTo("invalid UTF-8 sequence at byte 1");
    assertThat(r.raw()).isEqualTo("u\uFFFD,i1,view,1,1,c");
  }

  @Test
  void buildNamesTheMissingOrConflictingProperty() {
    assertThatThrownBy(() -> CsvInteractionParser.builder().build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "exactly one of actionColumn / fixedAction must be set, was actionColumn=null, fixedAction=null");
    assertThatThrownBy(
            () ->
                CsvInteractionParser.builder()
                    .fixedAction("view")
                    .itemColumn(1)
                    .timestampColumn(2)
                    .build())
        .hasMessage("userColumn must be set");
    assertThatThrownBy(
            () ->
                CsvInteractionParser.builder()
                    .fixedAction("view")
                    .userColumn("user")
                    .itemColumn(1)
                    .timestampColumn(2)
                    .build())
        .hasMessage("userColumn 'user' is a name, so header(...) must be set");
    assertThatThrownBy(
            () ->
                CsvInteractionParser.builder()
                    .header("u", "i", "t")
                    .fixedAction("view")
                    .userColumn("user")
                    .itemColumn(1)
                    .timestampColumn(2)
                    .build())
        .hasMessage("userColumn 'user' is not in header [u, i, t]");
    assertThatThrownBy(
            () ->
                CsvInteractionParser.builder()
                    .fixedAction("view")
                    .userColumn(0)
                    .itemColumn(0)
                    .timestampColumn(2)
                    .build())
        .hasMessage("userColumn and itemColumn are both column 0");
    assertThatThrownBy(
            () ->
                CsvInteractionParser.builder()
                    .fixedAction("view")
                    .userColumn(-1)
                    .itemColumn(1)
                    .timestampColumn(2)
                    .build())
        .hasMessage("userColumn must be >= 0, was -1");
    assertThatThrownBy(
            () ->
                CsvInteractionParser.builder()
                    .fixedAction("sneeze")
                    .userColumn(0)
                    .itemColumn(1)
                    .timestampColumn(2)
                    .build())
        .hasMessage("fixedAction 'sneeze' is not an action of the actionWeights");
    assertThatThrownBy(
            () ->
                CsvInteractionParser.builder()
                    .delimiter('"')
                    .fixedAction("view")
                    .userColumn(0)
                    .itemColumn(1)
                    .timestampColumn(2)
                    .build())
        .hasMessage(
            "delimiter must be an ASCII character other than quote and line breaks, was '\"' (U+0022)");
    assertThatThrownBy(
            () ->
                CsvInteractionParser.builder()
                    .fixedAction("view")
                    .userColumn(0)
                    .itemColumn(1)
                    .timestampColumn(2)
                    .maxRecordBytes(0)
                    .build())
        .hasMessage("maxRecordBytes must be > 0, was 0");
  }

  @Test
  void refusesToSetAPropertyTwice() {
    assertThatThrownBy(() -> CsvInteractionParser.builder().delimiter(',').delimiter(';'))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("delimiter was already set to ,, cannot set it to ;");
  }

  @Test
  void acceptsUnknownActionsWhenTheWeightsDo() {
    CsvInteractionParser lenient =
        CsvInteractionParser.builder()
            .userColumn(0)
            .itemColumn(1)
            .actionColumn(2)
            .timestampColumn(3)
            .actionWeights(ActionWeights.builder().unknownActionWeight(0.5).build())
            .build();
    assertThat(accepted(lenient, "u,i,Sneeze,5"))
        .isEqualTo(Interaction.of("u", "i", "sneeze", 0.5, 5));
  }

  @Test
  void readsTimestampsInADateTimePatternInUtcByDefault() {
    CsvInteractionParser parser =
        CsvInteractionParser.builder()
            .userColumn(0)
            .itemColumn(1)
            .fixedAction("view")
            .timestampColumn(2)
            .timestampPattern("yyyy-MM-dd HH:mm:ss")
            .build();
    assertThat(accepted(parser, "u,i,2023-11-14 22:13:20").timestamp())
        .isEqualTo(1_700_000_000_000L);
    RejectedRecord bad = rejected(parser, "u,i,14.11.2023 22:13");
    assertThat(bad.reason()).isEqualTo(RejectReason.INVALID_TIMESTAMP);
    assertThat(bad.detail())
        .isEqualTo(
            "timestamp is not a date-time in pattern 'yyyy-MM-dd HH:mm:ss' (zone Z):"
                + " '14.11.2023 22:13'");
  }

  @Test
  void readsPatternTimestampsInTheGivenZoneUnlessTheTextHasAnOffset() {
    CsvInteractionParser parser =
        CsvInteractionParser.builder()
            .userColumn(0)
            .itemColumn(1)
            .fixedAction("view")
            .timestampColumn(2)
            .timestampPattern("yyyy-MM-dd HH:mm:ss[XXX]", java.time.ZoneId.of("Europe/Berlin"))
            .build();
    // 23:13:20 in Berlin (UTC+1 in November) is 22:13:20Z.
    assertThat(accepted(parser, "u,i,2023-11-14 23:13:20").timestamp())
        .isEqualTo(1_700_000_000_000L);
    assertThat(accepted(parser, "u,i,2023-11-14 22:13:20Z").timestamp())
        .isEqualTo(1_700_000_000_000L);
  }

  @Test
  void timestampPatternIsCheckedInTheBuilder() {
    assertThatThrownBy(() -> CsvInteractionParser.builder().timestampPattern("yyyy-MM-dd {"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "timestampPattern 'yyyy-MM-dd {' is not a DateTimeFormatter pattern: ");
    assertThatThrownBy(() -> CsvInteractionParser.builder().timestampPattern("yyyy-MM-dd"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "timestampPattern 'yyyy-MM-dd' does not describe a point in time (it needs a date and"
                + " a time of day)");
    assertThatThrownBy(
            () ->
                CsvInteractionParser.builder()
                    .userColumn(0)
                    .itemColumn(1)
                    .fixedAction("view")
                    .timestampColumn(2)
                    .timestampFormat(TimestampFormat.EPOCH_SECONDS)
                    .timestampPattern("yyyy-MM-dd HH:mm:ss")
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "only one of timestampFormat / timestampPattern may be set, was"
                + " timestampFormat=EPOCH_SECONDS, timestampPattern='yyyy-MM-dd HH:mm:ss' in Z");
  }

  @ParameterizedTest
  @CsvSource({
    "EPOCH_MICROS, 1700000000123456, 1700000000123",
    "EPOCH_NANOS, 1700000000123456789, 1700000000123",
    "EPOCH_MICROS, -1, -1",
  })
  void readsEpochMicrosAndNanosTruncatedToMillis(TimestampFormat format, String text, long ms) {
    CsvInteractionParser parser =
        CsvInteractionParser.builder()
            .userColumn(0)
            .itemColumn(1)
            .fixedAction("view")
            .timestampColumn(2)
            .timestampFormat(format)
            .build();
    if (ms < 0) { // -1 microsecond is before the epoch: floored, not truncated towards 0
      assertThat(rejected(parser, "u,i," + text).reason())
          .isEqualTo(RejectReason.INVALID_TIMESTAMP);
    } else {
      assertThat(accepted(parser, "u,i," + text).timestamp()).isEqualTo(ms);
    }
  }

  @Test
  void mapsRawActionValuesAndReadsUnmappedOnesAsNames() {
    CsvInteractionParser parser =
        CsvInteractionParser.builder()
            .userColumn(0)
            .itemColumn(1)
            .actionColumn(2)
            .timestampColumn(3)
            .actionMapping(java.util.Map.of("1", "view", "Orders", "Purchase"))
            .build();
    assertThat(accepted(parser, "u,i,1,5")).isEqualTo(Interaction.of("u", "i", "view", 1.0, 5));
    assertThat(accepted(parser, "u,i, orders ,5").action()).isEqualTo("purchase");
    assertThat(accepted(parser, "u,i,Cart,5").action()).isEqualTo("cart");
    RejectedRecord unmapped = rejected(parser, "u,i,2,5");
    assertThat(unmapped.reason()).isEqualTo(RejectReason.UNKNOWN_ACTION);
    assertThat(unmapped.detail()).isEqualTo("unknown action '2'");
  }

  @Test
  void actionMappingIsCheckedAgainstTheActionWeights() {
    assertThatThrownBy(
            () ->
                CsvInteractionParser.builder()
                    .userColumn(0)
                    .itemColumn(1)
                    .actionColumn(2)
                    .timestampColumn(3)
                    .actionMapping(java.util.Map.of("3", "share"))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "actionMapping maps '3' to 'share', which is not an action of the actionWeights");
    assertThatThrownBy(
            () ->
                CsvInteractionParser.builder()
                    .userColumn(0)
                    .itemColumn(1)
                    .fixedAction("view")
                    .timestampColumn(3)
                    .actionMapping(java.util.Map.of("1", "view"))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("actionMapping needs an actionColumn, but fixedAction='view' is set");
    assertThatThrownBy(
            () ->
                CsvInteractionParser.builder()
                    .userColumn(0)
                    .itemColumn(1)
                    .actionColumn(2)
                    .timestampColumn(3)
                    .actionMapping(java.util.Map.of("a", "view", "A", "cart"))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("actionMapping has two keys for the raw value 'a'");
  }

  @Test
  void firstLineIsHeaderRejectsOffsetZeroWhateverItHolds() {
    CsvInteractionParser parser =
        CsvInteractionParser.builder()
            .userColumn(0)
            .itemColumn(1)
            .actionColumn(2)
            .timestampColumn(3)
            .firstLineIsHeader()
            .build();
    byte[] line = "u,i,view,5".getBytes(StandardCharsets.UTF_8);
    ParseResult first = parser.parse(line, RecordOrigin.line("a.csv", 0));
    assertThat(first.isAccepted()).isFalse();
    assertThat(first.rejected())
        .isEqualTo(
            new RejectedRecord(
                RejectReason.HEADER,
                "record is at offset 0, the header line (firstLineIsHeader)",
                "a.csv",
                -1,
                0,
                "u,i,view,5",
                10));
    assertThat(parser.parse(line, RecordOrigin.line("a.csv", 1)).interaction())
        .isEqualTo(Interaction.of("u", "i", "view", 1.0, 5));
    assertThat(parser.parse(line, RecordOrigin.UNKNOWN).isAccepted()).isTrue();
    assertThatThrownBy(() -> CsvInteractionParser.builder().firstLineIsHeader().firstLineIsHeader())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("firstLineIsHeader was already set to true, cannot set it to true");
  }

  @Test
  void choosesColumnsByIndexAndByNameWithAHeader() {
    CsvInteractionParser parser =
        CsvInteractionParser.builder()
            .header("ts", "action", "item", "user")
            .userColumn(3)
            .itemColumn("item")
            .actionColumn(1)
            .timestampColumn("ts")
            .build();
    assertThat(accepted(parser, "5,cart,i,u")).isEqualTo(Interaction.of("u", "i", "cart", 4.0, 5));
    assertThat(rejected(parser, "ts,action,item,user").reason()).isEqualTo(RejectReason.HEADER);
    assertThat(rejected(parser, "5,cart,i,u,extra").reason()).isEqualTo(RejectReason.MALFORMED_CSV);
    assertThatThrownBy(
            () ->
                CsvInteractionParser.builder()
                    .header("ts", "action", "item", "user")
                    .userColumn(4)
                    .itemColumn("item")
                    .actionColumn(1)
                    .timestampColumn("ts")
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("userColumn is 4 but the header has 4 columns");
  }
}
