package io.recs.examples;

import io.recs.config.Checks;
import io.recs.config.RecsOption;
import java.util.List;
import java.util.Map;

/** The settings of the input format, declared once; {@link InputFormats} builds the parser. */
final class InputOptions {
  private InputOptions() {}

  static final List<String> FORMATS =
      List.of("csv", "tsv", "json", "movielens-csv", "movielens-udata");

  static final RecsOption<String> FORMAT =
      RecsOption.key("input.format")
          .flag("format")
          .stringType()
          .check(oneOf(FORMATS))
          .description(
              "Built-in input format: csv, tsv, json, movielens-csv or movielens-udata (layouts in"
                  + " docs/parsing.md); or give --parser-class.");

  static final RecsOption<String> PARSER_CLASS =
      RecsOption.key("input.parser-class")
          .flag("parser-class")
          .stringType()
          .check(Checks.notBlank())
          .description(
              "Class name of an InteractionParser with a public no-argument constructor, instead"
                  + " of --format.");

  static final RecsOption<List<String>> CSV_COLUMNS =
      RecsOption.key("csv.columns")
          .flag("csv-columns")
          .listType()
          .defaultValue(List.of("user", "item", "action", "weight", "timestamp", "category"))
          .description(
              "The role of each column in order: user, item, action, weight, timestamp, category,"
                  + " or - for a column to ignore; role=N picks column N (0-based), role=name the"
                  + " column of that name in the header (with --csv-header).");

  static final RecsOption<String> CSV_DELIMITER =
      RecsOption.key("csv.delimiter")
          .flag("csv-delimiter")
          .stringType()
          .check(delimiter())
          .description("Field separator, one character or tab; default , for csv and tab for tsv.");

  static final RecsOption<Boolean> CSV_HEADER =
      RecsOption.key("csv.header")
          .flag("csv-header")
          .booleanType()
          .defaultValue(false)
          .description(
              "The first line of each file is a header: it is skipped (a HEADER dead letter) and"
                  + " names the columns for role=name in --csv-columns. Files only.");

  static final RecsOption<String> JSON_USER = jsonField("user", "userId");
  static final RecsOption<String> JSON_ITEM = jsonField("item", "itemId");
  static final RecsOption<String> JSON_ACTION = jsonField("action", "action");
  static final RecsOption<String> JSON_WEIGHT = jsonField("weight", "weight");
  static final RecsOption<String> JSON_TIMESTAMP = jsonField("timestamp", "timestamp");
  static final RecsOption<String> JSON_CATEGORY = jsonField("category", "category");

  static final RecsOption<String> JSON_EVENTS =
      RecsOption.key("json.events")
          .flag("json-events")
          .stringType()
          .check(Checks.notBlank())
          .description(
              "Path to an array of events in each record (sessions): one record becomes one"
                  + " interaction per element; fields are looked up in the element, then in the"
                  + " record (for example the session id as the user).");

  static final RecsOption<String> TIMESTAMP_UNIT =
      RecsOption.key("input.timestamp-unit")
          .flag("timestamp-unit")
          .stringType()
          .defaultValue("ms")
          .check(oneOf(List.of("s", "ms", "iso-8601")))
          .description(
              "How timestamps are written: s or ms since the epoch, or iso-8601 date-times with an"
                  + " offset; see --timestamp-pattern for other layouts.");

  static final RecsOption<String> TIMESTAMP_PATTERN =
      RecsOption.key("input.timestamp-pattern")
          .flag("timestamp-pattern")
          .stringType()
          .check(Checks.notBlank())
          .description(
              "A java.time pattern such as 'yyyy-MM-dd HH:mm:ss' for timestamps, instead of"
                  + " --timestamp-unit; read in --timestamp-zone unless it holds an offset.");

  static final RecsOption<String> TIMESTAMP_ZONE =
      RecsOption.key("input.timestamp-zone")
          .flag("timestamp-zone")
          .stringType()
          .defaultValue("UTC")
          .check(Checks.notBlank())
          .description("Time zone of --timestamp-pattern values without an offset.");

  static final RecsOption<String> DEFAULT_ACTION =
      RecsOption.key("input.default-action")
          .flag("default-action")
          .stringType()
          .check(Checks.notBlank())
          .description(
              "The action of every record, for inputs without an action column or field (e.g."
                  + " view, or rating for a ratings file whose weight column is the rating).");

  static final RecsOption<Map<String, String>> ACTION_MAP =
      RecsOption.key("input.action-map")
          .flag("action-map")
          .mapType()
          .defaultValue(Map.of())
          .description(
              "Renames raw action values, e.g. clicks=click,carts=cart,orders=purchase; values"
                  + " not listed are used as they are.");

  static final RecsOption<Map<String, String>> ACTION_WEIGHTS =
      RecsOption.key("input.action-weights")
          .flag("action-weights")
          .mapType()
          .defaultValue(Map.of())
          .description(
              "Weights of actions over the defaults view=1,click=2,cart=4,purchase=8,rating=1,"
                  + " e.g. share=3; a record's own weight column or field wins.");

  static final RecsOption<Double> UNKNOWN_ACTION_WEIGHT =
      RecsOption.key("input.unknown-action-weight")
          .flag("unknown-action-weight")
          .doubleType()
          .check(Checks.atLeast(0))
          .description(
              "Weight of actions not in --action-weights; unset rejects them (UNKNOWN_ACTION).");

  static final RecsOption<Double> RATING_THRESHOLD =
      RecsOption.key("movielens.rating-threshold")
          .flag("rating-threshold")
          .doubleType()
          .defaultValue(4.0)
          .check(Checks.atLeast(0))
          .description(
              "MovieLens formats: ratings below this become BELOW_THRESHOLD dead letters, not"
                  + " interactions.");

  static final List<RecsOption<?>> ALL =
      List.of(
          FORMAT,
          PARSER_CLASS,
          CSV_COLUMNS,
          CSV_DELIMITER,
          CSV_HEADER,
          JSON_USER,
          JSON_ITEM,
          JSON_ACTION,
          JSON_WEIGHT,
          JSON_TIMESTAMP,
          JSON_CATEGORY,
          JSON_EVENTS,
          TIMESTAMP_UNIT,
          TIMESTAMP_PATTERN,
          TIMESTAMP_ZONE,
          DEFAULT_ACTION,
          ACTION_MAP,
          ACTION_WEIGHTS,
          UNKNOWN_ACTION_WEIGHT,
          RATING_THRESHOLD);

  private static RecsOption<String> jsonField(String role, String defaultPath) {
    return RecsOption.key("json." + role)
        .flag("json-" + role)
        .stringType()
        .defaultValue(defaultPath)
        .check(Checks.notBlank())
        .description("Field path (dotted) of the " + role + " in JSON records.");
  }

  static RecsOption.Check<String> oneOf(List<String> values) {
    return new RecsOption.Check<>() {
      @Override
      public String problem(String value) {
        return values.contains(value) ? null : "must be one of " + String.join(", ", values);
      }

      @Override
      public String requirement() {
        return String.join(", ", values);
      }
    };
  }

  private static RecsOption.Check<String> delimiter() {
    return new RecsOption.Check<>() {
      @Override
      public String problem(String value) {
        return value.equals("tab")
                || value.equals("\t")
                || (value.length() == 1 && value.charAt(0) < 128)
            ? null
            : "must be one ASCII character or tab";
      }

      @Override
      public String requirement() {
        return "one ASCII character or tab";
      }
    };
  }
}
