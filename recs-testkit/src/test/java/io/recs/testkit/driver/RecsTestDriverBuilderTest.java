package io.recs.testkit.driver;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recs.pipeline.RecsPipeline;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The builder checks its settings before it starts a MiniCluster. */
class RecsTestDriverBuilderTest {

  @Test
  void needsExactlyOneOfPipelineAndJob() {
    assertThatThrownBy(() -> RecsTestDriver.builder().build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("exactly one of pipeline / job must be set, neither was");
    assertThatThrownBy(
            () ->
                RecsTestDriver.builder()
                    .pipeline(RecsPipeline.builder().build())
                    .job(in -> JobOutputs.of(RecsPipeline.builder().build().apply(in)))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("exactly one of pipeline / job must be set, both were");
  }

  @Test
  void refusesASecondCallOfASetter() {
    assertThatThrownBy(() -> RecsTestDriver.builder().parallelism(2).parallelism(4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("parallelism was already set to 2");
  }

  @Test
  void namesTheBadValue() {
    assertThatThrownBy(() -> RecsTestDriver.builder().parallelism(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("parallelism must be >= 1, was 0");
    assertThatThrownBy(() -> RecsTestDriver.builder().timeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeout must be > 0, was PT0S");
    assertThatThrownBy(() -> RecsTestDriver.builder().maxOutOfOrderness(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxOutOfOrderness must be >= 0, was PT-1S");
  }
}
