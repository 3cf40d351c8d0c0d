package io.recs.examples;

import io.recs.config.RecsOption;
import io.recs.config.RecsSettings;
import io.recs.event.Interaction;
import io.recs.event.RecordOrigin;
import io.recs.event.RejectReason;
import io.recs.parse.InteractionParser;
import io.recs.parse.ParseResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads the two parts of a split made elsewhere ({@code evaluation --train FILE --test FILE}) with
 * the input-format settings of the {@code run} job: each line goes through the {@link
 * InteractionParser} that {@link InputFormats#parser} builds, in this process.
 */
final class SplitFiles {
  private SplitFiles() {}

  /**
   * One file read: its interactions in time order (stable), and what was rejected.
   *
   * @param lines lines read, the header line included
   * @param accepted lines that became at least one interaction
   * @param rejectedByReason rejected lines by reason (a header line is a HEADER reject)
   */
  record Part(
      String file,
      List<Interaction> events,
      long lines,
      long accepted,
      Map<RejectReason, Long> rejectedByReason) {

    long rejected() {
      return rejectedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    /** One line for the job's output, e.g. {@code 10 lines, 9 accepted, 1 rejected (HEADER 1)}. */
    String summary() {
      String reasons =
          rejectedByReason.entrySet().stream()
              .map(e -> e.getKey() + " " + e.getValue())
              .collect(Collectors.joining(", "));
      return String.format(
          Locale.ROOT,
          "%s: %d lines, %d accepted (%d interactions), %d rejected%s",
          file,
          lines,
          accepted,
          events.size(),
          rejected(),
          reasons.isEmpty() ? "" : " (" + reasons + ")");
    }
  }

  /**
   * Reads {@code file}, named by {@code option} in messages.
   *
   * @throws BadSettingException if the file cannot be read, the format settings cannot work, or
   *     every line is rejected
   */
  static Part read(RecsOption<String> option, RecsSettings settings) {
    String file = settings.get(option);
    if (!Files.isRegularFile(Path.of(file))) {
      throw new BadSettingException(option.name() + " " + file + ": no such file");
    }
    List<String> header =
        settings.get(InputOptions.CSV_HEADER) ? Preflight.header(file, settings) : null;
    InteractionParser parser = InputFormats.parser(settings, header);
    List<Interaction> events = new ArrayList<>();
    Map<RejectReason, Long> rejected = new EnumMap<>(RejectReason.class);
    long lines = 0;
    long accepted = 0;
    String firstReject = null;
    try (BufferedReader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        ParseResult result =
            parser.parse(line.getBytes(StandardCharsets.UTF_8), RecordOrigin.line(file, lines));
        lines++;
        if (result.isAccepted()) {
          accepted++;
          events.addAll(result.interactions());
        } else {
          rejected.merge(result.rejected().reason(), 1L, Long::sum);
          if (firstReject == null) {
            firstReject = result.rejected().reason() + ": " + result.rejected().detail();
          }
        }
      }
    } catch (IOException e) {
      throw new BadSettingException(option.name() + " " + file + " cannot be read: " + e, e);
    }
    if (accepted == 0) {
      throw new BadSettingException(
          option.name()
              + " "
              + file
              + ": every one of its "
              + lines
              + " lines was rejected"
              + (firstReject == null ? "" : " (first: " + firstReject + ")")
              + "; check the input-format settings (--format, --csv-columns, ...)");
    }
    events.sort(Comparator.comparingLong(Interaction::timestamp));
    return new Part(
        file, List.copyOf(events), lines, accepted, Collections.unmodifiableMap(rejected));
  }
}
