package io.recs.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.JobID;
import org.apache.flink.core.execution.JobClient;
import org.junit.jupiter.api.Test;

/** The progress lines of every job, against a job client that ends after three of them. */
class RunReportTest {

  @Test
  void printsAProgressLinePerIntervalUntilTheJobEnds() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    List<Map<String, Object>> snapshots =
        List.of(
            Map.of(RunCounters.ACCEPTED_EVENTS, 0L),
            Map.of(
                RunCounters.ACCEPTED_EVENTS,
                1_500L,
                RunCounters.REJECTED_PREFIX + "MALFORMED_CSV",
                3L),
            Map.of(
                RunCounters.ACCEPTED_EVENTS,
                2_000L,
                RunCounters.REJECTED_PREFIX + "MALFORMED_CSV",
                4L,
                RunCounters.REJECTED_PREFIX + "HEADER",
                1L));
    AtomicInteger ticks = new AtomicInteger();
    JobExecutionResult end = new JobExecutionResult(new JobID(), 1, Map.of());

    JobExecutionResult result =
        RunReport.progress(
            out,
            "streaming COSINE, ",
            2_000,
            client(snapshots, end),
            Duration.ofMillis(1),
            ticks::incrementAndGet);

    assertThat(result).isSameAs(end);
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(ticks).hasValue(3);
    assertThat(lines.get(0))
        .matches(
            "progress: streaming COSINE, [\\d,]+ s, 0 of 2,000 events accepted \\([\\d,]+"
                + " events/s\\), 0 records rejected");
    assertThat(lines.get(1))
        .contains(" 1,500 of 2,000 events accepted")
        .endsWith(", 3 records rejected");
    assertThat(lines.get(2))
        .contains(" 2,000 of 2,000 events accepted")
        .endsWith(", 5 records rejected");
  }

  @Test
  void aRunWithoutATotalSaysHowManyWereAccepted() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    RunReport.progress(
        new PrintStream(bytes, true, StandardCharsets.UTF_8),
        "",
        -1,
        client(
            List.of(Map.of(RunCounters.ACCEPTED_EVENTS, 12_345L)),
            new JobExecutionResult(new JobID(), 1, Map.of())),
        Duration.ofMillis(1),
        () -> {});
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .matches(
            "progress: [\\d,]+ s, 12,345 events accepted \\([\\d,]+ events/s\\), 0 records"
                + " rejected\\R");
  }

  /**
   * A job client whose job runs until its accumulators were read once per snapshot, then ends with
   * {@code end}.
   */
  private static JobClient client(List<Map<String, Object>> snapshots, JobExecutionResult end) {
    CompletableFuture<JobExecutionResult> result = new CompletableFuture<>();
    AtomicInteger reads = new AtomicInteger();
    return (JobClient)
        Proxy.newProxyInstance(
            JobClient.class.getClassLoader(),
            new Class<?>[] {JobClient.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getJobExecutionResult" -> result;
                  case "getAccumulators" -> {
                    int read = reads.getAndIncrement();
                    if (read == snapshots.size() - 1) {
                      result.complete(end);
                    }
                    yield CompletableFuture.completedFuture(snapshots.get(read));
                  }
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }
}
