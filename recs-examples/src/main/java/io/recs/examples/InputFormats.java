package io.recs.examples;

import static io.recs.examples.InputOptions.*;

import io.recs.config.RecsOption;
import io.recs.config.RecsSettings;
import io.recs.event.ActionWeights;
import io.recs.parse.CsvInteractionParser;
import io.recs.parse.InteractionParser;
import io.recs.parse.JsonInteractionParser;
import io.recs.parse.MovieLensParser;
import io.recs.parse.TimestampFormat;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the {@link InteractionParser} of a run from the settings of {@link InputOptions}: the
 * built-in formats configured without code, or a parser class of the user's.
 */
final class InputFormats {
  private static final Set<String> ROLES =
      Set.of("user", "item", "action", "weight", "timestamp", "category");

  private InputFormats() {}

  /**
   * The parser.
   *
   * @param header the column names of the first input file's first line, or null when unknown;
   *     needed for {@code role=name} columns
   * @throws BadSettingException naming the setting and value that cannot work
   */
  static InteractionParser parser(RecsSettings s, List<String> header) {
    String format = s.get(FORMAT);
    String parserClass = s.get(PARSER_CLASS);
    if ((format == null) == (parserClass == null)) {
      throw new BadSettingException(
          "exactly one of "
              + FORMAT.name()
              + " and "
              + PARSER_CLASS.name()
              + " must be set, was "
              + (format == null ? "neither" : "both"));
    }
    if (parserClass != null) {
      refuseSet(s, "with " + PARSER_CLASS.name(), InputOptions.ALL, PARSER_CLASS);
      return load(parserClass);
    }
    try {
      return switch (format) {
        case "csv", "tsv" -> csv(s, format, header);
        case "json" -> json(s);
        case "movielens-csv", "movielens-udata" -> movieLens(s, format);
        default -> throw new IllegalStateException(format);
      };
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw e instanceof BadSettingException bad
          ? bad
          : new BadSettingException("--format " + format + ": " + e.getMessage(), e);
    }
  }

  private static InteractionParser csv(RecsSettings s, String format, List<String> header) {
    refuseSet(
        s,
        "with --format " + format,
        List.of(
            JSON_USER,
            JSON_ITEM,
            JSON_ACTION,
            JSON_WEIGHT,
            JSON_TIMESTAMP,
            JSON_CATEGORY,
            JSON_EVENTS,
            RATING_THRESHOLD),
        null);
    CsvInteractionParser.Builder b = CsvInteractionParser.builder();
    b.delimiter(delimiter(s));
    List<String> columns = s.get(CSV_COLUMNS);
    boolean byName = columns.stream().anyMatch(c -> c.contains("=") && !isIndex(c));
    if (byName && header == null) {
      throw new BadSettingException(
          CSV_COLUMNS.name()
              + " "
              + String.join(",", columns)
              + " picks columns by header name: set "
              + CSV_HEADER.name()
              + " true with --source files");
    }
    if (byName) {
      b.header(header.toArray(String[]::new));
    }
    List<String> roles = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      String column = columns.get(i);
      int eq = column.indexOf('=');
      String role = eq < 0 ? column : column.substring(0, eq);
      if (role.equals("-")) {
        continue;
      }
      if (!ROLES.contains(role)) {
        throw new BadSettingException(
            CSV_COLUMNS.name()
                + " has '"
                + column
                + "': a role must be one of user, item, action, weight, timestamp, category or -");
      }
      if (roles.contains(role)) {
        throw new BadSettingException(CSV_COLUMNS.name() + " names the " + role + " column twice");
      }
      roles.add(role);
      if (eq < 0) {
        column(b, role, i);
      } else if (isIndex(column)) {
        column(b, role, Integer.parseInt(column.substring(eq + 1)));
      } else {
        column(b, role, column.substring(eq + 1));
      }
    }
    for (String required : List.of("user", "item", "timestamp")) {
      if (!roles.contains(required)) {
        throw new BadSettingException(
            CSV_COLUMNS.name()
                + " "
                + String.join(",", columns)
                + " has no "
                + required
                + " column");
      }
    }
    action(
        s, roles.contains("action"), b::fixedAction, CSV_COLUMNS.name() + " has an action column");
    timestamps(s, b::timestampFormat, b::timestampPattern);
    b.actionWeights(actionWeights(s));
    if (!s.get(ACTION_MAP).isEmpty()) {
      b.actionMapping(s.get(ACTION_MAP));
    }
    if (s.get(CSV_HEADER)) {
      b.firstLineIsHeader();
    }
    return b.build();
  }

  private static InteractionParser json(RecsSettings s) {
    refuseSet(
        s,
        "with --format json",
        List.of(CSV_COLUMNS, CSV_DELIMITER, CSV_HEADER, RATING_THRESHOLD),
        null);
    JsonInteractionParser.Builder b =
        JsonInteractionParser.builder()
            .userField(s.get(JSON_USER))
            .itemField(s.get(JSON_ITEM))
            .weightField(s.get(JSON_WEIGHT))
            .timestampField(s.get(JSON_TIMESTAMP))
            .categoryField(s.get(JSON_CATEGORY));
    if (s.get(DEFAULT_ACTION) == null) {
      b.actionField(s.get(JSON_ACTION));
    } else if (s.isSet(JSON_ACTION)) {
      throw new BadSettingException(
          "only one of " + JSON_ACTION.name() + " and " + DEFAULT_ACTION.name() + " may be set");
    } else {
      b.fixedAction(s.get(DEFAULT_ACTION));
    }
    if (s.get(JSON_EVENTS) != null) {
      b.eventsField(s.get(JSON_EVENTS));
    }
    // JSON strings are read as ISO-8601 date-times whatever the unit of numeric timestamps.
    timestamps(
        s,
        unit -> {
          if (unit != TimestampFormat.ISO_8601) {
            b.timestampFormat(unit);
          }
        },
        b::timestampPattern);
    b.actionWeights(actionWeights(s));
    if (!s.get(ACTION_MAP).isEmpty()) {
      b.actionMapping(s.get(ACTION_MAP));
    }
    return b.build();
  }

  private static InteractionParser movieLens(RecsSettings s, String format) {
    refuseSet(
        s,
        "with --format " + format + " (its layout is fixed)",
        InputOptions.ALL,
        RATING_THRESHOLD);
    MovieLensParser.Builder b =
        format.equals("movielens-csv") ? MovieLensParser.ratingsCsv() : MovieLensParser.uData();
    return b.ratingThreshold(s.get(RATING_THRESHOLD)).build();
  }

  private static void action(
      RecsSettings s, boolean hasColumn, java.util.function.Consumer<String> fixed, String what) {
    String action = s.get(DEFAULT_ACTION);
    if (hasColumn && action != null) {
      throw new BadSettingException(
          what + " and " + DEFAULT_ACTION.name() + " is " + action + ": set only one");
    }
    if (!hasColumn && action == null) {
      throw new BadSettingException(
          CSV_COLUMNS.name()
              + " "
              + String.join(",", s.get(CSV_COLUMNS))
              + " has no action column: set "
              + DEFAULT_ACTION.name()
              + " (for example view, or rating)");
    }
    if (action != null) {
      fixed.accept(action);
    }
  }

  private static void timestamps(
      RecsSettings s,
      java.util.function.Consumer<TimestampFormat> unit,
      java.util.function.BiConsumer<String, ZoneId> pattern) {
    String p = s.get(TIMESTAMP_PATTERN);
    if (p != null) {
      if (s.isSet(TIMESTAMP_UNIT)) {
        throw new BadSettingException(
            "only one of "
                + TIMESTAMP_UNIT.name()
                + " and "
                + TIMESTAMP_PATTERN.name()
                + " may be set");
      }
      ZoneId zone;
      try {
        zone = ZoneId.of(s.get(TIMESTAMP_ZONE));
      } catch (RuntimeException e) {
        throw new BadSettingException(
            TIMESTAMP_ZONE.name() + " '" + s.get(TIMESTAMP_ZONE) + "' is not a time zone");
      }
      try {
        pattern.accept(p, zone);
      } catch (IllegalArgumentException e) {
        throw new BadSettingException(TIMESTAMP_PATTERN.name() + ": " + e.getMessage(), e);
      }
      return;
    }
    unit.accept(
        switch (s.get(TIMESTAMP_UNIT)) {
          case "s" -> TimestampFormat.EPOCH_SECONDS;
          case "ms" -> TimestampFormat.EPOCH_MILLIS;
          default -> TimestampFormat.ISO_8601;
        });
  }

  /** The field separator of the delimited formats: {@code --csv-delimiter}, else by format. */
  static char delimiter(RecsSettings s) {
    String d = s.get(CSV_DELIMITER);
    if (d == null) {
      return "tsv".equals(s.get(FORMAT)) ? '\t' : ',';
    }
    return d.equals("tab") ? '\t' : d.charAt(0);
  }

  static ActionWeights actionWeights(RecsSettings s) {
    ActionWeights.Builder b = ActionWeights.builder();
    for (Map.Entry<String, String> e : s.get(ACTION_WEIGHTS).entrySet()) {
      double weight;
      try {
        weight = Double.parseDouble(e.getValue());
      } catch (NumberFormatException nfe) {
        throw new BadSettingException(
            ACTION_WEIGHTS.name()
                + ": weight of "
                + e.getKey()
                + " '"
                + e.getValue()
                + "' is not a number");
      }
      try {
        b.weight(e.getKey(), weight);
      } catch (IllegalArgumentException iae) {
        throw new BadSettingException(ACTION_WEIGHTS.name() + ": " + iae.getMessage());
      }
    }
    if (s.get(UNKNOWN_ACTION_WEIGHT) != null) {
      b.unknownActionWeight(s.get(UNKNOWN_ACTION_WEIGHT));
    }
    return b.build();
  }

  /** Refuses the settings of {@code options} (but {@code except}) that are set: contradictions. */
  private static void refuseSet(
      RecsSettings s, String context, List<RecsOption<?>> options, RecsOption<?> except) {
    for (RecsOption<?> option : options) {
      if (option != except && option != FORMAT && s.isSet(option)) {
        throw new BadSettingException(option.name() + " does not apply " + context + "; remove it");
      }
    }
  }

  private static boolean isIndex(String column) {
    int eq = column.indexOf('=');
    return eq > 0 && column.substring(eq + 1).matches("\\d+");
  }

  private static void column(CsvInteractionParser.Builder b, String role, int index) {
    switch (role) {
      case "user" -> b.userColumn(index);
      case "item" -> b.itemColumn(index);
      case "action" -> b.actionColumn(index);
      case "weight" -> b.weightColumn(index);
      case "timestamp" -> b.timestampColumn(index);
      default -> b.categoryColumn(index);
    }
  }

  private static void column(CsvInteractionParser.Builder b, String role, String name) {
    switch (role) {
      case "user" -> b.userColumn(name);
      case "item" -> b.itemColumn(name);
      case "action" -> b.actionColumn(name);
      case "weight" -> b.weightColumn(name);
      case "timestamp" -> b.timestampColumn(name);
      default -> b.categoryColumn(name);
    }
  }

  private static InteractionParser load(String className) {
    Object parser;
    try {
      parser = Class.forName(className).getConstructor().newInstance();
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new BadSettingException(
          PARSER_CLASS.name()
              + " "
              + className
              + " cannot be created with a public no-argument constructor: "
              + e);
    }
    if (!(parser instanceof InteractionParser interactionParser)) {
      throw new BadSettingException(
          PARSER_CLASS.name()
              + " "
              + className
              + " does not implement "
              + InteractionParser.class.getName());
    }
    return interactionParser;
  }
}
