package io.recs.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.recs.config.RecsOption;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The settings tables of the docs against the options: {@code docs/settings.md} and the preset
 * table of {@code docs/presets.md} hold exactly the generated text between their markers, and every
 * other docs table with a {@code key} and a {@code default} column shows each key's real default.
 * Run with {@code -Drecs.docs.update=true} to rewrite the generated parts.
 */
class SettingsDocsTest {
  static final Path DOCS = Path.of("..", "docs");
  private static final boolean UPDATE = Boolean.getBoolean("recs.docs.update");

  @Test
  void settingsPageHoldsTheGeneratedTables() throws IOException {
    checkGenerated(DOCS.resolve("settings.md"), "settings", SettingsReference.markdown());
  }

  @Test
  void presetsPageHoldsTheGeneratedTable() throws IOException {
    checkGenerated(DOCS.resolve("presets.md"), "presets", SettingsReference.presets());
  }

  @Test
  void everyKeyInADocsTableShowsItsDefault() throws IOException {
    Map<String, RecsOption<?>> options = new LinkedHashMap<>();
    for (RecsOption<?> option : OptionSection.options(OptionSection.RUN)) {
      options.put(option.key(), option);
    }
    for (RecsOption<?> option : OptionSection.options(DemoJob.SECTIONS)) {
      options.put(option.key(), option);
    }
    for (RecsOption<?> option : OptionSection.options(EvaluationJob.SECTIONS)) {
      options.put(option.key(), option);
    }
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (Path page : pages()) {
      List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
      int keyColumn = -1;
      int defaultColumn = -1;
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (!line.startsWith("|")) {
          keyColumn = -1;
          defaultColumn = -1;
          continue;
        }
        List<String> cells = cells(line);
        if (i + 1 < lines.size() && lines.get(i + 1).startsWith("|---")) {
          keyColumn = cells.indexOf("key");
          defaultColumn = cells.indexOf("default");
          continue;
        }
        if (keyColumn < 0 || defaultColumn < 0 || line.startsWith("|---")) {
          continue;
        }
        String key = cells.get(keyColumn).replace("`", "");
        if (key.isEmpty() || key.equals("—")) {
          continue;
        }
        RecsOption<?> option = options.get(key);
        String where = DOCS.relativize(page) + ":" + (i + 1);
        if (option == null) {
          problems.add(where + ": no setting has the key " + key);
        } else if (!cells.get(defaultColumn).equals(SettingsReference.defaultText(option))) {
          problems.add(
              where
                  + ": default of "
                  + key
                  + " is "
                  + SettingsReference.defaultText(option)
                  + ", the page says "
                  + cells.get(defaultColumn));
        }
        checked++;
      }
    }
    assertThat(problems).as("docs tables against the options").isEmpty();
    assertThat(checked).as("rows checked").isGreaterThan(20);
  }

  private static List<Path> pages() throws IOException {
    try (Stream<Path> files = Files.walk(DOCS)) {
      return files
          .filter(p -> p.toString().endsWith(".md"))
          .filter(p -> !p.getFileName().toString().equals("settings.md"))
          .sorted()
          .toList();
    }
  }

  private static List<String> cells(String row) {
    String inner = row.strip();
    inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
    return Arrays.stream(inner.split("(?<!\\\\)\\|", -1)).map(String::strip).toList();
  }

  /** Checks, or with {@code -Drecs.docs.update=true} rewrites, one generated part of a page. */
  static void checkGenerated(Path page, String name, String generated) throws IOException {
    String begin = "<!-- generated: " + name + " -->";
    String end = "<!-- end -->";
    String text = Files.readString(page, StandardCharsets.UTF_8);
    int from = text.indexOf(begin);
    int to = from < 0 ? -1 : text.indexOf(end, from);
    assertThat(from)
        .as(page + " has the marker " + begin + " and, after it, " + end)
        .isNotNegative();
    assertThat(to).as(page + " has " + end + " after " + begin).isNotNegative();
    String expected = text.substring(0, from + begin.length()) + generated + text.substring(to);
    if (UPDATE) {
      Files.writeString(page, expected, StandardCharsets.UTF_8);
      return;
    }
    assertThat(text)
        .as(
            page
                + " between "
                + begin
                + " and "
                + end
                + " differs from what the options generate; run mvn -B test -pl recs-examples -am"
                + " -Dtest=SettingsDocsTest -Dsurefire.failIfNoSpecifiedTests=false"
                + " -Drecs.docs.update=true to rewrite it, and review the diff")
        .isEqualTo(expected);
  }
}
