package io.recs.examples;

import io.recs.parse.CsvInteractionParser;
import io.recs.parse.InteractionParser;
import io.recs.parse.JsonInteractionParser;
import io.recs.parse.MovieLensParser;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The input formats of the example jobs: {@code --format NAME} picks a built-in parser, {@code
 * --parser-class CLASS} loads any {@link InteractionParser} with a public no-argument constructor
 * (for a format of your own). Exactly one of the two is given.
 *
 * <p>Built-in formats are the entries of {@link #BUILT_IN}: {@code csv} and {@code tsv} (columns
 * {@code userId,itemId,action,weight,timestamp,category}, no header, epoch milliseconds), {@code
 * json} (fields of the same names), {@code movielens-udata} ({@code u.data}) and {@code
 * movielens-csv} ({@code ratings.csv}) with the MovieLens parser's defaults. Other layouts: write a
 * parser class with a no-argument constructor and pass {@code --parser-class}.
 */
final class Formats {
  static final Map<String, Supplier<InteractionParser>> BUILT_IN =
      Map.of(
          "csv", () -> delimited(','),
          "tsv", () -> delimited('\t'),
          "json",
              () ->
                  JsonInteractionParser.builder()
                      .userField("userId")
                      .itemField("itemId")
                      .actionField("action")
                      .weightField("weight")
                      .timestampField("timestamp")
                      .categoryField("category")
                      .build(),
          "movielens-udata", () -> MovieLensParser.uData().build(),
          "movielens-csv", () -> MovieLensParser.ratingsCsv().build());

  /**
   * The layout of {@code csv} and {@code tsv}: no header, columns {@code
   * userId,itemId,action,weight,timestamp,category}, timestamps in epoch milliseconds, the category
   * possibly empty (the testkit's {@code InteractionFiles} writes this layout).
   */
  private static InteractionParser delimited(char delimiter) {
    return CsvInteractionParser.builder()
        .delimiter(delimiter)
        .userColumn(0)
        .itemColumn(1)
        .actionColumn(2)
        .weightColumn(3)
        .timestampColumn(4)
        .categoryColumn(5)
        .build();
  }

  private Formats() {}

  /** The parser for a {@code --format} name or {@code --parser-class} class name. */
  static InteractionParser parser(String format, String parserClass) {
    if ((format == null) == (parserClass == null)) {
      throw new IllegalArgumentException(
          "exactly one of --format / --parser-class must be given, was --format="
              + format
              + " --parser-class="
              + parserClass);
    }
    if (format != null) {
      Supplier<InteractionParser> parser = BUILT_IN.get(format);
      if (parser == null) {
        throw new IllegalArgumentException(
            "unknown --format '"
                + format
                + "'; built-in formats: "
                + new TreeSet<>(BUILT_IN.keySet())
                + "; or give --parser-class");
      }
      return parser.get();
    }
    return load(parserClass);
  }

  private static InteractionParser load(String className) {
    Object parser;
    try {
      parser = Class.forName(className).getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException(
          "--parser-class " + className + " cannot be created with a no-argument constructor", e);
    }
    if (!(parser instanceof InteractionParser interactionParser)) {
      throw new IllegalArgumentException(
          "--parser-class " + className + " does not implement " + InteractionParser.class);
    }
    return interactionParser;
  }
}
