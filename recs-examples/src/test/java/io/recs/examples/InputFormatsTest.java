package io.recs.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recs.config.RecsSettings;
import io.recs.evaluation.data.InteractionFiles;
import io.recs.event.Interaction;
import io.recs.event.RecordOrigin;
import io.recs.event.RejectReason;
import io.recs.parse.InteractionParser;
import io.recs.parse.ParseResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputFormatsTest {
  private static final Interaction EVENT =
      Interaction.of("u1", "i2", "cart", 4.0, 1_700_000_000_123L).withCategory("books");

  static RecsSettings settings(String... args) {
    return new CommandLine("test", OptionSection.RUN)
        .parse(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
        .settings();
  }

  private static InteractionParser parser(String... args) {
    return InputFormats.parser(settings(args), null);
  }

  private static ParseResult parse(InteractionParser parser, String line) {
    return parser.parse(line.getBytes(StandardCharsets.UTF_8), RecordOrigin.UNKNOWN);
  }

  @Test
  void builtInDelimitedAndJsonFormatsReadWhatTheTestkitAndTheInteractionsOutputWrite() {
    assertThat(parse(parser("--format", "csv"), InteractionFiles.toCsvLine(EVENT)).interaction())
        .isEqualTo(EVENT);
    assertThat(
            parse(parser("--format", "tsv"), InteractionFiles.toCsvLine(EVENT).replace(',', '\t'))
                .interaction())
        .isEqualTo(EVENT);
    assertThat(parse(parser("--format", "json"), InteractionFiles.toJsonLine(EVENT)).interaction())
        .isEqualTo(EVENT);
    String canonical =
        new String(
            io.recs.connectors.json.RecsJson.interactions().toJson(EVENT), StandardCharsets.UTF_8);
    assertThat(parse(parser("--format", "json"), canonical).interaction()).isEqualTo(EVENT);
  }

  @Test
  void builtInMovieLensFormatsReadRatingsWithAVisibleThreshold() {
    assertThat(parse(parser("--format", "movielens-udata"), "196\t242\t5\t881250949").interaction())
        .isEqualTo(Interaction.of("196", "242", "rating", 5, 881_250_949_000L));
    InteractionParser lenient = parser("--format", "movielens-csv", "--rating-threshold", "0.5");
    assertThat(parse(lenient, "1,31,1.0,1260759144").isAccepted()).isTrue();
    assertThat(
            parse(parser("--format", "movielens-csv"), "1,31,1.0,1260759144").rejected().reason())
        .isEqualTo(RejectReason.BELOW_THRESHOLD);
  }

  @Test
  void plainCsvWithRolesInOrderSecondsAndAFixedAction() {
    InteractionParser parser =
        parser(
            "--format",
            "csv",
            "--csv-columns",
            "user,item,timestamp",
            "--timestamp-unit",
            "s",
            "--default-action",
            "view");
    assertThat(parse(parser, "u1,i2,1700000000").interaction())
        .isEqualTo(Interaction.of("u1", "i2", "view", 1.0, 1_700_000_000_000L));
  }

  @Test
  void ratingsFileWithWeightColumnIgnoredColumnsAndIndexes() {
    InteractionParser ratings =
        parser(
            "--format",
            "csv",
            "--csv-columns",
            "user,item,weight,timestamp",
            "--timestamp-unit",
            "s",
            "--default-action",
            "rating");
    assertThat(parse(ratings, "7,31,2.5,1260759144").interaction())
        .isEqualTo(Interaction.of("7", "31", "rating", 2.5, 1_260_759_144_000L));
    InteractionParser indexed =
        parser(
            "--format",
            "csv",
            "--csv-columns",
            "item=2,user=0,timestamp=3",
            "--default-action",
            "click",
            "--csv-delimiter",
            ";");
    assertThat(parse(indexed, "u9;x;i4;1000").interaction())
        .isEqualTo(Interaction.of("u9", "i4", "click", 2.0, 1000L));
    InteractionParser skipping =
        parser(
            "--format",
            "tsv",
            "--csv-columns",
            "-,user,item,-,timestamp",
            "--default-action",
            "view");
    assertThat(parse(skipping, "a\tu\ti\tb\t5").interaction())
        .isEqualTo(Interaction.of("u", "i", "view", 1.0, 5L));
  }

  @Test
  void columnsByHeaderNameWithTheHeaderOfTheFile() {
    InteractionParser parser =
        InputFormats.parser(
            settings(
                "--format",
                "csv",
                "--csv-header",
                "--csv-columns",
                "user=visitorid,item=itemid,action=event,timestamp=timestamp"),
            List.of("timestamp", "visitorid", "event", "itemid", "transactionid"));
    assertThat(parse(parser, "1433221332117,257597,view,355908,").interaction())
        .isEqualTo(Interaction.of("257597", "355908", "view", 1.0, 1_433_221_332_117L));
    assertThatThrownBy(
            () ->
                InputFormats.parser(
                    settings("--format", "csv", "--csv-columns", "user=a,item=b,timestamp=c"),
                    null))
        .hasMessage(
            "csv.columns (--csv-columns) user=a,item=b,timestamp=c picks columns by header name:"
                + " set csv.header (--csv-header) true with --source files");
  }

  @Test
  void timestampPatternAndActionMap() {
    InteractionParser parser =
        parser(
            "--format",
            "csv",
            "--csv-columns",
            "user,item,action,timestamp",
            "--timestamp-pattern",
            "yyyy-MM-dd HH:mm:ss",
            "--action-map",
            "clicks=click,orders=purchase");
    assertThat(parse(parser, "u,i,orders,1970-01-01 00:00:02").interaction())
        .isEqualTo(Interaction.of("u", "i", "purchase", 8.0, 2000L));
  }

  @Test
  void sessionShapedJsonBecomesOneInteractionPerEvent() {
    InteractionParser parser =
        parser(
            "--format",
            "json",
            "--json-events",
            "events",
            "--json-user",
            "session",
            "--json-item",
            "aid",
            "--json-timestamp",
            "ts",
            "--json-action",
            "type",
            "--action-map",
            "clicks=click,carts=cart,orders=purchase");
    ParseResult result =
        parse(
            parser,
            "{\"session\":12899779,\"events\":[{\"aid\":59625,\"ts\":1661724000278,"
                + "\"type\":\"clicks\"},{\"aid\":7,\"ts\":1661724000300,\"type\":\"orders\"}]}");
    assertThat(result.interactions())
        .containsExactly(
            Interaction.of("12899779", "59625", "click", 2.0, 1_661_724_000_278L),
            Interaction.of("12899779", "7", "purchase", 8.0, 1_661_724_000_300L));
  }

  @Test
  void contradictoryAndIncompleteFormatSettingsNameTheSetting() {
    assertThatThrownBy(() -> parser("--format", "csv", "--json-user", "u"))
        .hasMessage("json.user (--json-user) does not apply with --format csv; remove it");
    assertThatThrownBy(() -> parser("--format", "csv", "--csv-columns", "user,item,timestamp"))
        .hasMessage(
            "csv.columns (--csv-columns) user,item,timestamp has no action column: set"
                + " input.default-action (--default-action) (for example view, or rating)");
    assertThatThrownBy(() -> parser("--format", "csv", "--default-action", "view"))
        .hasMessage(
            "csv.columns (--csv-columns) has an action column and input.default-action"
                + " (--default-action) is view: set only one");
    assertThatThrownBy(() -> parser("--format", "csv", "--csv-columns", "user,item"))
        .hasMessage("csv.columns (--csv-columns) user,item has no timestamp column");
    assertThatThrownBy(() -> parser("--format", "csv", "--csv-columns", "user,item,when"))
        .hasMessageStartingWith("csv.columns (--csv-columns) has 'when': a role must be one of");
    assertThatThrownBy(() -> parser("--format", "movielens-csv", "--csv-header"))
        .hasMessage(
            "csv.header (--csv-header) does not apply with --format movielens-csv (its layout is"
                + " fixed); remove it");
  }

  @Test
  void needsExactlyOneOfFormatAndParserClass() {
    assertThatThrownBy(() -> parser())
        .hasMessage(
            "exactly one of input.format (--format) and input.parser-class (--parser-class) must"
                + " be set, was neither");
    assertThatThrownBy(() -> parser("--format", "xml"))
        .hasMessage(
            "input.format (--format) must be one of csv, tsv, json, movielens-csv,"
                + " movielens-udata, was xml");
    assertThatThrownBy(() -> parser("--parser-class", "java.lang.String"))
        .hasMessage(
            "input.parser-class (--parser-class) java.lang.String does not implement"
                + " io.recs.parse.InteractionParser");
    assertThat(parser("--parser-class", LineTestParser.class.getName()))
        .isInstanceOf(LineTestParser.class);
  }
}
