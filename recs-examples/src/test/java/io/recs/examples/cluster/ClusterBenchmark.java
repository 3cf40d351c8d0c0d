package io.recs.examples.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.recs.benchmarks.BenchmarkJob;
import io.recs.evaluation.data.InteractionGenerator;
import io.recs.event.Interaction;
import io.recs.examples.cluster.RecsCluster.Outputs;
import io.recs.testkit.cluster.CheckpointStats;
import io.recs.testkit.cluster.ClusterJob;
import io.recs.testkit.cluster.FlinkClusterExtension;
import io.recs.testkit.cluster.JobSubmission;
import io.recs.testkit.cluster.TaskManagerProcess;
import io.recs.testkit.kafka.EmbeddedKafkaExtension;
import io.recs.testkit.kafka.EmbeddedKafkaExtension.KeyValue;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.JobStatus;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The kafka-to-kafka job on the multi-process cluster (one JobManager, two TaskManagers of two
 * slots, slots spread evenly over them), with an in-process Kafka broker, printing figures. Not a
 * test: it asserts nothing about timing; it fails only if the job fails or its outputs are
 * incomplete.
 *
 * <pre>
 * cd recs-examples   # after mvn -B package -DskipTests (or verify) of the reactor
 * java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
 *     io.recs.examples.cluster.ClusterBenchmark throughput [events [parallelisms, default 1,2]]
 * java -cp ... io.recs.examples.cluster.ClusterBenchmark real-path [rounds, default 3]
 * java -cp ... io.recs.examples.cluster.ClusterBenchmark overload RATE SECONDS [unaligned]
 * </pre>
 *
 * <ul>
 *   <li>{@code throughput}: the standard generated set (200,000 events, or the first {@code
 *       events}) is written to a 4-partition topic first, then read by the bounded job at
 *       parallelism 1 and then 2 (or the comma-separated parallelisms given, one run each, on the
 *       same cluster): events per second from all tasks running to the end, peak heap, checkpoints.
 *   <li>{@code real-path}: the {@code pipeline} benchmark of {@code BenchmarkJob} in this JVM and
 *       the job at parallelism 1 on the cluster, on the same events, round by round after a warm-up
 *       of each, with their ratios and the ratio of their medians.
 *   <li>{@code overload}: the job runs unbounded at parallelism 2 while a producer writes RATE
 *       events per second for SECONDS (choose at least twice the sustained rate): peak heap,
 *       checkpoint durations and sizes, source backpressure, consumer lag, and, after the input
 *       stops and the job has caught up, whether every output is complete.
 * </ul>
 */
public final class ClusterBenchmark {
  private static final Duration TIMEOUT = Duration.ofMinutes(30);

  /** The first argument: which benchmark runs. */
  public static final List<String> MODES = List.of("throughput", "real-path", "overload");

  private ClusterBenchmark() {}

  public static void main(String[] args) throws Exception {
    String mode = args.length == 0 ? "throughput" : args[0];
    System.out.printf(
        "ClusterBenchmark %s, %d cores, load average %.2f%n",
        String.join(" ", args),
        Runtime.getRuntime().availableProcessors(),
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    try (EmbeddedKafkaExtension kafka = new EmbeddedKafkaExtension();
        FlinkClusterExtension cluster =
            RecsCluster.cluster()
                .taskManagers(2)
                .slotsPerTaskManager(2)
                // At parallelism 2, one slot on each TaskManager rather than both on one.
                .configuration("taskmanager.load-balance.mode", "SLOTS")
                // The bundled jobs keep state on the heap (HashMap backend): Flink's managed
                // memory, 40% of the TaskManager by default, would sit unused beside a small heap.
                .configuration(
                    "taskmanager.memory.managed.size",
                    System.getProperty("recs.bench.managedMemory", "0"))
                .build()) {
      kafka.start();
      cluster.start();
      switch (mode) {
        case "throughput" ->
            throughput(
                kafka,
                cluster,
                args.length > 1 ? Integer.parseInt(args[1]) : 200_000,
                args.length > 2 ? args[2] : "1,2");
        case "real-path" ->
            realPath(kafka, cluster, args.length > 1 ? Integer.parseInt(args[1]) : 3);
        case "overload" ->
            overload(
                kafka,
                cluster,
                Integer.parseInt(args[1]),
                Integer.parseInt(args[2]),
                args.length > 3 && args[3].equals("unaligned"));
        default -> throw new IllegalArgumentException("mode must be one of " + MODES);
      }
    }
  }

  private static void throughput(
      EmbeddedKafkaExtension kafka, FlinkClusterExtension cluster, int count, String order)
      throws Exception {
    List<Interaction> events = InteractionGenerator.standard(42).generate().subList(0, count);
    kafka.createTopic("bench-in", 4);
    kafka.produce("bench-in", RecsCluster.csv(events));
    String[] runs = order.split(",");
    for (int run = 0; run < runs.length; run++) {
      runJob(kafka, cluster, "bench-" + (run + 1), events.size(), Integer.parseInt(runs[run]));
    }
  }

  /**
   * The pipeline benchmark ({@code BenchmarkJob pipeline}) in this JVM and the kafka-to-kafka job
   * on the cluster at parallelism 1, on the same standard set, round by round, with their ratios.
   * Both are measured warm, as the pipeline benchmark always was: after an untimed warm-up run of
   * each (the pipeline in this JVM, the job on the TaskManager that then runs every round), whose
   * figures are printed too. A TaskManager is a long-lived process: a job submitted to a cluster
   * that has run jobs before meets a warm one.
   */
  private static void realPath(
      EmbeddedKafkaExtension kafka, FlinkClusterExtension cluster, int rounds) throws Exception {
    List<Interaction> events = BenchmarkJob.generate();
    kafka.createTopic("bench-in", 4);
    kafka.produce("bench-in", RecsCluster.csv(events));
    System.out.printf(
        Locale.ROOT,
        "warm-up, not in the medians: pipeline (cold JVM) %,.0f events/s%n",
        BenchmarkJob.pipelineEventsPerSecond(events));
    double coldJob = runJob(kafka, cluster, "bench-warm-up", events.size(), 1);
    System.out.printf(
        Locale.ROOT,
        "warm-up, not in the medians: cluster job (cold TaskManager) %,.0f events/s%n",
        coldJob);
    double[] pipeline = new double[rounds];
    double[] job = new double[rounds];
    for (int round = 0; round < rounds; round++) {
      pipeline[round] = BenchmarkJob.pipelineEventsPerSecond(events);
      job[round] = runJob(kafka, cluster, "bench-" + (round + 1), events.size(), 1);
      System.out.printf(
          Locale.ROOT,
          "round %d: pipeline %,.0f events/s; kafka-to-kafka on the cluster, parallelism 1, %,.0f"
              + " events/s; ratio %.2f%n",
          round + 1,
          pipeline[round],
          job[round],
          job[round] / pipeline[round]);
    }
    double pipelineMedian = BenchmarkJob.median(pipeline);
    double jobMedian = BenchmarkJob.median(job);
    System.out.printf(
        Locale.ROOT,
        "real path on the cluster, medians of %d rounds: pipeline %,.0f events/s, kafka-to-kafka"
            + " at parallelism 1 %,.0f events/s, ratio %.2f%n",
        rounds,
        pipelineMedian,
        jobMedian,
        jobMedian / pipelineMedian);
  }

  /**
   * Runs the bounded job over the {@code bench-in} topic into outputs named after {@code run};
   * prints its figures and returns its events per second.
   */
  private static double runJob(
      EmbeddedKafkaExtension kafka,
      FlinkClusterExtension cluster,
      String run,
      int events,
      int parallelism)
      throws Exception {
    Outputs outputs = new Outputs(run + "-p" + parallelism);
    outputs.create(kafka);
    ClusterJob job =
        cluster.submit(
            JobSubmission.builder(RecsCluster.jobJar())
                .args(
                    outputs.args(
                        kafka,
                        "bench-in",
                        Map.of(
                            "parallelism",
                            Integer.toString(parallelism),
                            "bounded",
                            "true",
                            "checkpoint-interval",
                            "10000")))
                .build());
    job.awaitAllTasksRunning(TIMEOUT);
    long start = System.nanoTime();
    HeapSampler heap = new HeapSampler(cluster);
    job.awaitStatus(JobStatus.FINISHED, TIMEOUT);
    double seconds = (System.nanoTime() - start) / 1e9;
    heap.stop();
    System.out.printf(
        Locale.ROOT,
        "%nthroughput, %s, parallelism %d: %d events in %.1f s = %.0f events/s (exactly-once Kafka"
            + " output, checkpoints every 10 s)%n",
        run,
        parallelism,
        events,
        seconds,
        events / seconds);
    heap.print();
    printCheckpoints(job.checkpoints());
    return events / seconds;
  }

  private static void overload(
      EmbeddedKafkaExtension kafka,
      FlinkClusterExtension cluster,
      int rate,
      int seconds,
      boolean unaligned)
      throws Exception {
    List<Interaction> events =
        InteractionGenerator.builder().seed(42).events(rate * seconds).build().generate();
    long users = events.stream().map(Interaction::userId).distinct().count();
    kafka.createTopic("overload-in", 4);
    Outputs outputs = new Outputs("overload");
    outputs.create(kafka);
    JobSubmission.Builder submission =
        JobSubmission.builder(RecsCluster.jobJar())
            .args(
                outputs.args(
                    kafka,
                    "overload-in",
                    Map.of("parallelism", "2", "checkpoint-interval", "10000")));
    if (unaligned) {
      submission.configuration("execution.checkpointing.unaligned.enabled", "true");
    }
    ClusterJob job = cluster.submit(submission.build());
    job.awaitAllTasksRunning(TIMEOUT);
    HeapSampler heap = new HeapSampler(cluster);
    ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    AtomicLong maxLag = new AtomicLong();
    List<String> backpressure = new ArrayList<>();
    String source = sourceVertex(cluster, job);
    sampler.scheduleAtFixedRate(
        () -> {
          try {
            maxLag.accumulateAndGet(kafka.consumerLag("overload", "overload-in"), Math::max);
            JsonNode level =
                RecsCluster.json(
                    cluster.restGet("/jobs/" + job.id() + "/vertices/" + source + "/backpressure"));
            synchronized (backpressure) {
              backpressure.add(level.path("backpressure-level").asText("unknown"));
            }
          } catch (IOException | RuntimeException e) {
            // A missed sample; the next one comes in a second.
          }
        },
        1,
        1,
        TimeUnit.SECONDS);

    long start = System.nanoTime();
    produceAtRate(kafka, "overload-in", RecsCluster.csv(events), rate);
    double inputSeconds = (System.nanoTime() - start) / 1e9;
    RecsCluster.await(
        () -> kafka.consumerLag("overload", "overload-in") == 0, TIMEOUT, "the job to catch up");
    double caughtUp = (System.nanoTime() - start) / 1e9;
    sampler.shutdownNow();
    heap.stop();
    List<CheckpointStats> checkpoints = job.checkpoints();
    job.stopWithSavepoint(true, TIMEOUT);

    Map<String, List<String>> recommendations = Outputs.byKey(kafka, outputs.recommendations());
    long lists = recommendations.values().stream().mapToLong(List::size).sum();
    System.out.printf(
        "%noverload: %d events offered at %d/s, written in %.1f s (%.0f/s); the job caught up"
            + " %.1f s after the start (%.0f events/s while overloaded); largest committed lag"
            + " %,d events%n",
        events.size(),
        rate,
        inputSeconds,
        events.size() / inputSeconds,
        caughtUp,
        events.size() / caughtUp,
        maxLag.get());
    Map<String, Integer> levels = new HashMap<>();
    synchronized (backpressure) {
      backpressure.forEach(level -> levels.merge(level, 1, Integer::sum));
    }
    System.out.printf("source backpressure samples (1/s): %s%n", levels);
    heap.print();
    printCheckpoints(checkpoints);
    System.out.printf(
        "outputs: %,d recommendation lists for %,d events and %,d users (expected %,d: one per"
            + " event and a final one per user), %d users with lists, %d items with similar items,"
            + " %d trending scopes%n",
        lists,
        events.size(),
        users,
        events.size() + users,
        recommendations.size(),
        Outputs.latest(kafka, outputs.similarItems()).size(),
        Outputs.latest(kafka, outputs.trending()).size());
    if (recommendations.size() != users) {
      throw new IllegalStateException(
          "incomplete: " + recommendations.size() + " of " + users + " users have lists");
    }
  }

  /** Writes the records at {@code rate} per second, in slices of 10 ms, catching up if late. */
  private static void produceAtRate(
      EmbeddedKafkaExtension kafka, String topic, List<KeyValue> records, int rate) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      long start = System.nanoTime();
      int sent = 0;
      while (sent < records.size()) {
        long due = Math.min(records.size(), (System.nanoTime() - start) / 1_000_000L * rate / 1000);
        for (; sent < due; sent++) {
          KeyValue record = records.get(sent);
          producer.send(new ProducerRecord<>(topic, record.key(), record.value()));
        }
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
      producer.flush();
    }
  }

  private static String sourceVertex(FlinkClusterExtension cluster, ClusterJob job)
      throws IOException {
    for (JsonNode vertex :
        RecsCluster.json(cluster.restGet("/jobs/" + job.id())).path("vertices")) {
      if (vertex.path("name").asText().contains("Source")) {
        return vertex.path("id").asText();
      }
    }
    throw new IllegalStateException("the job has no source vertex");
  }

  private static void printCheckpoints(List<CheckpointStats> all) {
    List<CheckpointStats> checkpoints = all.stream().filter(c -> !c.savepoint()).toList();
    if (checkpoints.isEmpty()) {
      System.out.println("checkpoints: none completed");
      return;
    }
    List<Long> millis = checkpoints.stream().map(c -> c.duration().toMillis()).sorted().toList();
    System.out.printf(
        Locale.ROOT,
        "checkpoints: %d completed (%d unaligned); duration min %d ms, median %d ms, max %d ms;"
            + " state size last %.1f MB, max %.1f MB; written per checkpoint max %.1f MB%n",
        checkpoints.size(),
        checkpoints.stream().filter(CheckpointStats::unaligned).count(),
        millis.get(0),
        millis.get(millis.size() / 2),
        millis.get(millis.size() - 1),
        checkpoints.get(checkpoints.size() - 1).stateBytes() / 1e6,
        checkpoints.stream().mapToLong(CheckpointStats::stateBytes).max().orElse(0) / 1e6,
        checkpoints.stream().mapToLong(CheckpointStats::checkpointedBytes).max().orElse(0) / 1e6);
    for (CheckpointStats c : checkpoints) {
      System.out.printf(
          Locale.ROOT,
          "  checkpoint %d: %d ms, %.1f MB%s%n",
          c.id(),
          c.duration().toMillis(),
          c.stateBytes() / 1e6,
          c.unaligned() ? " (unaligned)" : "");
    }
  }

  /** Samples each running TaskManager's heap every second (the JobManager's metric refresh). */
  private static final class HeapSampler {
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final Map<String, Long> peak = new HashMap<>();
    private final Map<String, Long> max = new HashMap<>();

    HeapSampler(FlinkClusterExtension cluster) {
      executor.scheduleAtFixedRate(
          () -> {
            for (TaskManagerProcess tm : cluster.taskManagers()) {
              if (!tm.isAlive()) {
                continue;
              }
              try {
                tm.metric("Status.JVM.Memory.Heap.Used")
                    .ifPresent(v -> record(peak, tm.id(), Long.parseLong(v)));
                tm.metric("Status.JVM.Memory.Heap.Max")
                    .ifPresent(v -> record(max, tm.id(), Long.parseLong(v)));
              } catch (IOException | RuntimeException e) {
                // A missed sample (the TaskManager may be going away); the next comes in a second.
              }
            }
          },
          0,
          1,
          TimeUnit.SECONDS);
    }

    private synchronized void record(Map<String, Long> values, String tm, long value) {
      values.merge(tm, value, Math::max);
    }

    void stop() {
      executor.shutdownNow();
    }

    synchronized void print() {
      peak.forEach(
          (tm, used) ->
              System.out.printf(
                  Locale.ROOT,
                  "peak heap %s: %.0f MB of %.0f MB (1 s samples)%n",
                  tm,
                  used / 1e6,
                  max.getOrDefault(tm, 0L) / 1e6));
    }
  }
}
