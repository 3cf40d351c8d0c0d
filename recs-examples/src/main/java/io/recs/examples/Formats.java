package io.recs.examples;

import io.recs.parse.InteractionParser;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The input formats of the example jobs: {@code --format NAME} picks a built-in parser, {@code
 * --parser-class CLASS} loads any {@link InteractionParser} with a public no-argument constructor
 * (for a format of your own). Exactly one of the two is given.
 *
 * <p>Built-in formats are the entries of {@link #BUILT_IN}, one line per parser of {@code
 * io.recs.parse}: {@code csv}, {@code tsv}, {@code json}, {@code movielens-udata} and {@code
 * movielens-csv} once those parsers are part of recs-core.
 */
final class Formats {
  static final Map<String, Supplier<InteractionParser>> BUILT_IN = Map.of();

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
