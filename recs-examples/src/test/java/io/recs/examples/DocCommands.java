package io.recs.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the commands of a Markdown page: every line of a fenced block that starts a {@code java} or
 * {@code flink run} command (after an optional {@code $ } prompt, or after {@code &&}), with its
 * {@code \} continuation lines joined and a trailing {@code # comment} removed, and every inline
 * code span of the prose that starts with {@code java }.
 */
final class DocCommands {
  private static final Pattern INLINE = Pattern.compile("`(java [^`]+)`");
  private static final Pattern FENCED_START = Pattern.compile("^(?:\\$ )?(?:java|flink run) ");

  private DocCommands() {}

  /**
   * A command of a page.
   *
   * @param line the line it starts on (for an inline one, its paragraph's first line)
   * @param text the command, continuation lines joined, without prompt and comment
   * @param console whether it is in a {@code console} block (the blocks that getting-started.md's
   *     replay runs)
   * @param inline whether it is an inline code span of the prose
   */
  record Command(int line, String text, boolean console, boolean inline) {}

  static List<Command> commands(List<String> lines) {
    List<Command> commands = new ArrayList<>();
    boolean fenced = false;
    boolean console = false;
    StringBuilder paragraph = new StringBuilder();
    int paragraphStart = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("```")) {
        inline(paragraph, paragraphStart, commands);
        paragraph.setLength(0);
        console = !fenced && line.equals("```console");
        fenced = !fenced;
        continue;
      }
      if (!fenced) {
        if (line.isBlank()) {
          inline(paragraph, paragraphStart, commands);
          paragraph.setLength(0);
        } else {
          if (paragraph.isEmpty()) {
            paragraphStart = i + 1;
          }
          paragraph.append(line).append(' ');
        }
        continue;
      }
      String text = line.strip();
      int and = text.indexOf("&& java ");
      if (and >= 0) {
        text = text.substring(and + 3);
      } else if (!FENCED_START.matcher(text).find()) {
        continue;
      }
      int first = i + 1;
      StringBuilder command = new StringBuilder(text.startsWith("$ ") ? text.substring(2) : text);
      while (command.toString().endsWith("\\")) {
        command.setLength(command.length() - 1);
        command.append(' ').append(lines.get(++i).strip());
      }
      commands.add(new Command(first, withoutComment(command.toString()), console, false));
    }
    inline(paragraph, paragraphStart, commands);
    return commands;
  }

  /**
   * How many commands a page has, counted crudely and apart from {@link #commands}: lines that
   * start with {@code java }, {@code $ java }, {@code flink run } or hold {@code && java }, and the
   * occurrences of {@code `java } anywhere. A regex that {@link #commands} stops matching makes the
   * two differ.
   */
  static int crudeCount(List<String> lines) {
    int count = 0;
    for (String line : lines) {
      String s = line.strip();
      if (s.startsWith("java ")
          || s.startsWith("$ java ")
          || s.startsWith("flink run ")
          || s.contains("&& java ")) {
        count++;
      }
      count += line.split("`java ", -1).length - 1;
    }
    return count;
  }

  private static void inline(CharSequence paragraph, int line, List<Command> commands) {
    Matcher m = INLINE.matcher(paragraph);
    while (m.find()) {
      commands.add(new Command(line, m.group(1).replaceAll(" +", " ").strip(), false, true));
    }
  }

  /** The command without a {@code #} comment that starts a word outside quotes. */
  static String withoutComment(String command) {
    char quote = 0;
    for (int i = 0; i < command.length(); i++) {
      char c = command.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '#' && (i == 0 || command.charAt(i - 1) == ' ')) {
        return command.substring(0, i).strip().replaceAll(" +", " ");
      }
    }
    return command.strip().replaceAll(" +", " ");
  }

  /**
   * The words of a shell command: split at spaces, with '...' and "..." quoting; {@code $(...)} and
   * a placeholder {@code <...>} that starts a word are kept in one word.
   */
  static List<String> words(String command) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    char quote = 0;
    int substitution = 0;
    for (int i = 0; i < command.length(); i++) {
      char c = command.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        word = word == null ? new StringBuilder() : word;
      } else if (c == '<' && word == null) {
        // a placeholder such as <recs-examples classpath>: one word
        int end = command.indexOf('>', i);
        word = new StringBuilder(command.substring(i, end + 1));
        i = end;
      } else if (c == ' ' && substitution == 0) {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
      } else {
        if (c == '$' && i + 1 < command.length() && command.charAt(i + 1) == '(') {
          substitution++;
        } else if (c == ')' && substitution > 0) {
          substitution--;
        }
        word = word == null ? new StringBuilder() : word;
        word.append(c);
      }
    }
    if (word != null) {
      words.add(word.toString());
    }
    return words;
  }
}
