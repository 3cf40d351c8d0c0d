package io.recs.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recs.evaluation.data.InteractionGenerator;
import io.recs.evaluation.metrics.RankingMetrics;
import io.recs.evaluation.metrics.RankingReport;
import io.recs.evaluation.metrics.Split;
import io.recs.evaluation.metrics.Splits;
import io.recs.event.Interaction;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
  void printsProgressLinesOfEachStreamingRun(@TempDir Path dir) throws Exception {
    Path ratings = dir.resolve("ratings.csv");
    List<String> lines = new ArrayList<>(List.of("userId,movieId,rating,timestamp"));
    for (Interaction e : InteractionGenerator.tiny(3).generate()) {
      lines.add(
          e.userId().substring(1) + "," + e.itemId().substring(1) + ",4.5," + e.timestamp() / 1000);
    }
    Files.write(ratings, lines, StandardCharsets.UTF_8);

    // A streaming run on a MiniCluster takes far longer than 100 ms: it prints progress lines,
    // each naming the run and counting against the training part.
    String output =
        run(
            "--input", ratings.toString(),
            "--measures", "cosine,llr",
            "--parallelism", "1",
            "--progress-interval", "100ms");

    var train = java.util.regex.Pattern.compile("(\\d+) train").matcher(output);
    assertThat(train.find()).as(output).isTrue();
    String total = String.format("%,d", Long.parseLong(train.group(1)));
    assertThat(output)
        .containsPattern(
            "(?m)^progress: streaming COSINE, [\\d,]+ s, [\\d,]+ of "
                + total
                + " events accepted \\([\\d,]+ events/s\\), 0 records rejected$")
        .containsPattern("(?m)^progress: streaming LLR, ");
  }

  @Test
  void evaluatesASplitMadeElsewhereWritesTheScoredListsAndAReport(@TempDir Path dir)
      throws Exception {
    Split split = Splits.lastNPerUser(InteractionGenerator.tiny(3).generate(), 6);
    Path train = dir.resolve("train.tsv");
    Path test = dir.resolve("test.tsv");
    writeTsv(train, split.train(), "not an event");
    writeTsv(test, split.test());
    Path lists = dir.resolve("lists");
    Path report = dir.resolve("report");

    String output =
        run(
            "--train", train.toString(),
            "--test", test.toString(),
            "--format", "tsv",
            "--csv-columns", "user=user,item=item,timestamp=ts",
            "--csv-header", "true",
            "--default-action", "view",
            "--measures", "cosine",
            "--parallelism", "1",
            "--n", "3",
            "--lists-out", lists.toString(),
            "--report", report.toString());

    int trainLines = split.train().size() + 2;
    assertThat(output)
        .contains(
            "train "
                + train
                + ": "
                + trainLines
                + " lines, "
                + split.train().size()
                + " accepted ("
                + split.train().size()
                + " interactions), 2 rejected (HEADER 1, ")
        .contains("test " + test + ": " + (split.test().size() + 1) + " lines")
        .contains("split given (--train, --test)")
        .contains("MAP@3 (recs: AP/min(k,|rel|)) | MAP (MS Recommenders: AP/|rel|) |")
        .contains("| streaming COSINE | ");
    assertThat(lists.resolve("streaming-cosine.csv")).exists();
    assertThat(lists.resolve("item-cosine-batch.csv")).exists();
    // The lists written are the lists scored: evaluating them again gives the printed row.
    Map<String, List<String>> mostPopular = new HashMap<>();
    for (String line : Files.readAllLines(lists.resolve("most-popular.csv"))) {
      String[] fields = line.split(",");
      assertThat(fields.length).isBetween(1, 4);
      mostPopular.put(fields[0], Arrays.asList(fields).subList(1, fields.length));
    }
    assertThat(mostPopular.keySet())
        .containsExactlyInAnyOrderElementsOf(
            split.test().stream().map(Interaction::userId).distinct().toList());
    RankingReport again =
        RankingMetrics.evaluate((user, n) -> mostPopular.get(user), split.test(), 3);
    assertThat(again.map()).isGreaterThan(again.mapMsr());
    assertThat(output)
        .contains(
            String.format(
                Locale.ROOT,
                "| most-popular | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f | %d |",
                again.precision(),
                again.recall(),
                again.ndcg(),
                again.map(),
                again.mapMsr(),
                again.hitRate(),
                again.users()));
    String html = Files.readString(report.resolve("index.html"));
    assertThat(html)
        .contains("<svg")
        .contains("streaming COSINE")
        .contains("item-cosine (batch)")
        .contains(String.format(Locale.ROOT, "%.4f", again.mapMsr()))
        .contains("No prequential run was made");
  }

  @Test
  void reportsThePrequentialHitRateOverTime(@TempDir Path dir) throws Exception {
    String output =
        run(
            "--prequential", "small",
            "--replay-rate", "0",
            "--parallelism", "1",
            "--report", dir.toString());

    String html = Files.readString(dir.resolve("index.html"));
    // One line per scorer in the chart of the hit rate over time.
    assertThat(html.split("<polyline", -1)).hasSize(6);
    assertThat(html)
        .contains("HR@10 over time")
        .contains("streaming, configured seeds")
        .contains("most-popular, incremental")
        .contains("item-CF over the 10 most recent items, full rows, incremental (reference)")
        .contains("the generator's cluster oracle")
        .contains("No ranking table")
        .doesNotContain("No prequential run was made");
    List<String> rows = output.lines().filter(l -> l.startsWith("| most-popular")).toList();
    assertThat(rows).hasSize(1);
    // | name | HR | hits / requests |: the page shows the same hit rate and counts.
    String[] cells = rows.get(0).split("\\|");
    assertThat(html).contains(cells[2].trim()).contains(cells[3].trim());
  }

  @Test
  void runsPrequentiallyOnTheInputRatingsInsteadOfTheSplit(@TempDir Path dir) throws Exception {
    Path ratings = dir.resolve("ratings.csv");
    List<String> lines = new ArrayList<>(List.of("userId,movieId,rating,timestamp"));
    for (Interaction e : InteractionGenerator.tiny(3).generate()) {
      lines.add(
          e.userId().substring(1) + "," + e.itemId().substring(1) + ",4.5," + e.timestamp() / 1000);
    }
    Files.write(ratings, lines, StandardCharsets.UTF_8);

    String output =
        run(
            "--input", ratings.toString(),
            "--prequential", "input",
            "--replay-rate", "0",
            "--parallelism", "1");

    assertThat(output)
        .contains("prequential on ratings.csv, 2000 events")
        .contains("| streaming, configured seeds | ")
        .contains("| most-popular, incremental | ")
        .contains("| item-CF over the 10 most recent items, full rows, incremental (reference) | ")
        .doesNotContain("cluster oracle")
        .doesNotContain("item-cosine (batch)");
    // Every event is judged: hits out of all 2000.
    assertThat(output.lines().filter(l -> l.endsWith(" / 2000 |")).count()).isEqualTo(4);
  }

  @Test
  void refusesSettingsThatDoNotApplyToASplitMadeElsewhere(@TempDir Path dir) throws Exception {
    Path rejected = dir.resolve("train.csv");
    Files.write(rejected, List.of("a;b;c"));
    assertThatThrownBy(() -> run("--train", "a.csv", "--test", "b.csv", "--input", "r.csv"))
        .hasMessage(
            "evaluation.input (--input) does not apply with evaluation.train (--train) and"
                + " evaluation.test (--test): the split is given; remove it");
    assertThatThrownBy(() -> run("--train", "a.csv", "--test", "b.csv", "--split", "last"))
        .hasMessage(
            "evaluation.split (--split) does not apply with evaluation.train (--train) and"
                + " evaluation.test (--test): the split is given; remove it");
    assertThatThrownBy(() -> run("--train", "a.csv"))
        .hasMessage("evaluation.train (--train) needs evaluation.test (--test)");
    assertThatThrownBy(() -> run("--generated", "small", "--format", "csv"))
        .hasMessage(
            "input.format (--format) applies only to evaluation.train (--train) and"
                + " evaluation.test (--test) (--input reads a MovieLens ratings.csv)");
    assertThatThrownBy(
            () ->
                run(
                    "--train", rejected.toString(),
                    "--test", rejected.toString(),
                    "--format", "csv",
                    "--csv-columns", "user,item,timestamp",
                    "--default-action", "view"))
        .isInstanceOf(BadSettingException.class)
        .hasMessageContaining("every one of its 1 lines was rejected");
  }

  /** Columns item, user, ts with a header naming them, then {@code extra} lines. */
  private static void writeTsv(Path file, List<Interaction> events, String... extra)
      throws Exception {
    List<String> lines = new java.util.ArrayList<>(List.of("item\tuser\tts"));
    for (Interaction e : events) {
      lines.add(e.itemId() + "\t" + e.userId() + "\t" + e.timestamp());
    }
    lines.addAll(List.of(extra));
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  @Test
  void refusesAnUnknownGeneratorSet() {
    assertThatThrownBy(() -> run("--prequential", "huge"))
        .hasMessage(
            "evaluation.prequential (--prequential) must be one of none, small, standard, drifting, input, was huge");
    assertThatThrownBy(() -> run("--prequential", "input"))
        .hasMessage(
            "evaluation.prequential (--prequential) input needs evaluation.input (--input)");
    assertThatThrownBy(() -> run("--learning", "true"))
        .hasMessage(
            "evaluation.learning (--learning) needs evaluation.input (--input) or"
                + " evaluation.generated (--generated)");
    assertThatThrownBy(() -> run("--generated", "small", "--learning-signals", "soon"))
        .hasMessageStartingWith(
            "evaluation.learning-signals (--learning-signals) has 'soon', not one of next-event,"
                + " held-out");
    assertThatThrownBy(() -> run("--generated", "small", "--learning-signals", ""))
        .hasMessageStartingWith(
            "evaluation.learning-signals (--learning-signals) must not be empty");
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
