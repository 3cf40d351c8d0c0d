package io.recs.examples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.util.ParameterTool;

/**
 * The command-line flags of one job: each flag is declared once with its default and help text, so
 * {@code --help} lists every flag and a misspelt flag is an error instead of being ignored.
 */
final class Flags {
  /** What {@link #parse} returns when the user asked for help. */
  static final ParameterTool HELP = ParameterTool.fromMap(Map.of("help", "true"));

  private final String usage;
  private final Map<String, Flag> flags = new LinkedHashMap<>();

  private record Flag(String name, String defaultValue, String help) {}

  Flags(String usage) {
    this.usage = usage;
  }

  /** Declares a required flag. */
  Flags required(String name, String help) {
    flags.put(name, new Flag(name, null, help));
    return this;
  }

  /** Declares a flag with a default; {@code ""} means "not set" and is shown as such. */
  Flags optional(String name, String defaultValue, String help) {
    flags.put(name, new Flag(name, defaultValue, help));
    return this;
  }

  /**
   * Parses {@code args}, applying defaults. Returns {@link #HELP} (after printing the help to
   * {@code out}) when {@code --help} is given.
   *
   * @throws IllegalArgumentException naming unknown or missing flags
   */
  ParameterTool parse(String[] args, PrintStream out) {
    ParameterTool given = ParameterTool.fromArgs(args);
    if (given.has("help")) {
      printHelp(out);
      return HELP;
    }
    Set<String> unknown = new TreeSet<>(given.toMap().keySet());
    unknown.removeAll(flags.keySet());
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown flags " + unknown + "; see --help");
    }
    Map<String, String> values = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    for (Flag flag : flags.values()) {
      String value = given.get(flag.name(), flag.defaultValue());
      if (value == null) {
        missing.add("--" + flag.name());
      } else if (!value.isEmpty()) {
        values.put(flag.name(), value);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("missing required flags " + missing + "; see --help");
    }
    return ParameterTool.fromMap(values);
  }

  void printHelp(PrintStream out) {
    out.println(usage);
    out.println();
    for (Flag flag : flags.values()) {
      String value =
          flag.defaultValue() == null
              ? "(required)"
              : flag.defaultValue().isEmpty()
                  ? "(not set)"
                  : "(default " + flag.defaultValue() + ")";
      out.printf("  --%-26s %s %s%n", flag.name(), flag.help(), value);
    }
    out.printf("  --%-26s %s%n", "help", "prints this help");
  }
}
