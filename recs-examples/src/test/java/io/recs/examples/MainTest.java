package io.recs.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.recs.config.RecsOption;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The entry point: jobs, generated help, print-config, and every kind of bad setting. */
class MainTest {
  @TempDir static Path dir;

  /** What a run printed and returned. */
  record Result(int exitCode, String out, String err) {}

  static Result run(String... args) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void listsTheJobs() throws Exception {
    assertThat(run("--help").out())
        .contains("run", "demo", "evaluation", "files-to-files", "kafka-to-kafka");
  }

  @Test
  void helpOfEveryRunJobNameListsEveryOptionWithItsKeyAndDefault() throws Exception {
    for (String job : List.of("run", "files-to-files", "kafka-to-kafka")) {
      String help = run(job, "--help").out();
      for (RecsOption<?> option : OptionSection.options(OptionSection.RUN)) {
        assertThat(help).contains("--" + option.flag() + " <").contains("[" + option.key() + ";");
        if (option.hasDefault()) {
          assertThat(help).contains("[" + option.key() + "; default ");
        }
      }
    }
    assertThat(run("run", "--help").out())
        .contains("[similarity.neighbours; default 50; > 0]")
        .contains("[movielens.rating-threshold; default 4.0; >= 0]");
  }

  @Test
  void demoHelpListsItsOwnAndThePipelineOptions() throws Exception {
    String help = run("demo", "--help").out();
    for (RecsOption<?> option : OptionSection.options(DemoJob.SECTIONS)) {
      assertThat(help).contains("--" + option.flag() + " <");
    }
  }

  @Test
  void printConfigShowsEffectiveSettingsThatConfigReadsBack() throws Exception {
    Result printed =
        run("run", "--preset", "taste", "--n", "7", "--input", "a.csv", "--print-config");
    assertThat(printed.exitCode()).isZero();
    assertThat(printed.out())
        .contains("scoring.n: '7'  # flag")
        .contains("scoring.normalize-seeds: 'true'  # preset")
        .contains("similarity.row-batch-size: '8192'  # default")
        .contains("# kafka.input-topic: (not set)");
    Path yaml = dir.resolve("printed.yaml");
    Files.writeString(yaml, printed.out());
    Result again = run("run", "--config", yaml.toString(), "--print-config");
    assertThat(again.out().lines().map(l -> l.replaceAll("  # .*", "")).toList())
        .isEqualTo(printed.out().lines().map(l -> l.replaceAll("  # .*", "")).toList());
  }

  @Test
  void printConfigShowsTheDefaultsOfFinalLists() throws Exception {
    String printed = run("run", "--emit", "final", "--input", "a.csv", "--print-config").out();
    assertThat(printed)
        .contains("pipeline.preset: 'taste'  # default with scoring.emit final")
        .contains("similarity.emit-interval: 'end'  # default with scoring.emit final")
        .contains("trending.emit-interval: 'end'  # default with scoring.emit final")
        .contains("scoring.seed-items: '500'  # preset");
    assertThat(run("run", "--input", "a.csv", "--print-config").out())
        .contains("pipeline.preset: 'default'  # default")
        .contains("similarity.emit-interval: '0ms'  # default")
        .contains("scoring.seed-items: '20'  # default");
  }

  @Test
  void flagsOverrideTheYamlFileAndNestedKeysWork() throws Exception {
    Path yaml = dir.resolve("recs.yaml");
    Files.writeString(
        yaml,
        "scoring:\n  n: 5\nsimilarity.neighbours: 30\nkafka:\n  properties:\n"
            + "    security.protocol: SASL_PLAINTEXT\n");
    String out = run("run", "--config", yaml.toString(), "--n", "6", "--print-config").out();
    assertThat(out)
        .contains("scoring.n: '6'  # flag")
        .contains("similarity.neighbours: '30'  # " + yaml)
        .contains("kafka.properties: 'security.protocol=SASL_PLAINTEXT'");
  }

  @Test
  void aJobNamesDefaultGivesWayToTheSameFlagInEitherSpelling() throws Exception {
    for (String[] sinks :
        List.of(new String[] {"--sinks", "files,kafka"}, new String[] {"--sinks=files,kafka"})) {
      List<String> args = new ArrayList<>(List.of("kafka-to-kafka", "--print-config"));
      args.addAll(List.of(sinks));
      Result result = run(args.toArray(String[]::new));
      assertThat(result.err()).isEmpty();
      assertThat(result.out()).contains("sinks: 'files,kafka'  # flag");
    }
  }

  static List<Arguments> badSettings() throws Exception {
    Path input = Files.writeString(dir.resolve("in.csv"), "u,i,view,1,1000,\n");
    Path unknownKey =
        Files.writeString(dir.resolve("unknown.yaml"), "similarity:\n  neighbors: 5\n");
    Path wrongType = Files.writeString(dir.resolve("wrong.yaml"), "scoring.n: ten\n");
    Path notEmpty = Files.createDirectories(dir.resolve("used"));
    Files.writeString(notEmpty.resolve("old.txt"), "x");
    String in = input.toString();
    List<Arguments> cases = new ArrayList<>();
    cases.add(
        Arguments.of(
            "unknown flag",
            List.of("run", "--input", in, "--ouput-dir", "y"),
            "unknown flag --ouput-dir; see --help"));
    cases.add(
        Arguments.of(
            "unknown key",
            List.of("run", "--config", unknownKey.toString()),
            "unknown setting 'similarity.neighbors' in "
                + unknownKey
                + "; see --help for the keys"));
    cases.add(
        Arguments.of(
            "wrong type",
            List.of("run", "--n", "abc"),
            "scoring.n (--n): 'abc' is not an integer"));
    cases.add(
        Arguments.of(
            "wrong type in YAML",
            List.of("run", "--config", wrongType.toString()),
            "scoring.n (--n): 'ten' is not an integer"));
    cases.add(
        Arguments.of(
            "not a boolean",
            List.of("kafka-to-kafka", "--bounded", "yes"),
            "kafka.bounded (--bounded): 'yes' is not a boolean"));
    cases.add(
        Arguments.of(
            "out of range",
            List.of("demo", "--rate", "-5"),
            "demo.rate (--rate) must be >= 0, was -5.0"));
    cases.add(
        Arguments.of(
            "enum value",
            List.of("run", "--measure", "pearson"),
            "similarity.measure (--measure): 'pearson' is not one of cooccurrence, jaccard,"
                + " cosine, llr, lift"));
    cases.add(
        Arguments.of(
            "missing required key",
            List.of("run", "--format", "csv"),
            "files.input (--input) is required with --source files"));
    cases.add(
        Arguments.of(
            "contradictory settings",
            List.of(
                "run",
                "--input",
                in,
                "--format",
                "csv",
                "--emit",
                "final",
                "--monitor-interval",
                "1s"),
            "scoring.emit (--emit) final needs a bounded input, but files.monitor-interval"
                + " (--monitor-interval) is PT1S; use per-event or interval:<duration>"));
    cases.add(
        Arguments.of(
            "end-of-input interval on an unbounded input",
            List.of(
                "run",
                "--input",
                in,
                "--format",
                "csv",
                "--sinks",
                "files",
                "--similar-items-interval",
                "end",
                "--monitor-interval",
                "1s"),
            "similarity.emit-interval (--similar-items-interval) end needs a bounded input, but"
                + " files.monitor-interval (--monitor-interval) is PT1S; use a duration"));
    cases.add(
        Arguments.of(
            "end-of-input interval with per-event lists",
            List.of("run", "--input", in, "--format", "csv", "--trending-interval", "end"),
            "trending.emit-interval (--trending-interval) end needs scoring.emit (--emit) final:"
                + " lists emitted before the input ends would have no similar items or trending"
                + " to rank"));
    cases.add(
        Arguments.of(
            "option of another source",
            List.of("run", "--input", in, "--format", "csv", "--input-topic", "t"),
            "kafka.input-topic (--input-topic) does not apply with --source files; remove it"));
    cases.add(
        Arguments.of(
            "file option without the files sink",
            List.of(
                "run", "--input", in, "--format", "csv", "--sinks", "kafka", "--bucketing", "none"),
            "files.bucketing (--bucketing) does not apply without files in --sinks; remove it"));
    cases.add(
        Arguments.of(
            "unknown bucketing",
            List.of("run", "--input", in, "--format", "csv", "--bucketing", "weekly"),
            "files.bucketing (--bucketing): 'weekly' is not one of processing-time-hour,"
                + " event-day, event-hour, none"));
    cases.add(
        Arguments.of(
            "cross-stage check",
            List.of(
                "run",
                "--input",
                in,
                "--format",
                "csv",
                "--output-dir",
                dir.resolve("o1").toString(),
                "--candidates-per-seed",
                "80"),
            "scoring.candidates-per-seed (--candidates-per-seed) (80) must not exceed"
                + " similarity.neighbours (--neighbours) (50)"));
    cases.add(
        Arguments.of(
            "missing path",
            List.of("run", "--input", dir.resolve("nope.csv").toString(), "--format", "csv"),
            "files.input (--input) " + dir.resolve("nope.csv") + ": no such file or folder"));
    cases.add(
        Arguments.of(
            "output folder in use",
            List.of("run", "--input", in, "--format", "csv", "--output-dir", notEmpty.toString()),
            "files.output-dir (--output-dir) "
                + notEmpty
                + " is not empty (1 entries): choose another folder, or set files.overwrite"
                + " (--overwrite) to replace the outputs of an earlier run"));
    cases.add(
        Arguments.of(
            "bad emit",
            List.of("run", "--emit", "sometimes"),
            "scoring.emit (--emit) must be per-event, final or interval:<duration>, was sometimes"));
    cases.add(
        Arguments.of(
            "unreachable broker",
            List.of(
                "run",
                "--source",
                "kafka",
                "--bootstrap-servers",
                "localhost:1",
                "--input-topic",
                "t",
                "--format",
                "json"),
            "kafka.bootstrap-servers (--bootstrap-servers) localhost:1: no Kafka broker answered"
                + " within 10 s"));
    cases.add(
        Arguments.of(
            "unknown job",
            List.of("nope"),
            "unknown job 'nope'; jobs: run,"
                + " files-to-files, kafka-to-kafka, demo, evaluation"));
    return cases;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSettings")
  void aBadSettingIsOneLineAndExitCode2(String kind, List<String> args, String message)
      throws Exception {
    Result result = run(args.toArray(String[]::new));
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("recs: " + message + System.lineSeparator());
    assertThat(result.out()).isEmpty();
  }
}
