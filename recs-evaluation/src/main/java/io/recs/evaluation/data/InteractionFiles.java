package io.recs.evaluation.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recs.event.Interaction;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.flink.annotation.PublicEvolving;

/**
 * Writes interactions to files, one record per line, for file-based tests.
 *
 * <pre>{@code
 * List<Interaction> events = InteractionGenerator.tiny(1).generate();
 * InteractionFiles.writeCsv(events, dir.resolve("events.csv"));
 * InteractionFiles.writeJsonLines(events, dir.resolve("events.jsonl"));
 * }</pre>
 *
 * <p>CSV: no header, columns {@code userId,itemId,action,weight,timestamp,category} (category empty
 * when absent), fields quoted as in RFC 4180 only when they hold a comma, a quote or a line break.
 * JSON lines: one object per line with the fields {@code userId}, {@code itemId}, {@code action},
 * {@code weight}, {@code timestamp} (epoch milliseconds) and, when present, {@code category}. Both
 * are UTF-8 with {@code \n} line ends; an existing file is replaced.
 */
@PublicEvolving
public final class InteractionFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private InteractionFiles() {}

  /** Writes the events as CSV lines; see the class comment for the columns. */
  public static void writeCsv(List<Interaction> events, Path file) throws IOException {
    write(events, file, InteractionFiles::toCsvLine);
  }

  /** Writes the events as JSON lines; see the class comment for the fields. */
  public static void writeJsonLines(List<Interaction> events, Path file) throws IOException {
    write(events, file, InteractionFiles::toJsonLine);
  }

  /** One event as a CSV line, without line end. */
  public static String toCsvLine(Interaction event) {
    return String.join(
        ",",
        csvField(event.userId()),
        csvField(event.itemId()),
        csvField(event.action()),
        Double.toString(event.weight()),
        Long.toString(event.timestamp()),
        event.category() == null ? "" : csvField(event.category()));
  }

  /** One event as a JSON object on one line, without line end. */
  public static String toJsonLine(Interaction event) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("userId", event.userId());
    fields.put("itemId", event.itemId());
    fields.put("action", event.action());
    fields.put("weight", event.weight());
    fields.put("timestamp", event.timestamp());
    if (event.category() != null) {
      fields.put("category", event.category());
    }
    try {
      return JSON.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      // Strings and numbers always serialise; reaching this is a bug, not an input problem.
      throw new UncheckedIOException(e);
    }
  }

  private static void write(List<Interaction> events, Path file, Function<Interaction, String> line)
      throws IOException {
    try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (Interaction event : events) {
        writer.write(line.apply(event));
        writer.write('\n');
      }
    }
  }

  private static String csvField(String value) {
    boolean needsQuotes =
        value.indexOf(',') >= 0
            || value.indexOf('"') >= 0
            || value.indexOf('\n') >= 0
            || value.indexOf('\r') >= 0;
    return needsQuotes ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }
}
