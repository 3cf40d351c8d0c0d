package io.recs.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainTest {

  private static String output(String... args) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Main.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void listsTheJobs() throws Exception {
    assertThat(output("--help"))
        .contains("demo")
        .contains("evaluation")
        .contains("files-to-files")
        .contains("kafka-to-kafka");
  }

  @Test
  void demoHelpListsEveryFlag() throws Exception {
    assertThat(output("demo", "--help"))
        .contains(
            "--input",
            "--generated",
            "--output-dir",
            "--unbounded",
            "--rate",
            "--show-users",
            "--measure",
            "--n",
            "--format",
            "--checkpoint-dir");
  }

  @Test
  void kafkaHelpListsEveryFlag() throws Exception {
    assertThat(output("kafka-to-kafka", "--help"))
        .contains(
            "--bootstrap-servers",
            "--input-topic",
            "--group-id",
            "--starting-offsets",
            "--bounded",
            "--output-topic",
            "--dead-letter-topic",
            "--delivery-guarantee",
            "--transactional-id-prefix",
            "--format",
            "--parser-class",
            "--similar-items-topic",
            "--trending-topic",
            "--measure",
            "--n",
            "--neighbours",
            "--checkpoint-interval",
            "--parallelism",
            "--state-backend",
            "--max-restarts",
            "--help")
        .contains("(default at-least-once)")
        .contains("(required)");
  }

  @Test
  void filesHelpListsEveryFlag() throws Exception {
    assertThat(output("files-to-files", "--help"))
        .contains(
            "--input",
            "--output-dir",
            "--monitor-interval",
            "--format",
            "--parser-class",
            "--checkpoint-interval",
            "--parallelism",
            "--state-backend");
  }

  @Test
  void namesUnknownJobsAndFlagsAndMissingFlags() {
    assertThatThrownBy(() -> output("nope"))
        .hasMessage("unknown job 'nope'; jobs: [demo, evaluation, files-to-files, kafka-to-kafka]");
    assertThatThrownBy(() -> output("files-to-files", "--input", "x", "--ouput-dir", "y"))
        .hasMessage("unknown flags [ouput-dir]; see --help");
    assertThatThrownBy(() -> output("files-to-files", "--input", "x"))
        .hasMessage("missing required flags [--output-dir]; see --help");
  }

  @Test
  void needsExactlyOneOfFormatAndParserClass() {
    assertThatThrownBy(() -> Formats.parser(null, null))
        .hasMessage(
            "exactly one of --format / --parser-class must be given, was --format=null"
                + " --parser-class=null");
    assertThatThrownBy(() -> Formats.parser("nope", null))
        .hasMessageStartingWith("unknown --format 'nope'; built-in formats: ");
    assertThatThrownBy(() -> Formats.parser(null, "java.lang.String"))
        .hasMessage(
            "--parser-class java.lang.String does not implement interface"
                + " io.recs.parse.InteractionParser");
    assertThat(Formats.parser(null, LineTestParser.class.getName()))
        .isInstanceOf(LineTestParser.class);
  }
}
