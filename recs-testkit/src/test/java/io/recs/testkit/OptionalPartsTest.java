package io.recs.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recs.testkit.hdfs.EmbeddedHdfsExtension;
import io.recs.testkit.internal.OptionalParts;
import io.recs.testkit.kafka.EmbeddedKafkaExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A test that uses only the driver and the assertions gets a small classpath: recs-testkit's
 * published pom passes on recs itself, JUnit's API and AssertJ, and nothing heavy; the embedded
 * Kafka broker and HDFS are optional dependencies that a test adds when it uses them, and their
 * extensions name the missing artifact. ArchitectureTest (recs-examples) keeps the driver and the
 * assertions free of imports of the optional parts.
 */
class OptionalPartsTest {
  /** The dependencies that every user of recs-testkit gets, and only those. */
  private static final List<String> PASSED_ON =
      List.of(
          "io.recs:recs-core",
          "io.recs:recs-connectors",
          "io.recs:recs-evaluation",
          "org.junit.jupiter:junit-jupiter-api",
          "org.assertj:assertj-core");

  private static final List<String> OPTIONAL =
      List.of(
          "org.apache.kafka:kafka-test-common-runtime",
          "org.apache.hadoop:hadoop-client-api",
          "org.apache.hadoop:hadoop-client-runtime",
          "org.apache.hadoop:hadoop-client-minicluster");

  record Dependency(String id, String scope, boolean optional) {}

  @Test
  void publishedPomPassesOnOnlyTheDriverAndAssertionsDependencies() throws Exception {
    List<Dependency> dependencies = dependencies(Path.of("pom.xml"));
    assertThat(dependencies).extracting(Dependency::id).contains("io.recs:recs-core");
    List<String> passedOn =
        dependencies.stream()
            .filter(
                d -> !d.optional() && (d.scope().equals("compile") || d.scope().equals("runtime")))
            .map(Dependency::id)
            .toList();
    assertThat(passedOn).containsExactlyInAnyOrderElementsOf(PASSED_ON);
    List<String> optional =
        dependencies.stream().filter(Dependency::optional).map(Dependency::id).toList();
    assertThat(optional).containsExactlyInAnyOrderElementsOf(OPTIONAL);
  }

  @Test
  void theOptionalPartsAreFoundWhereTheirArtifactsAre() {
    // This module has them (optional dependencies are on its own classpath): the names are right.
    assertThatCode(
            () ->
                OptionalParts.require(
                    EmbeddedKafkaExtension.class,
                    OptionalParts.KAFKA_CLASS,
                    OptionalParts.KAFKA_ARTIFACT))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                OptionalParts.require(
                    EmbeddedHdfsExtension.class,
                    OptionalParts.HDFS_CLASS,
                    OptionalParts.HDFS_ARTIFACT))
        .doesNotThrowAnyException();
  }

  @Test
  void aMissingPartIsNamedInOneLine() {
    assertThatThrownBy(
            () ->
                OptionalParts.require(
                    EmbeddedKafkaExtension.class,
                    "org.apache.kafka.common.test.NoSuchTestKit",
                    OptionalParts.KAFKA_ARTIFACT))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "EmbeddedKafkaExtension needs org.apache.kafka:kafka-test-common-runtime on the test"
                + " classpath: it is an optional dependency of recs-testkit, add it in test scope"
                + " (docs/testing.md); org.apache.kafka.common.test.NoSuchTestKit was not found");
  }

  private static List<Dependency> dependencies(Path pom) throws Exception {
    Element project =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(pom.toFile())
            .getDocumentElement();
    Element section = (Element) project.getElementsByTagName("dependencies").item(0);
    NodeList nodes = section.getChildNodes();
    List<Dependency> dependencies = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element dependency
          && dependency.getTagName().equals("dependency")) {
        dependencies.add(
            new Dependency(
                text(dependency, "groupId", "") + ":" + text(dependency, "artifactId", ""),
                text(dependency, "scope", "compile"),
                text(dependency, "optional", "false").equals("true")));
      }
    }
    return dependencies;
  }

  /** The text of a direct child element, or {@code otherwise}. */
  private static String text(Element parent, String tag, String otherwise) {
    NodeList children = parent.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element child && child.getTagName().equals(tag)) {
        return child.getTextContent().strip();
      }
    }
    return otherwise;
  }
}
