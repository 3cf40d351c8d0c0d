package io.recs.testkit.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.recs.config.BuilderChecks;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.MalformedURLException;
import java.net.ServerSocket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.annotation.PublicEvolving;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * A Flink session cluster of separate JVM processes on this machine, one JobManager and N
 * TaskManagers on loopback, for tests that need what a {@code MiniCluster} cannot show: a
 * TaskManager killed with {@code kill -9}, a job jar submitted as a user submits it, savepoints
 * taken by one job and restored by another at a different parallelism.
 *
 * <pre>{@code
 * class MyJobClusterITCase {
 *   @RegisterExtension
 *   static final FlinkClusterExtension CLUSTER =
 *       FlinkClusterExtension.builder().taskManagers(2).slotsPerTaskManager(2).build();
 *
 *   @Test
 *   void survivesTheLossOfATaskManager() throws Exception {
 *     ClusterJob job = CLUSTER.submit(
 *         JobSubmission.builder(Path.of("target/my-job.jar")).args("--input", "...").build());
 *     job.awaitCompletedCheckpoints(1, Duration.ofMinutes(1));
 *     CLUSTER.taskManager(job.taskManagerIds().iterator().next()).kill();
 *     CLUSTER.startTaskManager();
 *     job.awaitStatus(JobStatus.FINISHED, Duration.ofMinutes(2));
 *   }
 * }
 * }</pre>
 *
 * <p>As a static {@code @RegisterExtension} field the cluster starts before the first test of the
 * class and stops after the last; outside JUnit, {@link #start()} and {@link #close()} (it is
 * {@link AutoCloseable}) do the same. Every process it started is killed on {@link #close()}, and
 * by a shutdown hook if the test JVM exits first.
 *
 * <p><b>Classpath.</b> The processes run {@code org.apache.flink} entry points on the classpath of
 * {@link Builder#classpath(List)}, by default the test JVM's own ({@link #testJvmClasspath()}), so
 * that the cluster runs the Flink version the test compiles against. It must hold {@code
 * org.apache.flink:flink-runtime-web}, which serves the {@code /jars} endpoints, and a log4j 2
 * binding ({@code log4j-slf4j-impl} and {@code log4j-core}) for the logs. The cluster's classpath
 * is the Flink distribution of a real cluster: the submitted jar must not bundle a library that
 * this classpath also holds and that crosses between the two, such as the Kafka client with the
 * Kafka connector. Either submit a jar holding only the job's own classes, or leave such libraries
 * off the cluster's classpath.
 *
 * <p><b>Folder.</b> Each cluster has its own folder (configuration, logs, checkpoints, savepoints,
 * uploaded jars), under {@code java.io.tmpdir} unless {@link Builder#parentFolder(Path)} says
 * otherwise. It is deleted on close, unless a test of the class failed or {@link #keepFolder()} was
 * called: then its path is printed to {@code System.err}. Timeouts and failures of the methods
 * below name the log folder too.
 *
 * <p><b>Defaults</b> chosen for tests: TaskManager loss detected within 5 s (heartbeat timeout), 1
 * GB for the JobManager and 1600 MB per TaskManager process (the smallest size that leaves a useful
 * task heap), checkpoints and savepoints under the folder, metrics refreshed every second. {@link
 * Builder#configuration(String, String)} overrides any of them.
 */
@PublicEvolving
public final class FlinkClusterExtension
    implements BeforeAllCallback, AfterAllCallback, TestWatcher, AutoCloseable {

  /** Flink's module options for Java 17 ({@code env.java.default-opts.all} of Flink's config). */
  private static final List<String> JAVA_17_OPTIONS =
      List.of(
          "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
          "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
          "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/java.net=ALL-UNNAMED",
          "--add-opens=java.base/java.io=ALL-UNNAMED",
          "--add-opens=java.base/java.nio=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-opens=java.base/java.text=ALL-UNNAMED",
          "--add-opens=java.base/java.time=ALL-UNNAMED",
          "--add-opens=java.base/java.util=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

  private static final String JOB_MANAGER_MAIN =
      "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
  private static final String TASK_MANAGER_MAIN =
      "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";
  private static final String BASH_JAVA_UTILS = "org.apache.flink.runtime.util.bash.BashJavaUtils";
  private static final String REST_JARS_CLASS =
      "org/apache/flink/runtime/webmonitor/WebSubmissionExtension.class";

  private static final String LOG4J_PROPERTIES =
      String.join(
          "\n",
          "rootLogger.level = INFO",
          "rootLogger.appenderRef.file.ref = MainAppender",
          "appender.main.name = MainAppender",
          "appender.main.type = File",
          "appender.main.append = true",
          "appender.main.fileName = ${sys:log.file}",
          "appender.main.layout.type = PatternLayout",
          "appender.main.layout.pattern = %d{HH:mm:ss,SSS} %-5p %-60c %x - %m%n",
          "logger.kafka.name = org.apache.kafka",
          "logger.kafka.level = WARN",
          "");

  private final int initialTaskManagers;
  private final int slots;
  private final List<Path> classpath;
  private final Map<String, String> overrides;
  private final Path parentFolder;
  private final Duration startTimeout;

  private final List<TaskManagerProcess> taskManagers = new CopyOnWriteArrayList<>();
  private final Map<String, String> uploadedJars = new ConcurrentHashMap<>();
  private Path folder;
  private Path conf;
  private Path logs;
  private Path classpathArgs;
  private Rest rest;
  private ClusterProcess jobManager;
  private ResourceParams taskManagerParams;
  private Thread shutdownHook;
  private int nextTaskManager = 1;
  private volatile boolean failed;
  private volatile boolean keep;

  private FlinkClusterExtension(Builder builder) {
    this.initialTaskManagers = builder.taskManagers;
    this.slots = builder.slots;
    this.classpath = List.copyOf(builder.classpath);
    this.overrides = Map.copyOf(builder.configuration);
    this.parentFolder = builder.parentFolder;
    this.startTimeout = builder.startTimeout;
  }

  /** A builder: 2 TaskManagers of 2 slots, on the test JVM's classpath. */
  public static Builder builder() {
    return new Builder();
  }

  /** The entries of the test JVM's {@code java.class.path}, in order. */
  public static List<Path> testJvmClasspath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.isBlank())
        .map(Path::of)
        .toList();
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (context.getExecutionException().isPresent()) {
      failed = true;
    }
    close();
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    failed = true;
  }

  /**
   * Starts the JobManager and the TaskManagers and waits until all TaskManagers have registered.
   *
   * @throws IllegalStateException if the cluster is already running, or naming the log folder if it
   *     did not come up within the start timeout
   */
  public synchronized void start() throws IOException {
    if (folder != null) {
      throw new IllegalStateException("the cluster is already running in " + folder);
    }
    checkClasspath();
    Files.createDirectories(parentFolder);
    folder = Files.createTempDirectory(parentFolder, "flink-cluster-");
    conf = Files.createDirectories(folder.resolve("conf"));
    logs = Files.createDirectories(folder.resolve("log"));
    shutdownHook = new Thread(this::killAll, "flink-cluster-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    try {
      int rpcPort = freePort();
      int restPort = freePort();
      Files.writeString(conf.resolve("config.yaml"), yaml(configuration(rpcPort, restPort)));
      Files.writeString(conf.resolve("log4j.properties"), LOG4J_PROPERTIES);
      classpathArgs = conf.resolve("classpath.args");
      Files.writeString(
          classpathArgs,
          "-cp \""
              + classpath.stream()
                  .map(Path::toString)
                  .collect(Collectors.joining(File.pathSeparator))
              + "\"\n");
      rest = new Rest(restPort);
      ResourceParams jobManagerParams = resourceParams("GET_JM_RESOURCE_PARAMS");
      taskManagerParams = resourceParams("GET_TM_RESOURCE_PARAMS");
      List<String> jobManagerArgs = new ArrayList<>(List.of("--executionMode", "cluster"));
      jobManagerArgs.addAll(jobManagerParams.dynamicProperties());
      jobManager =
          launch("jobmanager", JOB_MANAGER_MAIN, jobManagerParams.jvmArgs(), jobManagerArgs);
      for (int i = 0; i < initialTaskManagers; i++) {
        startTaskManager();
      }
      awaitTaskManagers(initialTaskManagers, startTimeout);
    } catch (IOException | RuntimeException e) {
      failed = true;
      close();
      throw e;
    }
  }

  /** Kills every process; deletes the folder unless a test failed or it is to be kept. */
  @Override
  public synchronized void close() {
    if (folder == null) {
      return;
    }
    killAll();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // The JVM is shutting down: the hook runs anyway, and killing twice is harmless.
    }
    if (failed || keep) {
      System.err.println("Flink cluster folder kept, logs in " + logs);
    } else {
      deleteRecursively(folder);
    }
    folder = null;
    taskManagers.clear();
    uploadedJars.clear();
  }

  /** Keeps the cluster's folder (logs, checkpoints, savepoints) after {@link #close()}. */
  public void keepFolder() {
    keep = true;
  }

  /** The cluster's folder: {@code conf}, {@code log}, {@code checkpoints}, {@code savepoints}. */
  public Path folder() {
    return running().folder;
  }

  /** The folder of the processes' logs ({@code .log}) and console output ({@code .out}). */
  public Path logFolder() {
    return running().logs;
  }

  /** The folder where {@link ClusterJob#stopWithSavepoint} writes savepoints. */
  public Path savepointFolder() {
    return folder().resolve("savepoints");
  }

  /** The base URL of the JobManager's REST API and web UI, {@code http://localhost:<port>}. */
  public String restAddress() {
    return running().rest.base();
  }

  /**
   * The answer of a {@code GET} on the REST API, as JSON text; {@code path} starts with {@code /},
   * for example {@code /jobs/overview}. For what the typed methods do not cover.
   */
  public String restGet(String path) throws IOException {
    return running().rest.getText(path);
  }

  /**
   * Uploads the jar (once per file and modification time) and runs it.
   *
   * @throws IOException naming the REST answer if the cluster refused the jar or its main method
   *     failed (for example on a wrong argument)
   */
  public ClusterJob submit(JobSubmission submission) throws IOException {
    Rest api = running().rest;
    Path jar = submission.jar();
    String key = jar.toAbsolutePath() + "@" + Files.getLastModifiedTime(jar).toMillis();
    String jarId = uploadedJars.get(key);
    if (jarId == null) {
      jarId = api.uploadJar(jar);
      uploadedJars.put(key, jarId);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("programArgsList", submission.args());
    submission.entryClass().ifPresent(entry -> body.put("entryClass", entry));
    if (submission.parallelism().isPresent()) {
      body.put("parallelism", submission.parallelism().getAsInt());
    }
    submission
        .savepoint()
        .ifPresent(
            path -> {
              body.put("savepointPath", path);
              body.put("allowNonRestoredState", submission.allowNonRestoredState());
            });
    if (!submission.configuration().isEmpty()) {
      body.put("flinkConfiguration", submission.configuration());
    }
    JsonNode answer = api.post("/jars/" + jarId + "/run", body);
    String jobId = answer.path("jobid").asText();
    if (jobId.isEmpty()) {
      throw new IOException("running " + jar + " answered without a job id: " + answer);
    }
    return new ClusterJob(this, api, jobId);
  }

  /** Every TaskManager started so far, killed ones included, in start order. */
  public List<TaskManagerProcess> taskManagers() {
    return List.copyOf(taskManagers);
  }

  /**
   * The TaskManager with this resource id ({@code tm-1}, {@code tm-2}, ... in start order).
   *
   * @throws IllegalArgumentException naming the known ids
   */
  public TaskManagerProcess taskManager(String id) {
    return taskManagers.stream()
        .filter(tm -> tm.id().equals(id))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no TaskManager "
                        + id
                        + "; started: "
                        + taskManagers.stream().map(TaskManagerProcess::id).toList()));
  }

  /**
   * Starts one more TaskManager process, for example to replace a killed one. It registers with the
   * JobManager a few seconds later; see {@link #awaitTaskManagers(int, Duration)}.
   */
  public synchronized TaskManagerProcess startTaskManager() throws IOException {
    running();
    String id = "tm-" + nextTaskManager++;
    List<String> args = new ArrayList<>(taskManagerParams.dynamicProperties());
    args.addAll(List.of("-D", "taskmanager.resource-id=" + id));
    TaskManagerProcess started =
        new TaskManagerProcess(
            id,
            launch("taskmanager-" + id, TASK_MANAGER_MAIN, taskManagerParams.jvmArgs(), args),
            this);
    taskManagers.add(started);
    return started;
  }

  /** The resource ids of the TaskManagers that the JobManager currently counts as registered. */
  public Set<String> registeredTaskManagers() throws IOException {
    Set<String> ids = new TreeSet<>();
    for (JsonNode tm : running().rest.get("/taskmanagers").path("taskmanagers")) {
      ids.add(tm.path("id").asText());
    }
    return ids;
  }

  /**
   * Waits until exactly {@code count} TaskManagers are registered and every one of them is alive.
   * After a kill, the JobManager lists the dead one until its heartbeat times out.
   */
  public void awaitTaskManagers(int count, Duration timeout) throws IOException {
    Set<String> alive =
        taskManagers.stream()
            .filter(TaskManagerProcess::isAlive)
            .map(TaskManagerProcess::id)
            .collect(Collectors.toSet());
    awaitCondition(
        () -> {
          Set<String> registered = registeredTaskManagers();
          return registered.size() == count && alive.containsAll(registered);
        },
        timeout,
        () -> count + " registered TaskManagers (alive: " + alive + ")");
  }

  /** Polls {@code condition} every 200 ms until it holds, or fails naming the log folder. */
  void awaitCondition(Check condition, Duration timeout, Description what) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    IOException lastError = null;
    while (System.nanoTime() < deadline) {
      if (jobManager != null && !jobManager.isAlive()) {
        throw new IllegalStateException("the JobManager died; " + diagnostics());
      }
      try {
        if (condition.holds()) {
          return;
        }
        lastError = null;
      } catch (IOException e) {
        // The REST endpoint is not up yet, or briefly busy.
        lastError = e;
      }
      sleep(200);
    }
    IllegalStateException timedOut =
        new IllegalStateException(
            "timed out after "
                + timeout
                + " waiting for "
                + what.describe()
                + "; "
                + diagnostics());
    if (lastError != null) {
      timedOut.addSuppressed(lastError);
    }
    throw timedOut;
  }

  /** Where to look when something went wrong. */
  String diagnostics() {
    failed = true;
    return "cluster logs in " + logs;
  }

  Optional<String> taskManagerMetric(String id, String metric) throws IOException {
    JsonNode values = running().rest.get("/taskmanagers/" + id + "/metrics?get=" + metric);
    for (JsonNode value : values) {
      if (value.path("id").asText().equals(metric)) {
        return Optional.of(value.path("value").asText());
      }
    }
    return Optional.empty();
  }

  /** A condition that may ask the REST API. */
  @FunctionalInterface
  interface Check {
    boolean holds() throws IOException;
  }

  /** What a wait is for, computed only when it times out. */
  @FunctionalInterface
  interface Description {
    String describe() throws IOException;
  }

  private FlinkClusterExtension running() {
    if (folder == null) {
      throw new IllegalStateException(
          "the cluster is not running: register FlinkClusterExtension with @RegisterExtension on a"
              + " static field, or call start()");
    }
    return this;
  }

  private Map<String, String> configuration(int rpcPort, int restPort) {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("jobmanager.rpc.address", "localhost");
    config.put("jobmanager.rpc.port", Integer.toString(rpcPort));
    config.put("jobmanager.bind-host", "localhost");
    config.put("jobmanager.memory.process.size", "1024m");
    config.put("taskmanager.bind-host", "localhost");
    config.put("taskmanager.host", "localhost");
    config.put("taskmanager.numberOfTaskSlots", Integer.toString(slots));
    config.put("taskmanager.memory.process.size", "1600m");
    config.put("rest.address", "localhost");
    config.put("rest.bind-address", "localhost");
    config.put("rest.port", Integer.toString(restPort));
    config.put("parallelism.default", "1");
    config.put("heartbeat.interval", "1000");
    config.put("heartbeat.timeout", "5000");
    config.put("execution.checkpointing.dir", folder.resolve("checkpoints").toUri().toString());
    config.put(
        "execution.checkpointing.savepoint-dir", folder.resolve("savepoints").toUri().toString());
    config.put("io.tmp.dirs", folder.resolve("tmp").toString());
    config.put("web.upload.dir", folder.resolve("upload").toString());
    config.put("web.tmpdir", folder.resolve("web").toString());
    config.put("web.checkpoints.history", "1000");
    config.put("metrics.fetcher.update-interval", "1000");
    config.putAll(overrides);
    return config;
  }

  /** Flink's {@code config.yaml}: flat keys, every value a single-quoted YAML string. */
  static String yaml(Map<String, String> config) {
    StringBuilder out = new StringBuilder();
    config.forEach(
        (key, value) ->
            out.append(key).append(": '").append(value.replace("'", "''")).append("'\n"));
    return out.toString();
  }

  private ResourceParams resourceParams(String command) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(javaExecutable());
    cmd.add("@" + classpathArgs);
    cmd.addAll(List.of(BASH_JAVA_UTILS, command, "--configDir", conf.toString()));
    Process process =
        new ProcessBuilder(cmd).directory(folder.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IOException("BashJavaUtils " + command + " failed:\n" + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while computing memory settings", e);
    }
    return ResourceParams.parse(output);
  }

  private ClusterProcess launch(
      String name, String mainClass, List<String> jvmArgs, List<String> entryPointArgs)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(javaExecutable());
    command.addAll(jvmArgs);
    command.addAll(JAVA_17_OPTIONS);
    command.add("-Dlog.file=" + logs.resolve(name + ".log"));
    command.add("-Dlog4j.configurationFile=" + conf.resolve("log4j.properties").toUri());
    command.add("@" + classpathArgs);
    command.add(mainClass);
    command.addAll(List.of("--configDir", conf.toString()));
    command.addAll(entryPointArgs);
    return ClusterProcess.start(
        name, command, Map.of("FLINK_CONF_DIR", conf.toString()), folder, logs);
  }

  private void killAll() {
    for (TaskManagerProcess tm : taskManagers) {
      if (tm.isAlive()) {
        tm.process().kill();
      }
    }
    if (jobManager != null && jobManager.isAlive()) {
      jobManager.kill();
    }
  }

  private void checkClasspath() {
    URL[] urls =
        classpath.stream()
            .map(
                entry -> {
                  try {
                    return entry.toUri().toURL();
                  } catch (MalformedURLException e) {
                    throw new IllegalArgumentException("classpath entry " + entry, e);
                  }
                })
            .toArray(URL[]::new);
    try (URLClassLoader loader = new URLClassLoader(urls, null)) {
      if (loader.findResource(REST_JARS_CLASS) == null) {
        throw new IllegalStateException(
            "the cluster's classpath lacks org.apache.flink:flink-runtime-web, which serves the"
                + " REST /jars endpoints; add it to the test classpath (test scope)");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static void deleteRecursively(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      System.err.println("could not delete the Flink cluster folder " + root + ": " + e);
    }
  }

  /** Configures a {@link FlinkClusterExtension}; each setter may be called once. */
  @PublicEvolving
  public static final class Builder {
    private int taskManagers = 2;
    private int slots = 2;
    private List<Path> classpath;
    private final Map<String, String> configuration = new LinkedHashMap<>();
    private Path parentFolder;
    private Duration startTimeout;
    private final BuilderChecks.Assigned assigned = new BuilderChecks.Assigned();

    private Builder() {}

    /** TaskManager processes to start; default 2. */
    public Builder taskManagers(int count) {
      assigned.once("taskManagers", count);
      if (count < 1) {
        throw new IllegalArgumentException("taskManagers must be >= 1, was " + count);
      }
      this.taskManagers = count;
      return this;
    }

    /** Slots of each TaskManager ({@code taskmanager.numberOfTaskSlots}); default 2. */
    public Builder slotsPerTaskManager(int count) {
      assigned.once("slotsPerTaskManager", count);
      if (count < 1) {
        throw new IllegalArgumentException("slotsPerTaskManager must be >= 1, was " + count);
      }
      this.slots = count;
      return this;
    }

    /**
     * The classpath of every process; default {@link #testJvmClasspath()}. It must hold Flink's
     * runtime, {@code flink-runtime-web} and a log4j 2 binding.
     */
    public Builder classpath(List<Path> entries) {
      assigned.once("classpath", entries);
      Objects.requireNonNull(entries, "classpath");
      if (entries.isEmpty()) {
        throw new IllegalArgumentException("classpath must not be empty");
      }
      this.classpath = List.copyOf(entries);
      return this;
    }

    /**
     * Sets one key of the cluster's {@code config.yaml}, over the defaults; for example {@code
     * state.backend.type: rocksdb}. Each key may be set once.
     */
    public Builder configuration(String key, String value) {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
      BuilderChecks.notYetSet("configuration " + key, configuration.get(key));
      configuration.put(key, value);
      return this;
    }

    /** Where the cluster's folder is created; default {@code java.io.tmpdir}. */
    public Builder parentFolder(Path folder) {
      assigned.once("parentFolder", folder);
      this.parentFolder = Objects.requireNonNull(folder, "parentFolder");
      return this;
    }

    /** How long {@link #start()} waits for the TaskManagers to register; default 3 minutes. */
    public Builder startTimeout(Duration timeout) {
      assigned.once("startTimeout", timeout);
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("startTimeout must be positive, was " + timeout);
      }
      this.startTimeout = timeout;
      return this;
    }

    /** The extension; the cluster starts on {@link #start()} or before the first test. */
    public FlinkClusterExtension build() {
      if (classpath == null) {
        classpath = testJvmClasspath();
      }
      if (parentFolder == null) {
        parentFolder = Path.of(System.getProperty("java.io.tmpdir"));
      }
      if (startTimeout == null) {
        startTimeout = Duration.ofMinutes(3);
      }
      return new FlinkClusterExtension(this);
    }
  }
}
