package io.recs.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.util.TimeUtils;

/**
 * One setting of recs, declared once: its key (in YAML files and {@code --print-config}), its
 * command-line flag, type, default, description and validation, in the style of Flink's {@code
 * ConfigOption}. The config builders take their defaults from here, the bundled jobs read the
 * settings from YAML and flags through here, and {@code --help} and the docs' tables are generated
 * from here, so a default cannot differ between them.
 *
 * <pre>{@code
 * public static final RecsOption<Integer> NEIGHBOURS =
 *     RecsOption.key("similarity.neighbours")
 *         .flag("neighbours")
 *         .intType()
 *         .defaultValue(50)
 *         .check(Checks.positive())
 *         .description("K, the length of each item's neighbour list.");
 * }</pre>
 *
 * <p>Values are read from text: integers and decimals as Java writes them, booleans as {@code true}
 * or {@code false} (nothing else), durations as {@code 500ms}, {@code 30s}, {@code 10min}, {@code
 * 6h} or {@code 7d} (emit intervals also {@code end}), enum constants case-insensitively with
 * {@code -} for {@code _}, lists comma-separated, maps as {@code key=value,key=value}.
 *
 * @param <T> the value type
 */
@PublicEvolving
public final class RecsOption<T> {
  private final String key;
  private final String flag;
  private final String typeName;
  private final Function<String, T> parser;
  private final Function<T, String> formatter;
  private final T defaultValue;
  private final Check<T> check;
  private final String description;

  private RecsOption(Typed<T> typed, String description) {
    this.key = typed.key;
    this.flag = typed.flag;
    this.typeName = typed.typeName;
    this.parser = typed.parser;
    this.formatter = typed.formatter;
    this.defaultValue = typed.defaultValue;
    this.check = typed.check;
    this.description = description;
    if (defaultValue != null) {
      String problem = check.problem(defaultValue);
      if (problem != null) {
        throw new IllegalArgumentException(
            "default of " + key + " " + problem + ", was " + format(defaultValue));
      }
    }
  }

  /** Starts declaring the setting with this key, for example {@code similarity.neighbours}. */
  public static KeyBuilder key(String key) {
    if (key == null || !key.matches("[a-z][a-z0-9-]*(\\.[a-z0-9][a-z0-9-]*)*")) {
      throw new IllegalArgumentException(
          "key must be lower-case words separated by '.' or '-', was " + key);
    }
    return new KeyBuilder(key);
  }

  /** The key in YAML files and {@code --print-config}. */
  public String key() {
    return key;
  }

  /** The command-line flag without its leading {@code --}. */
  public String flag() {
    return flag;
  }

  /**
   * The type as shown in {@code --help} and the docs, for example {@code int} or {@code duration}.
   */
  public String typeName() {
    return typeName;
  }

  /** Whether the setting has a default; one without is unset unless given. */
  public boolean hasDefault() {
    return defaultValue != null;
  }

  /** The default, or null when there is none. */
  public T defaultValue() {
    return defaultValue;
  }

  /** What the setting does. */
  public String description() {
    return description;
  }

  /** What valid values look like, for example {@code > 0}; empty when any value of the type is. */
  public String requirement() {
    return check.requirement();
  }

  /**
   * Reads and checks a value given as text.
   *
   * @throws IllegalArgumentException with one line naming the key, the flag and the value
   */
  public T parse(String text) {
    T value;
    try {
      value = parser.apply(text.trim());
    } catch (RuntimeException e) {
      boolean detailed = typeName.equals("list") || typeName.equals("map");
      throw new IllegalArgumentException(
          name()
              + ": '"
              + text
              + "' is not "
              + (typeName.startsWith("one of") ? typeName : article(typeName))
              + (detailed ? ": " + e.getMessage() : ""),
          e);
    }
    validate(value);
    return value;
  }

  /**
   * Checks a value set from code.
   *
   * @throws IllegalArgumentException naming the key, the flag, the value and the requirement
   */
  public T validate(T value) {
    Objects.requireNonNull(value, key);
    String problem = check.problem(value);
    if (problem != null) {
      throw new IllegalArgumentException(name() + " " + problem + ", was " + format(value));
    }
    return value;
  }

  /** The value as text that {@link #parse} reads back. */
  public String format(T value) {
    return value == null ? "" : formatter.apply(value);
  }

  /** {@code key (--flag)}, as the setting is named in messages. */
  public String name() {
    return key + " (--" + flag + ")";
  }

  @Override
  public String toString() {
    return key;
  }

  private static String article(String typeName) {
    return ("aeiou".indexOf(typeName.charAt(0)) >= 0 ? "an " : "a ") + typeName;
  }

  /** A validation: {@code problem} returns null for a valid value, else what is wrong. */
  public interface Check<T> {
    /** Null when {@code value} is valid, else the problem, for example {@code must be > 0}. */
    String problem(T value);

    /** The requirement for the docs, for example {@code > 0}; empty for none. */
    String requirement();
  }

  /** The first step of a declaration: the key; next the flag. */
  public static final class KeyBuilder {
    private final String key;

    private KeyBuilder(String key) {
      this.key = key;
    }

    /** The command-line flag, without {@code --}. */
    public FlagBuilder flag(String flag) {
      if (flag == null || !flag.matches("[a-z][a-z0-9-]*")) {
        throw new IllegalArgumentException(
            "flag of " + key + " must be lower-case words separated by '-', was " + flag);
      }
      return new FlagBuilder(key, flag);
    }
  }

  /** The second step of a declaration: the type. */
  public static final class FlagBuilder {
    private final String key;
    private final String flag;

    private FlagBuilder(String key, String flag) {
      this.key = key;
      this.flag = flag;
    }

    /** A 32-bit integer. */
    public Typed<Integer> intType() {
      return new Typed<>(this, "integer", Integer::valueOf, String::valueOf);
    }

    /** A 64-bit integer. */
    public Typed<Long> longType() {
      return new Typed<>(this, "integer", Long::valueOf, String::valueOf);
    }

    /** A finite decimal number. */
    public Typed<Double> doubleType() {
      return new Typed<>(
          this,
          "number",
          text -> {
            double value = Double.parseDouble(text);
            if (!Double.isFinite(value)) {
              throw new IllegalArgumentException("not finite");
            }
            return value;
          },
          String::valueOf);
    }

    /** {@code true} or {@code false}, nothing else. */
    public Typed<Boolean> booleanType() {
      return new Typed<>(
          this,
          "boolean",
          text ->
              switch (text.toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException("expected true or false");
              },
          String::valueOf);
    }

    /** Any text. */
    public Typed<String> stringType() {
      return new Typed<>(this, "string", text -> text, text -> text);
    }

    /** A duration such as {@code 500ms}, {@code 30s}, {@code 10min}, {@code 6h} or {@code 7d}. */
    public Typed<Duration> durationType() {
      return new Typed<>(this, "duration", TimeUtils::parseDuration, RecsOption::formatDuration);
    }

    /**
     * An emit interval: a duration as {@link #durationType()}, or {@code end} for {@link
     * EmitInterval#END_OF_INPUT}.
     */
    public Typed<Duration> intervalType() {
      return new Typed<>(
          this,
          "duration or " + EmitInterval.END,
          text ->
              text.trim().equalsIgnoreCase(EmitInterval.END)
                  ? EmitInterval.END_OF_INPUT
                  : TimeUtils.parseDuration(text),
          value -> EmitInterval.endOfInput(value) ? EmitInterval.END : formatDuration(value));
    }

    /** A constant of {@code type}, written in lower case with {@code -} for {@code _}. */
    public <E extends Enum<E>> Typed<E> enumType(Class<E> type) {
      List<String> names =
          Arrays.stream(type.getEnumConstants()).map(RecsOption::enumName).toList();
      return new Typed<>(
          this,
          "one of " + String.join(", ", names),
          text -> {
            for (E constant : type.getEnumConstants()) {
              if (enumName(constant).equals(text.toLowerCase(Locale.ROOT).replace('_', '-'))) {
                return constant;
              }
            }
            throw new IllegalArgumentException(text);
          },
          RecsOption::enumName);
    }

    /** A comma-separated list of non-empty texts. */
    public Typed<List<String>> listType() {
      return new Typed<>(
          this,
          "list",
          text -> {
            if (text.isEmpty()) {
              return List.of();
            }
            List<String> items = Arrays.stream(text.split(",", -1)).map(String::trim).toList();
            if (items.contains("")) {
              throw new IllegalArgumentException("empty element");
            }
            return items;
          },
          items -> String.join(",", items));
    }

    /** A comma-separated list of {@code key=value} pairs, in order. */
    public Typed<Map<String, String>> mapType() {
      return new Typed<>(
          this,
          "map",
          text -> {
            Map<String, String> map = new LinkedHashMap<>();
            if (text.isEmpty()) {
              return map;
            }
            for (String pair : text.split(",", -1)) {
              int eq = pair.indexOf('=');
              if (eq <= 0) {
                throw new IllegalArgumentException("expected key=value, was '" + pair + "'");
              }
              map.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
            return map;
          },
          map -> {
            StringBuilder text = new StringBuilder();
            map.forEach(
                (k, v) ->
                    text.append(text.length() == 0 ? "" : ",").append(k).append('=').append(v));
            return text.toString();
          });
    }
  }

  /** The last steps of a declaration: default, check and description. */
  public static final class Typed<T> {
    private final String key;
    private final String flag;
    private final String typeName;
    private final Function<String, T> parser;
    private final Function<T, String> formatter;
    private T defaultValue;
    private Check<T> check = Checks.any();

    private Typed(
        FlagBuilder names,
        String typeName,
        Function<String, T> parser,
        Function<T, String> formatter) {
      this.key = names.key;
      this.flag = names.flag;
      this.typeName = typeName;
      this.parser = parser;
      this.formatter = formatter;
    }

    /** The default; without one the setting is unset unless given. */
    public Typed<T> defaultValue(T value) {
      this.defaultValue = Objects.requireNonNull(value, "defaultValue");
      return this;
    }

    /** The validation of every value, the default included. */
    public Typed<T> check(Check<T> check) {
      this.check = Objects.requireNonNull(check, "check");
      return this;
    }

    /** Ends the declaration with what the setting does. */
    public RecsOption<T> description(String description) {
      return new RecsOption<>(this, Objects.requireNonNull(description, "description"));
    }
  }

  static String enumName(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static String formatDuration(Duration d) {
    long millis = d.toMillis();
    if (millis == 0) {
      return "0ms";
    }
    long[] units = {86_400_000L, 3_600_000L, 60_000L, 1_000L};
    String[] names = {"d", "h", "min", "s"};
    for (int i = 0; i < units.length; i++) {
      if (millis % units[i] == 0) {
        return millis / units[i] + names[i];
      }
    }
    return millis + "ms";
  }
}
