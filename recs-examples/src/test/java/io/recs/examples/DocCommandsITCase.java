package io.recs.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays the {@code console} blocks of docs/getting-started.md in order, in one empty folder, as a
 * reader would: {@code $ cat FILE} writes the lines after it, {@code $ java ...} runs the job
 * through {@link Main} in this JVM and checks its exit code ({@code $ echo $?}, else 0) and the
 * output lines shown, {@code $ ls DIR} checks the folder (an hour folder matches any hour).
 * Commands that need Kafka or HDFS only have to parse: they run with {@code --print-config} and
 * must exit with 0. The page's last section describes these rules to readers; keep both in step.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class DocCommandsITCase {
  private static final Path PAGE = SettingsDocsTest.DOCS.resolve("getting-started.md");
  private static final Set<String> PATH_FLAGS =
      Set.of("--input", "--output-dir", "--config", "--checkpoint-dir");
  private static final Pattern HOUR_FOLDER = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}--\\d{2}$");
  private static final Pattern TIMING_DEPENDENT =
      Pattern.compile("^(  wrote:\\s+)[\\d,]+( (similar-items|trending) to .*)$");

  /** One {@code $} line of a console block, with the lines after it up to the next one. */
  record Step(int line, String command, List<String> following) {}

  @Test
  void everyConsoleCommandOfGettingStartedDoesWhatThePageShows(@TempDir Path dir) throws Exception {
    List<Step> steps = steps(Files.readAllLines(PAGE, StandardCharsets.UTF_8));
    int javaRuns = 0;
    int parsedOnly = 0;
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      String where = "getting-started.md:" + step.line() + ": " + step.command();
      List<String> words = words(step.command());
      switch (words.get(0)) {
        case "cat" -> write(dir.resolve(words.get(1)), step.following());
        case "ls" -> {
          try (Stream<Path> entries = Files.list(dir.resolve(words.get(1)))) {
            assertThat(entries.map(p -> anyHour(p.getFileName().toString())).sorted().toList())
                .as(where)
                .isEqualTo(step.following().stream().map(DocCommandsITCase::anyHour).toList());
          }
        }
        case "java" -> {
          Step next = i + 1 < steps.size() ? steps.get(i + 1) : null;
          int expectedCode = 0;
          if (next != null && next.command().equals("echo $?")) {
            expectedCode = Integer.parseInt(next.following().get(0));
          }
          List<String> args = jobArguments(words, dir);
          if (needsExternalHosts(step.command())) {
            args = withoutHosts(args);
            args.add("--print-config");
            MainTest.Result result = MainTest.run(args.toArray(String[]::new));
            assertThat(result.exitCode()).as(where + "\n" + result.err()).isZero();
            parsedOnly++;
            continue;
          }
          MainTest.Result result = MainTest.run(args.toArray(String[]::new));
          String printed = (result.out() + result.err()).replace(dir + "/", "");
          assertThat(result.exitCode()).as(where + "\n" + printed).isEqualTo(expectedCode);
          List<String> actual = printed.lines().map(DocCommandsITCase::masked).toList();
          for (String shown : step.following()) {
            if (shown.strip().equals("...")
                || shown.startsWith("progress:")
                || shown.matches("\\S+: finished in .*")) {
              continue;
            }
            assertThat(actual).as(where + "\nprinted:\n" + printed).contains(masked(shown));
          }
          javaRuns++;
        }
        default -> {
          // echo $? is read with its java command; cp and the like are not run
        }
      }
    }
    assertThat(javaRuns).as("commands run").isGreaterThanOrEqualTo(15);
    assertThat(parsedOnly).as("Kafka/HDFS commands parsed").isGreaterThanOrEqualTo(4);
  }

  /** The {@code $} steps of every console block, continuation lines joined. */
  static List<Step> steps(List<String> lines) {
    List<Step> steps = new ArrayList<>();
    boolean inConsole = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("```")) {
        inConsole = !inConsole && line.equals("```console");
        continue;
      }
      if (!inConsole) {
        continue;
      }
      if (line.startsWith("$ ")) {
        int first = i + 1;
        StringBuilder command = new StringBuilder(line.substring(2));
        while (command.toString().endsWith("\\")) {
          command.setLength(command.length() - 1);
          command.append(' ').append(lines.get(++i).strip());
        }
        steps.add(new Step(first, command.toString().replaceAll(" +", " "), new ArrayList<>()));
      } else if (!steps.isEmpty()) {
        steps.get(steps.size() - 1).following().add(line);
      }
    }
    return steps;
  }

  /** The words of a shell command: split at spaces, with '...' and "..." quoting. */
  static List<String> words(String command) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    char quote = 0;
    for (char c : command.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        word = word == null ? new StringBuilder() : word;
      } else if (c == ' ') {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
      } else {
        word = word == null ? new StringBuilder() : word;
        word.append(c);
      }
    }
    if (word != null) {
      words.add(word.toString());
    }
    return words;
  }

  /**
   * The arguments after {@code -jar X.jar} or {@code -cp X Main}, paths resolved in {@code dir}.
   */
  private static List<String> jobArguments(List<String> words, Path dir) {
    int first = words.get(1).equals("-jar") ? 3 : words.indexOf("io.recs.examples.Main") + 1;
    assertThat(first).as("a java command runs the jar or io.recs.examples.Main").isPositive();
    List<String> args = new ArrayList<>(words.subList(first, words.size()));
    for (int i = 0; i + 1 < args.size(); i++) {
      if (PATH_FLAGS.contains(args.get(i))) {
        args.set(i + 1, resolved(args.get(i + 1), dir));
      }
    }
    return args;
  }

  private static String resolved(String paths, Path dir) {
    List<String> resolved = new ArrayList<>();
    for (String path : paths.split(",")) {
      resolved.add(path.contains("://") ? path : dir.resolve(path).toString());
    }
    return String.join(",", resolved);
  }

  private static boolean needsExternalHosts(String command) {
    return command.contains("--source kafka")
        || command.matches(".*--sinks \\S*kafka.*")
        || command.contains("hdfs://");
  }

  private static List<String> withoutHosts(List<String> args) {
    List<String> replaced = new ArrayList<>();
    for (String arg : args) {
      replaced.add(
          arg.replaceAll("(?<=hdfs://)[^:/]+", "localhost")
              .replaceAll("^[a-z0-9.-]+:9092$", "localhost:9092"));
    }
    return replaced;
  }

  /** Writes a file shown by {@code cat}; relative input and output folders of YAML resolved. */
  private static void write(Path file, List<String> lines) throws Exception {
    List<String> content = new ArrayList<>();
    for (String line : lines) {
      var m = Pattern.compile("^(\\s+(?:input|output-dir): )([^:]+)$").matcher(line);
      content.add(
          file.toString().endsWith(".yaml") && m.matches()
              ? m.group(1) + file.getParent().resolve(m.group(2).strip())
              : line);
    }
    Files.writeString(file, String.join("\n", content) + "\n", StandardCharsets.UTF_8);
  }

  // Hour folders are named after the time of the run (processing-time buckets).
  private static String anyHour(String name) {
    return HOUR_FOLDER.matcher(name).replaceAll("yyyy-MM-dd--HH");
  }

  private static String masked(String line) {
    return TIMING_DEPENDENT.matcher(line).replaceAll("$1N$2");
  }
}
