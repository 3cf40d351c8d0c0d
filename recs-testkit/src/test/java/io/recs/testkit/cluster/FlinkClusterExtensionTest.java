package io.recs.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parts of the cluster extension that need no cluster. */
class FlinkClusterExtensionTest {

  @Test
  void parsesWhatBashJavaUtilsPrints() {
    String output =
        String.join(
            "\n",
            "INFO  [] - Loading configuration property: taskmanager.numberOfTaskSlots, 2",
            "BASH_JAVA_UTILS_EXEC_RESULT:-Xmx469762039 -Xms469762039"
                + " -XX:MaxDirectMemorySize=255013685",
            "BASH_JAVA_UTILS_EXEC_RESULT:-D taskmanager.cpu.cores=2.0 -D"
                + " taskmanager.memory.managed.size=483183828b");

    ResourceParams params = ResourceParams.parse(output);

    assertThat(params.jvmArgs())
        .containsExactly("-Xmx469762039", "-Xms469762039", "-XX:MaxDirectMemorySize=255013685");
    assertThat(params.dynamicProperties())
        .containsExactly(
            "-D", "taskmanager.cpu.cores=2.0", "-D", "taskmanager.memory.managed.size=483183828b");
  }

  @Test
  void aBashJavaUtilsFailureShowsItsOutput() {
    assertThatThrownBy(() -> ResourceParams.parse("Exception: taskmanager.memory too small"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected two BASH_JAVA_UTILS_EXEC_RESULT: lines")
        .hasMessageContaining("taskmanager.memory too small");
  }

  @Test
  void writesEveryValueAsAQuotedYamlString() {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("rest.port", "8081");
    config.put("execution.checkpointing.dir", "file:///tmp/it's here");

    assertThat(FlinkClusterExtension.yaml(config))
        .isEqualTo("rest.port: '8081'\nexecution.checkpointing.dir: 'file:///tmp/it''s here'\n");
  }

  @Test
  void refusesAClasspathWithoutTheRestJarEndpoints(@TempDir Path dir) throws IOException {
    Path empty = Files.createDirectories(dir.resolve("classes"));
    FlinkClusterExtension cluster =
        FlinkClusterExtension.builder().classpath(List.of(empty)).parentFolder(dir).build();

    assertThatThrownBy(cluster::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("lacks org.apache.flink:flink-runtime-web");
  }

  @Test
  void builderSettingsMayBeSetOnce() {
    assertThatThrownBy(() -> FlinkClusterExtension.builder().taskManagers(1).taskManagers(2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("taskManagers was already set to 1, cannot set it to 2");
    assertThatThrownBy(
            () ->
                FlinkClusterExtension.builder()
                    .configuration("state.backend.type", "rocksdb")
                    .configuration("state.backend.type", "hashmap"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("configuration state.backend.type was already set to rocksdb");
    assertThatThrownBy(() -> FlinkClusterExtension.builder().slotsPerTaskManager(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("slotsPerTaskManager must be >= 1, was 0");
  }

  @Test
  void aSubmissionNeedsAJarFileAndASavepointToDropStateFrom(@TempDir Path dir) throws IOException {
    assertThatThrownBy(() -> JobSubmission.builder(dir.resolve("missing.jar")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("missing.jar is not a file");
    Path jar = Files.writeString(dir.resolve("job.jar"), "");
    assertThatThrownBy(() -> JobSubmission.builder(jar).allowNonRestoredState().build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("allowNonRestoredState needs fromSavepoint");
    JobSubmission submission =
        JobSubmission.builder(jar).args("a", "b").parallelism(2).fromSavepoint("sp").build();
    assertThat(submission.args()).containsExactly("a", "b");
    assertThat(submission.parallelism()).hasValue(2);
    assertThat(submission.savepoint()).hasValue("sp");
  }
}
