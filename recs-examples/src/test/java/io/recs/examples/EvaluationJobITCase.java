package io.recs.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recs.event.Interaction;
import io.recs.testkit.data.InteractionGenerator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The evaluation job on a generated ratings file in MovieLens format. */
@Timeout(120)
class EvaluationJobITCase {

  @Test
  void printsOneRowPerMeasureAndBaseline(@TempDir Path dir) throws Exception {
    Path ratings = dir.resolve("ratings.csv");
    List<String> lines = new ArrayList<>(List.of("userId,movieId,rating,timestamp"));
    for (Interaction e : InteractionGenerator.tiny(3).generate()) {
      lines.add(
          e.userId().substring(1)
              + ","
              + e.itemId().substring(1)
              + ","
              + (e.weight() > 1 ? "4.5" : "3.0")
              + ","
              + e.timestamp() / 1000);
    }
    Files.write(ratings, lines, StandardCharsets.UTF_8);

    String output =
        run("--input", ratings.toString(), "--measures", "cosine,llr", "--parallelism", "1");

    assertThat(output)
        .contains("2000 events")
        .contains("| streaming COSINE | ")
        .contains("| streaming LLR | ")
        .contains("| most-popular | ")
        .contains("| item-cosine (batch) | ");
    assertThat(run("--input", ratings.toString(), "--min-rating", "4", "--measures", "cosine"))
        .doesNotContain("2000 events");
  }

  @Test
  void refusesAnUnknownGeneratorSet() {
    assertThatThrownBy(() -> run("--prequential", "huge"))
        .hasMessage(
            "evaluation.prequential (--prequential) must be one of none, small, standard, was huge");
    assertThatThrownBy(() -> run("--learning", "true"))
        .hasMessage(
            "evaluation.learning (--learning) needs evaluation.input (--input) or"
                + " evaluation.generated (--generated)");
    assertThatThrownBy(() -> run("--input", "r.csv", "--generated", "small"))
        .hasMessage(
            "only one of evaluation.input (--input) and evaluation.generated (--generated) may be"
                + " set");
    assertThatThrownBy(() -> run("--generated", "small", "--measure", "llr"))
        .hasMessage(
            "similarity.measure (--measure) does not apply to evaluation; use evaluation.measures"
                + " (--measures)");
  }

  private static String run(String... args) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    EvaluationJob.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
