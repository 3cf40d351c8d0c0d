package io.recs.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The jars users run hold no test tools: the runnable jar ({@code java -jar}) and the cluster jar
 * ({@code flink run}) are listed entry by entry after {@code package}. What the demo and the
 * evaluation job need (generator, baselines, metrics) is product code in recs-evaluation; the
 * benchmarks have a jar of their own (recs-benchmarks). ArchitectureTest keeps the imports that
 * would bring a test tool back out of the jobs' code.
 */
class JarContentsITCase {
  /** Entry prefixes of test tools: none of them may be in a product jar. */
  static final List<String> TEST_TOOLS =
      List.of(
          "org/junit/",
          "junit/",
          "org/assertj/",
          "org/openjdk/jmh/",
          "META-INF/BenchmarkList",
          "io/recs/testkit/",
          "io/recs/benchmarks/",
          "org/apache/flink/test/",
          "org/apache/kafka/common/test/",
          "org/apache/hadoop/hdfs/MiniDFSCluster");

  @ParameterizedTest
  @ValueSource(
      strings = {"recs-examples-[0-9][^-]*(-SNAPSHOT)?\\.jar", "recs-examples-.*-cluster\\.jar"})
  void productJarHoldsNoTestTools(String name) throws IOException {
    Path jar = jar(name);
    List<String> entries;
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      entries = Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
    }
    // An empty or wrong jar would pass the check below: it must hold the jobs and what they run.
    assertThat(entries)
        .as(jar + " entries")
        .contains(
            "io/recs/examples/Main.class",
            "io/recs/examples/DemoJob.class",
            "io/recs/evaluation/data/InteractionGenerator.class",
            "io/recs/evaluation/metrics/RankingMetrics.class",
            "io/recs/pipeline/RecsPipeline.class");
    List<String> testTools =
        entries.stream().filter(e -> TEST_TOOLS.stream().anyMatch(e::startsWith)).toList();
    assertThat(testTools).as(jar + ": entries of test tools").isEmpty();
  }

  private static Path jar(String pattern) throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      List<Path> found = files.filter(f -> f.getFileName().toString().matches(pattern)).toList();
      assertThat(found)
          .as("target/%s: the jar ITCases run after `package` (mvn verify)", pattern)
          .hasSize(1);
      return found.get(0);
    }
  }
}
