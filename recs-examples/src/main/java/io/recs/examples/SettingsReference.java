package io.recs.examples;

import io.recs.config.RecsOption;
import io.recs.config.RecsSettings;
import io.recs.pipeline.Preset;
import io.recs.pipeline.RecsPipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tables of {@code docs/settings.md} and {@code docs/presets.md}, generated from the options
 * that {@code --help} and {@code --print-config} are generated from, so that a default cannot
 * differ between the code, the help and the docs. {@code SettingsDocsTest} checks the pages.
 */
final class SettingsReference {
  private SettingsReference() {}

  /** One table per section of the {@code run} job, then the demo's and the evaluation's own. */
  static String markdown() {
    List<OptionSection> sections = new ArrayList<>(OptionSection.RUN);
    List<RecsOption<?>> runOptions = OptionSection.options(OptionSection.RUN);
    sections.add(new OptionSection("Demo only", only(DemoJob.SECTIONS, runOptions)));
    sections.add(new OptionSection("Evaluation only", only(EvaluationJob.SECTIONS, runOptions)));
    StringBuilder md = new StringBuilder("\n");
    for (OptionSection section : sections) {
      md.append("\n### ").append(section.title()).append("\n\n");
      md.append("| key | flag | type | default | valid values | description |\n");
      md.append("|---|---|---|---|---|---|\n");
      for (RecsOption<?> option : section.options()) {
        md.append("| `")
            .append(option.key())
            .append("` | `--")
            .append(option.flag())
            .append("` | ")
            .append(type(option))
            .append(" | ")
            .append(defaultText(option))
            .append(" | ")
            .append(cell(validValues(option)))
            .append(" | ")
            .append(cell(option.description()))
            .append(" |\n");
      }
    }
    return md.append('\n').toString();
  }

  private static List<RecsOption<?>> only(List<OptionSection> job, List<RecsOption<?>> run) {
    return OptionSection.options(job).stream().filter(option -> !run.contains(option)).toList();
  }

  /** The settings each preset sets, against the defaults. */
  static String presets() {
    List<RecsOption<?>> set = new ArrayList<>();
    for (Preset preset : Preset.values()) {
      for (RecsOption<?> option : preset.settings().setOptions()) {
        if (!set.contains(option)) {
          set.add(option);
        }
      }
    }
    List<RecsOption<?>> ordered =
        OptionSection.options(OptionSection.PIPELINE).stream().filter(set::contains).toList();
    StringBuilder md = new StringBuilder("\n\n| key | flag |");
    StringBuilder rule = new StringBuilder("|---|---|");
    for (Preset preset : Preset.values()) {
      md.append(" `").append(name(preset)).append("` |");
      rule.append("---|");
    }
    md.append('\n').append(rule).append('\n');
    for (RecsOption<?> option : ordered) {
      md.append("| `").append(option.key()).append("` | `--").append(option.flag()).append("` |");
      for (Preset preset : Preset.values()) {
        RecsSettings effective =
            RecsPipeline.effective(
                RecsSettings.empty().with(io.recs.pipeline.PipelineOptions.PRESET, preset));
        String value = "`" + formatted(option, effective) + "`";
        md.append(' ').append(preset.settings().isSet(option) ? "**" + value + "**" : value);
        md.append(" |");
      }
      md.append('\n');
    }
    return md.append('\n').toString();
  }

  static String name(Preset preset) {
    return preset.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The default as {@code --help} shows it, in backticks; or {@code not set}. */
  static String defaultText(RecsOption<?> option) {
    if (!option.hasDefault()) {
      return "not set";
    }
    String text = formattedDefault(option);
    return text.isEmpty() ? "(empty)" : "`" + text + "`";
  }

  private static <T> String formattedDefault(RecsOption<T> option) {
    return option.format(option.defaultValue());
  }

  private static <T> String formatted(RecsOption<T> option, RecsSettings settings) {
    return option.format(settings.get(option));
  }

  private static String type(RecsOption<?> option) {
    return option.typeName().startsWith("one of ") ? "enum" : option.typeName();
  }

  private static String validValues(RecsOption<?> option) {
    if (option.typeName().startsWith("one of ")) {
      return option.typeName().substring("one of ".length());
    }
    return option.requirement().isEmpty() ? "any " + option.typeName() : option.requirement();
  }

  private static String cell(String text) {
    // A bare <duration> would be read as an HTML tag and vanish on GitHub.
    return text.replace("|", "\\|").replace("<", "&lt;");
  }
}
