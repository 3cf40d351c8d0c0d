package io.recs.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.members;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.annotation.Internal;
import org.apache.flink.annotation.Public;
import org.apache.flink.annotation.PublicEvolving;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules that keep the modules apart and the API surface explicit. It lives here because
 * recs-examples sees every other module. Main classes come from the classpath; the other modules'
 * test classes come from their build folders, which a reactor build has compiled before this one.
 */
class ArchitectureTest {
  private static final List<Path> TEST_CLASSES =
      List.of(
          Path.of("../recs-core/target/test-classes"),
          Path.of("../recs-connectors/target/test-classes"),
          Path.of("../recs-evaluation/target/test-classes"),
          Path.of("../recs-testkit/target/test-classes"),
          Path.of("target/test-classes"));

  private static JavaClasses main;
  private static JavaClasses everything;

  @BeforeAll
  static void importClasses() {
    main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.recs");
    TEST_CLASSES.forEach(
        dir ->
            assertThat(Files.isDirectory(dir))
                .as("%s must exist: run the rules in a reactor build (mvn verify)", dir)
                .isTrue());
    everything = new ClassFileImporter().importPaths(TEST_CLASSES);
    // Rules over an empty import pass vacuously; make sure every module is there.
    assertThat(main.contain("io.recs.event.Interaction")).isTrue();
    assertThat(main.contain("io.recs.connectors.kafka.KafkaInteractionSource")).isTrue();
    assertThat(main.contain("io.recs.evaluation.data.InteractionGenerator")).isTrue();
    assertThat(main.contain("io.recs.testkit.driver.RecsTestDriver")).isTrue();
    assertThat(main.contain("io.recs.testkit.kafka.EmbeddedKafkaExtension")).isTrue();
    assertThat(main.contain("io.recs.benchmarks.BenchmarkJob")).isTrue();
    assertThat(main.contain("io.recs.examples.Main")).isTrue();
    assertThat(everything.contain("io.recs.examples.ArchitectureTest")).isTrue();
  }

  @Test
  void coreDependsOnNeitherConnectorsNorTestkit() {
    noClasses()
        .that()
        .resideInAPackage("io.recs..")
        .and()
        .resideOutsideOfPackages("io.recs.connectors..", "io.recs.testkit..", "io.recs.examples..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.recs.connectors..", "io.recs.testkit..")
        .check(main);
  }

  @Test
  void onlyTheRequestPathAndThePipelineKnowScoring() {
    // Users' history, similarity and trending compute what scoring reads; they never depend on
    // it, nor on the request path that connects them to it.
    noClasses()
        .that()
        .resideInAnyPackage("io.recs.similarity..", "io.recs.state..", "io.recs.trending..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.recs.scoring..", "io.recs.request..")
        .check(main);
  }

  @Test
  void scoringOnlyScores() {
    // Scoring ranks the candidates it is given; how a request gathers them is io.recs.request's.
    noClasses()
        .that()
        .resideInAPackage("io.recs.scoring..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.recs.request..", "io.recs.state..", "io.recs.pipeline..")
        .check(main);
  }

  @Test
  void examplesUseOnlyPublicRecsTypes() {
    classes()
        .that()
        .resideInAPackage("io.recs.examples..")
        .should()
        .onlyDependOnClassesThat(PUBLIC_OR_NOT_RECS)
        .check(main);
  }

  /**
   * What ships (the jobs' jars, recs-core, recs-connectors, recs-evaluation) holds no test tool:
   * JarContentsITCase checks the jars themselves, this rule the imports that would put a test tool
   * back into them. The benchmarks are not shipped but run from a jar of their own, so they may use
   * JMH and nothing else of the list either.
   */
  @Test
  void productCodeImportsNoTestTool() {
    noClasses()
        .that()
        .resideInAPackage("io.recs..")
        .and()
        .resideOutsideOfPackage("io.recs.testkit..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.recs.testkit..",
            "org.junit..",
            "org.assertj..",
            "org.apache.flink.test..",
            "org.apache.flink.runtime.testutils..",
            "org.apache.kafka.common.test..",
            "org.apache.hadoop.hdfs..")
        .check(main);
  }

  /** The example jobs run without the benchmarks, which live in recs-benchmarks. */
  @Test
  void jobsImportNeitherBenchmarksNorJmh() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.recs.benchmarks..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.recs.benchmarks..", "org.openjdk.jmh..")
        .check(main);
  }

  /**
   * The testkit's heavy parts are optional Maven dependencies (see recs-testkit/pom.xml): the
   * driver and the assertions must work without them, and only the extension that needs one may
   * touch it. OptionalPartsTest in recs-testkit checks the pom and the missing-part messages.
   */
  @Test
  void testkitDriverAndAssertionsNeedNoOptionalPart() {
    noClasses()
        .that()
        .resideInAnyPackage("io.recs.testkit.driver..", "io.recs.testkit.assertions..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.recs.testkit.kafka..",
            "io.recs.testkit.hdfs..",
            "io.recs.testkit.cluster..",
            "org.apache.kafka..",
            "org.apache.hadoop..")
        .check(main);
    noClasses()
        .that()
        .resideInAPackage("io.recs.testkit..")
        .and()
        .resideOutsideOfPackage("io.recs.testkit.kafka..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.kafka.common.test..", "kafka..")
        .check(main);
    noClasses()
        .that()
        .resideInAPackage("io.recs.testkit..")
        .and()
        .resideOutsideOfPackage("io.recs.testkit.hdfs..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.hadoop..")
        .check(main);
  }

  @Test
  void everyPublicTopLevelTypeHasAStabilityAnnotation() {
    classes()
        .that()
        .resideInAPackage("io.recs..")
        .and()
        .arePublic()
        .and()
        .areTopLevelClasses()
        .and()
        .doNotHaveSimpleName("package-info")
        .and()
        .resideOutsideOfPackage("..jmh_generated..") // written by JMH's annotation processor
        .should()
        .beAnnotatedWith(PublicEvolving.class)
        .orShould()
        .beAnnotatedWith(Public.class)
        .orShould()
        .beAnnotatedWith(Internal.class)
        .check(main);
  }

  @Test
  void publicApiExposesNoInternalType() {
    members()
        .that()
        .arePublic()
        .and()
        .areDeclaredInClassesThat(IN_PUBLIC_API)
        .should(new NoInternalTypes())
        .check(main);
  }

  @Test
  void noJUnit4AnywhereInMainOrTestCode() {
    noJUnit4().check(main);
    noJUnit4().check(everything);
  }

  private static ArchRule noJUnit4() {
    return noClasses()
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("org.junit.Test")
        .orShould()
        .dependOnClassesThat()
        .resideInAnyPackage("junit.framework..", "org.junit.runner..", "org.junit.rules..");
  }

  /** Outside io.recs, or in the examples themselves, or in a type marked public API. */
  private static final DescribedPredicate<JavaClass> PUBLIC_OR_NOT_RECS =
      DescribedPredicate.describe(
          "are outside io.recs, in io.recs.examples, or in a type annotated @PublicEvolving or"
              + " @Public (nested types by their top-level type)",
          target -> {
            JavaClass type = topLevel(target.getBaseComponentType());
            String name = type.getPackageName();
            if (!name.equals("io.recs") && !name.startsWith("io.recs.")) {
              return true;
            }
            if (name.startsWith("io.recs.examples")) {
              return true;
            }
            return !type.isAnnotatedWith(Internal.class)
                && (type.isAnnotatedWith(PublicEvolving.class)
                    || type.isAnnotatedWith(Public.class))
                && type.getModifiers().contains(JavaModifier.PUBLIC);
          });

  /** Public types annotated @PublicEvolving or @Public, nested ones by their top-level type. */
  private static final DescribedPredicate<JavaClass> IN_PUBLIC_API =
      DescribedPredicate.describe(
          "are public types of the public API",
          type ->
              type.getModifiers().contains(JavaModifier.PUBLIC)
                  && (topLevel(type).isAnnotatedWith(PublicEvolving.class)
                      || topLevel(type).isAnnotatedWith(Public.class)));

  /** A public member whose signature names a recs type annotated @Internal leaks it to users. */
  private static final class NoInternalTypes extends ArchCondition<JavaMember> {
    NoInternalTypes() {
      super("not name an @Internal recs type in their signature");
    }

    @Override
    public void check(JavaMember member, ConditionEvents events) {
      List<JavaClass> named = new ArrayList<>();
      if (member instanceof JavaField field) {
        named.add(field.getRawType());
      } else if (member instanceof JavaCodeUnit unit) {
        named.add(unit.getRawReturnType());
        named.addAll(unit.getRawParameterTypes());
      }
      for (JavaClass type : named) {
        if (topLevel(type.getBaseComponentType()).isAnnotatedWith(Internal.class)) {
          events.add(
              SimpleConditionEvent.violated(
                  member, member.getFullName() + " exposes @Internal " + type.getName()));
        }
      }
    }
  }

  private static JavaClass topLevel(JavaClass type) {
    JavaClass current = type;
    while (current.getEnclosingClass().isPresent()) {
      current = current.getEnclosingClass().get();
    }
    return current;
  }
}
