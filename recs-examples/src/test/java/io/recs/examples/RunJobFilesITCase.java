package io.recs.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.recs.evaluation.data.InteractionFiles;
import io.recs.evaluation.data.InteractionGenerator;
import io.recs.event.Interaction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The files job as a user runs it, through Main, on a local MiniCluster. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RunJobFilesITCase {
  private static MainTest.Result run(String... args) throws Exception {
    return MainTest.run(args);
  }

  @Test
  void writesEveryOutputAndDeadLetters(@TempDir Path dir) throws Exception {
    Path input = Files.createDirectories(dir.resolve("in"));
    Files.writeString(
        input.resolve("a.csv"),
        "u1,i1,view,1,1700000000000\nu1,i2,view,2,1700000001000\nbroken\nu2,i1,view,1,1700000002000\n");

    MainTest.Result result =
        run(
            "files-to-files",
            "--input",
            input.toString(),
            "--output-dir",
            dir.resolve("out").toString(),
            "--parser-class",
            LineTestParser.class.getName(),
            "--checkpoint-interval",
            "500",
            "--parallelism",
            "1");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("  read:     4 records: 3 accepted, 1 rejected")
        .contains("    MALFORMED_CSV                 1")
        .contains("  wrote:    5 recommendations to " + dir.resolve("out") + "/recommendations");

    // One list per interaction and a final one per user: u1 has seen every item, u2 gets i2
    // because u1 viewed it after i1.
    List<String> recommendations = committedLines(dir.resolve("out/recommendations"));
    assertThat(recommendations).hasSize(5);
    assertThat(recommendations).filteredOn(line -> line.contains("\"final\":true")).hasSize(2);
    assertThat(recommendations)
        .filteredOn(line -> line.startsWith("{\"userId\":\"u2\""))
        .anySatisfy(
            line -> assertThat(line).contains("{\"itemId\":\"i2\",", "\"because\":[\"i1\"]"));
    assertThat(committedLines(dir.resolve("out/similar-items")))
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("{\"itemId\":\"i1\",\"neighbours\":[{\"itemId\":\"i2\""));
    assertThat(committedLines(dir.resolve("out/trending")))
        .anySatisfy(line -> assertThat(line).contains("\"itemId\":\"i1\"", "\"itemId\":\"i2\""));
    assertThat(committedLines(dir.resolve("out/dead-letters")))
        .singleElement()
        .asString()
        .contains("\"reason\":\"MALFORMED_CSV\"", "\"offset\":2", "\"raw\":\"broken\"");
  }

  @Test
  void theFirstCommandOfTheIssueAsWrittenWritesOneFinalListPerUser(@TempDir Path dir)
      throws Exception {
    Path events = dir.resolve("events.csv");
    StringBuilder csv = new StringBuilder();
    List<Interaction> generated = InteractionGenerator.small(7).generate().subList(0, 3000);
    for (Interaction e : generated) {
      csv.append(e.userId())
          .append(',')
          .append(e.itemId())
          .append(',')
          .append(e.timestamp() / 1000)
          .append('\n');
    }
    Files.writeString(events, csv);
    MainTest.Result result =
        run(
            "run",
            "--source",
            "files",
            "--input",
            events.toString(),
            "--format",
            "csv",
            "--csv-columns",
            "user,item,timestamp",
            "--timestamp-unit",
            "s",
            "--default-action",
            "view",
            "--emit",
            "final",
            "--sinks",
            "files",
            "--output-dir",
            dir.resolve("out").toString());
    assertThat(result.exitCode()).as(result.out()).isZero();
    long users = generated.stream().map(Interaction::userId).distinct().count();
    List<String> lists = committedLines(dir.resolve("out/recommendations"));
    assertThat(lists).hasSize((int) users).allMatch(line -> line.endsWith("\"final\":true}"));
    assertThat(result.out())
        .contains("  read:     3,000 records: 3,000 accepted, 0 rejected")
        .contains("  wrote:    " + users + " recommendations to ");
  }

  /**
   * With final lists only, each item's similar items and each trending scope are written once, at
   * the end, and the lists are those that writing on every change ends with.
   */
  @Test
  void finalListsWriteSimilarItemsAndTrendingOnceAtTheEndAsTheLastOfEveryChange(@TempDir Path dir)
      throws Exception {
    Path events = dir.resolve("events.csv");
    List<Interaction> generated = InteractionGenerator.small(11).generate().subList(0, 3000);
    InteractionFiles.writeCsv(generated, events);
    List<String> common =
        List.of(
            "run",
            "--input",
            events.toString(),
            "--format",
            "csv",
            "--emit",
            "final",
            "--parallelism",
            "2");
    MainTest.Result atEnd = run(with(common, "--output-dir", dir.resolve("end").toString()));
    MainTest.Result onChange =
        run(
            with(
                common,
                "--output-dir",
                dir.resolve("change").toString(),
                "--similar-items-interval",
                "0ms",
                "--trending-interval",
                "0ms",
                "--latest-only",
                ""));
    assertThat(atEnd.exitCode()).as(atEnd.out()).isZero();
    assertThat(onChange.exitCode()).as(onChange.out()).isZero();

    assertThat(committedLines(dir.resolve("end/recommendations")))
        .hasSize((int) generated.stream().map(Interaction::userId).distinct().count())
        .containsExactlyInAnyOrderElementsOf(committedLines(dir.resolve("change/recommendations")));
    for (String output : List.of("similar-items", "trending")) {
      List<String> once = committedLines(dir.resolve("end").resolve(output));
      List<String> everyChange = committedLines(dir.resolve("change").resolve(output));
      List<String> keys = once.stream().map(line -> line.substring(0, line.indexOf(','))).toList();
      assertThat(keys).as(output).doesNotHaveDuplicates();
      assertThat(everyChange.size()).as(output).isGreaterThan(2 * once.size());
      assertThat(everyChange).as(output).containsAll(once);
    }
    assertThat(committedLines(dir.resolve("end/similar-items")))
        .hasSize((int) generated.stream().map(Interaction::itemId).distinct().count());
  }

  /**
   * A live run writes, by default, only the latest similar-items and trending list of each key per
   * checkpoint: a subset of the lists written on every change, with every key, in far fewer lines;
   * recommendations are written after every event either way.
   */
  @Test
  void liveRunsWriteTheLatestSimilarItemsAndTrendingListsPerCheckpoint(@TempDir Path dir)
      throws Exception {
    Path events = dir.resolve("events.csv");
    List<Interaction> generated = InteractionGenerator.small(13).generate().subList(0, 3000);
    InteractionFiles.writeCsv(generated, events);
    List<String> common =
        List.of(
            "run",
            "--input",
            events.toString(),
            "--format",
            "csv",
            "--checkpoint-interval",
            "1s",
            // one subtask, row updates one by one and no item counts (whose arrival interleaves
            // with the rows'): every run writes the same lists on change
            "--parallelism",
            "1",
            "--row-batch-size",
            "1",
            "--measure",
            "cooccurrence");
    MainTest.Result latest = run(with(common, "--output-dir", dir.resolve("latest").toString()));
    MainTest.Result every =
        run(with(common, "--output-dir", dir.resolve("every").toString(), "--latest-only", ""));
    assertThat(latest.exitCode()).as(latest.out()).isZero();
    assertThat(every.exitCode()).as(every.out()).isZero();

    for (String output : List.of("similar-items", "trending")) {
      List<String> fewer = committedLines(dir.resolve("latest").resolve(output));
      List<String> all = committedLines(dir.resolve("every").resolve(output));
      assertThat(fewer.size()).as(output).isLessThan(all.size() / 2);
      assertThat(all).as(output).containsAll(fewer);
      assertThat(keys(fewer)).as(output).isEqualTo(keys(all));
    }
    assertThat(committedLines(dir.resolve("latest/recommendations")))
        .hasSameSizeAs(committedLines(dir.resolve("every/recommendations")));
  }

  private static Set<String> keys(List<String> lines) {
    return lines.stream()
        .map(line -> line.substring(0, line.indexOf(',')))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static String[] with(List<String> args, String... more) {
    return Stream.concat(args.stream(), Stream.of(more)).toArray(String[]::new);
  }

  @Test
  void aFileWhoseEveryLineIsRejectedExitsNonZeroWithTheSummary(@TempDir Path dir) throws Exception {
    Path events =
        Files.writeString(dir.resolve("ratings.csv"), "1,31,2.5,1260759144\n1,32,3,1260759145\n");
    MainTest.Result result =
        run(
            "run",
            "--input",
            events.toString(),
            "--format",
            "json",
            "--output-dir",
            dir.resolve("out").toString());
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out())
        .contains("  read:     2 records: 0 accepted, 2 rejected")
        .contains("    MALFORMED_JSON                2")
        .contains("  wrote:    2 dead-letters to ")
        .contains("run: FAILED: no record was accepted");
    assertThat(committedLines(dir.resolve("out/dead-letters"))).hasSize(2);
  }

  @Test
  void tooManyRejectsFailTheRunButAHeaderLineDoesNot(@TempDir Path dir) throws Exception {
    Path events =
        Files.writeString(
            dir.resolve("e.csv"), "user,item,ts\nu1,i1,1000\nu2,i1,x\nu3,i1,y\nu4,i2,2000\n");
    String[] args = {
      "run", "--input", events.toString(), "--format", "csv", "--csv-header",
      "--csv-columns", "user,item,timestamp", "--default-action", "view", "--emit", "final",
      "--output-dir", dir.resolve("out").toString(), "--max-rejected-share", "0.4"
    };
    MainTest.Result result = run(args);
    assertThat(result.out())
        .contains("  read:     5 records: 2 accepted, 3 rejected")
        .contains("    HEADER                        1  (header lines; not counted")
        .contains("    INVALID_TIMESTAMP             2")
        .contains(
            "run: FAILED: 50.0% of the records were rejected, more than --max-rejected-share 0.4");
    assertThat(result.exitCode()).isEqualTo(1);
    args[args.length - 1] = "0.5";
    args[args.length - 3] = dir.resolve("out2").toString();
    assertThat(run(args).exitCode()).isZero();
  }

  @Test
  void sessionsInInteractionsOutWithoutRecommendationStages(@TempDir Path dir) throws Exception {
    Path sessions =
        Files.writeString(
            dir.resolve("sessions.jsonl"),
            "{\"session\":1,\"events\":[{\"aid\":10,\"ts\":1000,\"type\":\"clicks\"},"
                + "{\"aid\":11,\"ts\":2000,\"type\":\"carts\"}]}\n"
                + "{\"session\":2,\"events\":[]}\n"
                + "{\"session\":3,\"events\":[{\"aid\":10,\"ts\":3000,\"type\":\"orders\"}]}\n");
    MainTest.Result result =
        run(
            "run",
            "--input",
            sessions.toString(),
            "--format",
            "json",
            "--json-events",
            "events",
            "--json-user",
            "session",
            "--json-item",
            "aid",
            "--json-timestamp",
            "ts",
            "--json-action",
            "type",
            "--action-map",
            "clicks=click,carts=cart,orders=purchase",
            "--files-outputs",
            "interactions,dead-letters",
            "--output-dir",
            dir.resolve("out").toString());
    assertThat(result.exitCode()).as(result.out()).isZero();
    assertThat(result.out())
        .contains("no recommendation stages")
        .contains("  accepted: 3 events (from session records)")
        .contains("  rejected: 1 records");
    List<String> interactions = committedLines(dir.resolve("out/interactions"));
    assertThat(interactions)
        .containsExactlyInAnyOrder(
            "{\"userId\":\"1\",\"itemId\":\"10\",\"action\":\"click\",\"weight\":2.0,\"timestamp\":1000}",
            "{\"userId\":\"1\",\"itemId\":\"11\",\"action\":\"cart\",\"weight\":4.0,\"timestamp\":2000}",
            "{\"userId\":\"3\",\"itemId\":\"10\",\"action\":\"purchase\",\"weight\":8.0,\"timestamp\":3000}");
    assertThat(Files.exists(dir.resolve("out/recommendations"))).isFalse();
    // The interactions output is read back by the built-in json format.
    MainTest.Result again =
        run(
            "run",
            "--input",
            dir.resolve("out/interactions").toString(),
            "--format",
            "json",
            "--emit",
            "final",
            "--output-dir",
            dir.resolve("out2").toString());
    assertThat(again.exitCode()).as(again.out()).isZero();
    assertThat(again.out()).contains("  read:     3 records: 3 accepted, 0 rejected");
    assertThat(committedLines(dir.resolve("out2/recommendations"))).hasSize(2);
  }

  private static List<String> committedLines(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> !f.getFileName().toString().startsWith("."))
          .flatMap(RunJobFilesITCase::lines)
          .toList();
    }
  }

  private static Stream<String> lines(Path file) {
    try {
      return Files.readAllLines(file).stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
