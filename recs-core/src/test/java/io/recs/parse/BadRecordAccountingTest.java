package io.recs.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.recs.event.RecordOrigin;
import io.recs.event.RejectReason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad record through CSV, JSON and session-shaped JSON: accepted records + rejected
 * records = records read, and the interactions are exactly the events of the accepted records.
 */
class BadRecordAccountingTest {

  private static final InteractionParser CSV =
      CsvInteractionParser.builder()
          .userColumn(0)
          .itemColumn(1)
          .actionColumn(2)
          .timestampColumn(3)
          .timestampPattern("yyyy-MM-dd HH:mm:ss")
          .firstLineIsHeader()
          .build();

  private static final InteractionParser JSON =
      JsonInteractionParser.builder().userField("u").itemField("i").actionField("a").build();

  private static final InteractionParser SESSIONS =
      JsonInteractionParser.builder()
          .eventsField("events")
          .userField("session")
          .itemField("aid")
          .timestampField("ts")
          .actionField("type")
          .actionMapping(Map.of("clicks", "click", "carts", "cart", "orders", "purchase"))
          .build();

  /** A record, how many interactions it must become (0: rejected) and the reason if rejected. */
  private record Line(String text, int events, RejectReason reason) {
    static Line good(String text, int events) {
      return new Line(text, events, null);
    }

    static Line bad(String text, RejectReason reason) {
      return new Line(text, 0, reason);
    }
  }

  static Stream<Arguments> formats() {
    return Stream.of(
        Arguments.of(
            "csv",
            CSV,
            List.of(
                Line.bad("anything at all", RejectReason.HEADER), // offset 0
                Line.good("u1,i1,view,2024-05-01 12:00:00", 1),
                Line.bad("u1,i1,\"view,2024-05-01 12:00:00", RejectReason.MALFORMED_CSV),
                Line.bad("u1,i1,view", RejectReason.MALFORMED_CSV), // missing field
                Line.bad("u1,i1,view,1714564800", RejectReason.INVALID_TIMESTAMP),
                Line.bad("u1,i1,dance,2024-05-01 12:00:00", RejectReason.UNKNOWN_ACTION),
                Line.bad("", RejectReason.EMPTY),
                Line.good("u2,i2,purchase,2024-05-01 12:00:01", 1))),
        Arguments.of(
            "json",
            JSON,
            List.of(
                Line.good("{\"u\":\"u1\",\"i\":\"i1\",\"a\":\"view\",\"timestamp\":5}", 1),
                Line.bad("{\"u\":\"u1\",\"i\":", RejectReason.MALFORMED_JSON),
                Line.bad(
                    "{\"u\":\"u1\",\"a\":\"view\",\"timestamp\":5}", RejectReason.MISSING_FIELD),
                Line.bad(
                    "{\"u\":\"u1\",\"i\":\"i1\",\"a\":\"view\",\"timestamp\":\"soon\"}",
                    RejectReason.INVALID_TIMESTAMP),
                Line.bad(
                    "{\"u\":\"u1\",\"i\":\"i1\",\"a\":\"dance\",\"timestamp\":5}",
                    RejectReason.UNKNOWN_ACTION),
                Line.good("{\"u\":\"u2\",\"i\":\"i2\",\"a\":\"cart\",\"timestamp\":6}", 1))),
        Arguments.of(
            "sessions",
            SESSIONS,
            List.of(
                Line.good(
                    "{\"session\":1,\"events\":[{\"aid\":1,\"ts\":5,\"type\":\"clicks\"},"
                        + "{\"aid\":2,\"ts\":6,\"type\":\"carts\"},{\"aid\":2,\"ts\":7,\"type\":\"orders\"}]}",
                    3),
                Line.bad("{\"session\":1,\"events\":[{\"aid\":1", RejectReason.MALFORMED_JSON),
                Line.bad("{\"session\":1}", RejectReason.MISSING_FIELD),
                Line.bad(
                    "{\"session\":1,\"events\":[{\"aid\":1,\"type\":\"clicks\"}]}",
                    RejectReason.MISSING_FIELD),
                Line.bad(
                    "{\"session\":1,\"events\":[{\"aid\":1,\"ts\":\"soon\",\"type\":\"clicks\"}]}",
                    RejectReason.INVALID_TIMESTAMP),
                Line.bad(
                    "{\"session\":1,\"events\":[{\"aid\":1,\"ts\":5,\"type\":\"likes\"}]}",
                    RejectReason.UNKNOWN_ACTION),
                Line.bad("{\"session\":1,\"events\":[]}", RejectReason.EMPTY),
                Line.bad(
                    "{\"session\":1,\"events\":[{\"aid\":1,\"ts\":5,\"type\":\"clicks\"},"
                        + "{\"aid\":2,\"ts\":-6,\"type\":\"carts\"}]}",
                    RejectReason.INVALID_TIMESTAMP), // one bad event rejects the whole session
                Line.good(
                    "{\"session\":2,\"ts\":9,\"events\":[{\"aid\":3,\"type\":\"clicks\"}]}", 1))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void acceptedPlusRejectedIsReadAndEventsAreThoseOfAcceptedRecords(
      String format, InteractionParser parser, List<Line> lines) {
    int accepted = 0;
    int rejected = 0;
    int events = 0;
    List<RejectReason> actualReasons = new ArrayList<>();
    for (int offset = 0; offset < lines.size(); offset++) {
      Line line = lines.get(offset);
      ParseResult result =
          parser.parse(
              line.text().getBytes(StandardCharsets.UTF_8),
              RecordOrigin.line(format + ".txt", offset));
      if (result.isAccepted()) {
        accepted++;
        events += result.interactions().size();
        actualReasons.add(null);
      } else {
        rejected++;
        actualReasons.add(result.rejected().reason());
        assertThat(result.rejected().offset()).isEqualTo(offset);
        assertThat(result.interactions()).isEmpty();
      }
    }

    assertThat(actualReasons).containsExactlyElementsOf(lines.stream().map(Line::reason).toList());
    assertThat(accepted + rejected).isEqualTo(lines.size());
    assertThat(accepted).isEqualTo(lines.stream().filter(l -> l.events() > 0).count());
    assertThat(events).isEqualTo(lines.stream().mapToInt(Line::events).sum());
  }
}
