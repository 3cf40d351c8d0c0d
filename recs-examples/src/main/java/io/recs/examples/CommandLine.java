package io.recs.examples;

import io.recs.config.RecsOption;
import io.recs.config.RecsSettings;
import java.io.File;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.flink.configuration.YamlParserUtils;

/**
 * Reads a job's settings: the defaults of its options, a YAML file ({@code --config recs.yaml}) on
 * top and command-line flags on top of that. Prints {@code --help}, generated from the options, and
 * {@code --print-config}, the effective settings as YAML that {@code --config} reads back.
 *
 * <p>Keys and flags that start with {@code kafka.properties.} become Kafka client properties of the
 * source and every sink; those that start with {@code flink.} become Flink configuration (for
 * example {@code flink.execution.state-recovery.path}). Anything else unknown is an error.
 */
final class CommandLine {
  static final String KAFKA_PROPERTY_PREFIX = "kafka.properties.";
  static final String FLINK_PREFIX = "flink.";

  private final String usage;
  private final List<OptionSection> sections;
  private final Map<String, RecsOption<?>> byKey = new LinkedHashMap<>();
  private final Map<String, RecsOption<?>> byFlag = new LinkedHashMap<>();

  /** What was read: the settings, Flink configuration, and whether to stop after printing. */
  record Invocation(
      RecsSettings settings,
      Map<String, String> flinkConfiguration,
      Map<String, String> origins,
      boolean done) {}

  CommandLine(String usage, List<OptionSection> sections) {
    this.usage = usage;
    this.sections = sections;
    for (RecsOption<?> option : OptionSection.options(sections)) {
      if (byKey.put(option.key(), option) != null || byFlag.put(option.flag(), option) != null) {
        throw new IllegalStateException("option declared twice: " + option.name());
      }
    }
  }

  /**
   * Parses {@code args}; prints help or the configuration to {@code out} when asked (then {@link
   * Invocation#done()} is true).
   *
   * @throws BadSettingException naming the flag or key and the value that are wrong
   */
  Invocation parse(String[] args, PrintStream out) {
    Map<String, String> fromFlags = new LinkedHashMap<>();
    Map<String, String> flink = new LinkedHashMap<>();
    Map<String, String> kafka = new LinkedHashMap<>();
    Map<String, String> origins = new LinkedHashMap<>();
    String configFile = null;
    boolean help = false;
    boolean printConfig = false;
    boolean kafkaFromFlags = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--") || arg.length() == 2) {
        throw new BadSettingException(
            "unexpected argument '" + arg + "'; flags start with --, see --help");
      }
      String name = arg.substring(2);
      String value = null;
      int eq = name.indexOf('=');
      if (eq > 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
        value = args[++i];
      }
      switch (name) {
        case "help" -> help = true;
        case "print-config" -> printConfig = true;
        case "config" -> configFile = required(name, value);
        default -> {
          if (name.startsWith(KAFKA_PROPERTY_PREFIX)) {
            kafkaFromFlags = true;
            kafka.put(name.substring(KAFKA_PROPERTY_PREFIX.length()), required(name, value));
          } else if (name.startsWith(FLINK_PREFIX)) {
            flink.put(name.substring(FLINK_PREFIX.length()), required(name, value));
          } else {
            RecsOption<?> option = byFlag.get(name);
            if (option == null) {
              throw new BadSettingException("unknown flag --" + name + "; see --help");
            }
            if (value == null && option.typeName().equals("boolean")) {
              value = "true";
            }
            if (fromFlags.put(option.key(), required(name, value)) != null) {
              throw new BadSettingException("--" + name + " is given twice");
            }
          }
        }
      }
    }
    if (help) {
      printHelp(out);
      return new Invocation(RecsSettings.empty(), Map.of(), Map.of(), true);
    }
    Map<String, String> raw = new LinkedHashMap<>();
    if (configFile != null) {
      for (Map.Entry<String, String> e : readYaml(configFile).entrySet()) {
        String key = e.getKey();
        if (key.startsWith(KAFKA_PROPERTY_PREFIX)) {
          kafka.putIfAbsent(key.substring(KAFKA_PROPERTY_PREFIX.length()), e.getValue());
        } else if (key.startsWith(FLINK_PREFIX)) {
          flink.putIfAbsent(key.substring(FLINK_PREFIX.length()), e.getValue());
        } else if (!byKey.containsKey(key)) {
          throw new BadSettingException(
              "unknown setting '" + key + "' in " + configFile + "; see --help for the keys");
        } else {
          raw.put(key, e.getValue());
          origins.put(key, configFile);
        }
      }
    }
    fromFlags.forEach(
        (key, value) -> {
          raw.put(key, value);
          origins.put(key, "flag");
        });
    RecsSettings settings = RecsSettings.empty();
    for (Map.Entry<String, String> e : raw.entrySet()) {
      settings = parsed(settings, byKey.get(e.getKey()), e.getValue());
    }
    if (!kafka.isEmpty()) {
      Map<String, String> properties =
          new LinkedHashMap<>(settings.get(JobOptions.KAFKA_PROPERTIES));
      properties.putAll(kafka);
      settings = settings.with(JobOptions.KAFKA_PROPERTIES, properties);
      origins.putIfAbsent(JobOptions.KAFKA_PROPERTIES.key(), kafkaFromFlags ? "flag" : configFile);
    }
    if (printConfig) {
      printConfig(settings, flink, origins, out);
      return new Invocation(settings, flink, origins, true);
    }
    return new Invocation(settings, flink, origins, false);
  }

  private static <T> RecsSettings parsed(RecsSettings settings, RecsOption<T> option, String text) {
    try {
      return settings.with(option, option.parse(text));
    } catch (IllegalArgumentException e) {
      throw new BadSettingException(e.getMessage(), e);
    }
  }

  private static String required(String name, String value) {
    if (value == null) {
      throw new BadSettingException("--" + name + " needs a value; see --help");
    }
    return value;
  }

  /** The YAML file as flat keys (nested maps joined with dots) and text values. */
  static Map<String, String> readYaml(String file) {
    File f = new File(file);
    if (!f.isFile()) {
      throw new BadSettingException("--config " + file + ": no such file");
    }
    Map<String, Object> yaml;
    try {
      yaml = YamlParserUtils.loadYamlFile(f);
    } catch (Exception e) {
      throw new BadSettingException(
          "--config " + file + " is not valid YAML: " + firstLine(e.getMessage()), e);
    }
    Map<String, String> flat = new LinkedHashMap<>();
    flatten("", yaml == null ? Map.of() : yaml, flat);
    return flat;
  }

  private static void flatten(String prefix, Map<?, ?> map, Map<String, String> flat) {
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = prefix + e.getKey();
      Object value = e.getValue();
      if (value instanceof Map<?, ?> nested) {
        flatten(key + ".", nested, flat);
      } else if (value instanceof List<?> list) {
        flat.put(key, String.join(",", list.stream().map(String::valueOf).toList()));
      } else {
        flat.put(key, value == null ? "" : String.valueOf(value));
      }
    }
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }

  void printHelp(PrintStream out) {
    out.println(usage);
    out.println();
    out.println("Settings come from their defaults, then --config FILE (YAML, keys as shown in");
    out.println("brackets), then flags. --print-config prints the effective settings and exits.");
    out.println("Kafka client properties: --kafka.properties.<name> <value>; Flink configuration:");
    out.println("--flink.<key> <value> (or the same keys in the YAML file).");
    for (OptionSection section : sections) {
      out.println();
      out.println(section.title() + ":");
      for (RecsOption<?> option : section.options()) {
        out.printf("  --%s <%s>%n", option.flag(), option.typeName());
        out.printf("      %s%n", option.description());
        StringBuilder facts = new StringBuilder("      [" + option.key());
        facts.append(option.hasDefault() ? "; default " + shown(option) : "; not set by default");
        if (!option.requirement().isEmpty() && !option.typeName().startsWith("one of")) {
          facts.append("; ").append(option.requirement());
        }
        out.println(facts.append(']'));
      }
    }
    out.println();
    out.println("  --config <file>      YAML file of settings");
    out.println("  --print-config       prints the effective settings as YAML and exits");
    out.println("  --help               prints this help");
  }

  private static <T> String shown(RecsOption<T> option) {
    String text = option.format(option.defaultValue());
    return text.isEmpty() ? "(empty)" : text;
  }

  /** Settings whose default differs with final lists only ({@code RecsPipeline.effective}). */
  private static final List<RecsOption<?>> FINAL_LISTS_DEFAULTS =
      Stream.<RecsOption<?>>concat(
              Stream.of(io.recs.pipeline.PipelineOptions.PRESET),
              io.recs.pipeline.PipelineOptions.EMIT_INTERVALS.stream())
          .toList();

  private void printConfig(
      RecsSettings settings,
      Map<String, String> flink,
      Map<String, String> origins,
      PrintStream out) {
    out.println("# effective settings; origin of each in the comment");
    RecsSettings effective = io.recs.pipeline.RecsPipeline.effective(settings);
    for (OptionSection section : sections) {
      out.println("# " + section.title());
      for (RecsOption<?> option : section.options()) {
        RecsSettings source =
            OptionSection.PIPELINE.stream().anyMatch(s -> s.options().contains(option))
                ? effective
                : settings;
        String origin =
            origins.getOrDefault(
                option.key(),
                settings.isSet(option) || !source.isSet(option)
                    ? "default"
                    : !FINAL_LISTS_DEFAULTS.contains(option)
                        ? "preset"
                        : io.recs.request.RequestOptions.finalOnly(settings)
                            ? "default with scoring.emit final"
                            : "default");
        if (source.get(option) == null) {
          out.printf("# %s: (not set)%n", option.key());
        } else {
          out.printf("%s: %s  # %s%n", option.key(), yamlValue(source, option), origin);
        }
      }
    }
    flink.forEach((key, value) -> out.printf("flink.%s: %s  # flink%n", key, value));
  }

  private static <T> String yamlValue(RecsSettings settings, RecsOption<T> option) {
    T value = settings.get(option);
    if (value instanceof Map<?, ?> map && option == JobOptions.KAFKA_PROPERTIES) {
      Map<String, String> masked = new LinkedHashMap<>();
      map.forEach(
          (k, v) ->
              masked.put(
                  String.valueOf(k),
                  String.valueOf(k).contains("password") || String.valueOf(k).contains("jaas")
                      ? "******"
                      : String.valueOf(v)));
      @SuppressWarnings("unchecked")
      T maskedValue = (T) masked;
      value = maskedValue;
    }
    String text = option.format(value);
    return "'" + text.replace("'", "''") + "'";
  }
}
