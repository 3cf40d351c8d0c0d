package io.recs.examples;

import io.recs.event.ActionWeights;
import io.recs.event.Interaction;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads a MovieLens {@code ratings.csv} ({@code userId,movieId,rating,timestamp}, timestamps in
 * seconds) into rating interactions sorted by time, for offline evaluation.
 */
final class MovieLensRatings {
  private MovieLensRatings() {}

  /**
   * The ratings at or above {@code minRating}, as interactions {@code ("u" + userId, "m" + movieId,
   * "rating", weight, ms)} in time order (stable, so equal times keep file order).
   *
   * @param weightIsRating whether the weight is the rating, or 1 for every rating
   * @throws IllegalArgumentException naming the line of a malformed record
   */
  static List<Interaction> read(Path file, double minRating, boolean weightIsRating)
      throws IOException {
    List<Interaction> events = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      long number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (number == 1 && line.startsWith("userId")) {
          continue;
        }
        String[] fields = line.split(",");
        if (fields.length != 4) {
          throw new IllegalArgumentException(file + ":" + number + ": expected 4 fields: " + line);
        }
        double rating = Double.parseDouble(fields[2]);
        if (rating >= minRating) {
          events.add(
              Interaction.of(
                  "u" + fields[0],
                  "m" + fields[1],
                  ActionWeights.RATING,
                  weightIsRating ? rating : 1.0,
                  Long.parseLong(fields[3]) * 1000));
        }
      }
    }
    events.sort(Comparator.comparingLong(Interaction::timestamp));
    return events;
  }
}
