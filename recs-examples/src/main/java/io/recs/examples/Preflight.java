package io.recs.examples;

import static io.recs.examples.JobOptions.*;

import io.recs.config.EmitInterval;
import io.recs.config.RecsOption;
import io.recs.config.RecsSettings;
import io.recs.pipeline.PipelineOptions;
import io.recs.request.RequestOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;

/**
 * Checks a run's settings against each other and against the world before the job starts: input
 * paths exist, the output folder is free, Kafka answers with the given credentials and has the
 * input topic. Each problem is one {@link BadSettingException} naming the setting and its value.
 */
final class Preflight {
  private static final int KAFKA_TIMEOUT_MS = 10_000;

  private Preflight() {}

  /**
   * Checks {@code s}.
   *
   * @return the header names of the first input file when {@code csv.header} is set, else null
   */
  static List<String> check(RecsSettings s, boolean resuming) {
    checkSettings(s);
    Set<Sink> sinks = RunOutputs.sinks(s);
    boolean files = s.get(SOURCE) == Source.FILES;
    List<String> header = null;
    if (files) {
      List<String> inputs = s.get(INPUT);
      for (String input : inputs) {
        exists(input);
      }
      if (s.get(InputOptions.CSV_HEADER)) {
        header = header(inputs.get(0), s);
      }
    }
    if (!files || sinks.contains(Sink.KAFKA)) {
      String servers = s.get(BOOTSTRAP_SERVERS);
      Set<String> topics = kafkaTopics(servers, s.get(KAFKA_PROPERTIES));
      if (!files) {
        String topic = s.get(INPUT_TOPIC);
        if (!topics.contains(topic)) {
          throw new BadSettingException(
              INPUT_TOPIC.name()
                  + " '"
                  + topic
                  + "' does not exist on "
                  + servers
                  + " (or the login of "
                  + KAFKA_PROPERTIES.name()
                  + " may not describe it)");
        }
        mayRead(servers, s.get(KAFKA_PROPERTIES), topic);
      }
    }
    if (sinks.contains(Sink.FILES) && resuming) {
      refuse(
          s,
          "when the run resumes from a checkpoint (its output folder holds the run's committed"
              + " output; --restore none starts afresh)",
          OVERWRITE);
    } else if (sinks.contains(Sink.FILES)) {
      outputDir(s);
    }
    return header;
  }

  /**
   * The checks of {@link #check} that need neither files nor Kafka: settings that do not apply
   * together, and required settings that are missing.
   */
  static void checkSettings(RecsSettings s) {
    Set<Sink> sinks = RunOutputs.sinks(s);
    boolean files = s.get(SOURCE) == Source.FILES;
    if (files) {
      refuse(s, "with --source files", INPUT_TOPIC, GROUP_ID, STARTING_OFFSETS, BOUNDED);
    } else {
      refuse(s, "with --source kafka", INPUT, MONITOR_INTERVAL);
      refuse(
          s, "with --source kafka (Kafka offsets are not line numbers)", InputOptions.CSV_HEADER);
    }
    if (!sinks.contains(Sink.FILES)) {
      refuse(s, "without files in --sinks", OUTPUT_DIR, OVERWRITE, FILES_OUTPUTS, BUCKETING);
    }
    if (!sinks.contains(Sink.KAFKA)) {
      refuse(
          s,
          "without kafka in --sinks",
          KAFKA_OUTPUTS,
          RECOMMENDATIONS_TOPIC,
          SIMILAR_ITEMS_TOPIC,
          TRENDING_TOPIC,
          DEAD_LETTERS_TOPIC,
          INTERACTIONS_TOPIC,
          DELIVERY_GUARANTEE,
          TRANSACTIONAL_ID_PREFIX);
    }
    boolean unbounded = files ? s.get(MONITOR_INTERVAL) != null : !s.get(BOUNDED);
    if (unbounded && RequestOptions.finalOnly(s)) {
      throw new BadSettingException(
          RequestOptions.EMIT.name()
              + " final needs a bounded input, but "
              + unboundedBecause(s, files)
              + "; use per-event or interval:<duration>");
    }
    if (unbounded) {
      for (RecsOption<Duration> interval : PipelineOptions.EMIT_INTERVALS) {
        if (EmitInterval.endOfInput(s.get(interval))) {
          throw new BadSettingException(
              interval.name()
                  + " "
                  + EmitInterval.END
                  + " needs a bounded input, but "
                  + unboundedBecause(s, files)
                  + "; use a duration");
        }
      }
    }
    if (files) {
      required(s, INPUT, "with --source files");
    }
    if (!files || sinks.contains(Sink.KAFKA)) {
      required(s, BOOTSTRAP_SERVERS, "with Kafka as source or sink");
      if (!files) {
        required(s, INPUT_TOPIC, "with --source kafka");
      }
    }
  }

  /** The setting that makes the input unbounded, with its value. */
  private static String unboundedBecause(RecsSettings s, boolean files) {
    return files
        ? MONITOR_INTERVAL.name() + " is " + s.get(MONITOR_INTERVAL)
        : BOUNDED.name() + " is false";
  }

  private static void refuse(RecsSettings s, String context, RecsOption<?>... options) {
    for (RecsOption<?> option : options) {
      if (s.isSet(option)) {
        throw new BadSettingException(option.name() + " does not apply " + context + "; remove it");
      }
    }
  }

  private static <T> T required(RecsSettings s, RecsOption<T> option, String context) {
    T value = s.get(option);
    if (value == null) {
      throw new BadSettingException(option.name() + " is required " + context);
    }
    return value;
  }

  /** Fails in one line if {@code input} (a file or folder, local or on HDFS) does not exist. */
  static void exists(String input) {
    Path path = new Path(input);
    try {
      if (!path.getFileSystem().exists(path)) {
        throw new BadSettingException(INPUT.name() + " " + input + ": no such file or folder");
      }
    } catch (IOException e) {
      throw new BadSettingException(
          INPUT.name() + " " + input + " cannot be read: " + oneLine(e), e);
    }
  }

  /** The first line of the first file of {@code input}, split at the delimiter. */
  static List<String> header(String input, RecsSettings s) {
    try {
      Path path = new Path(input);
      FileSystem fs = path.getFileSystem();
      FileStatus status = fs.getFileStatus(path);
      if (status.isDir()) {
        FileStatus[] children = fs.listStatus(path);
        Arrays.sort(children, Comparator.comparing(c -> c.getPath().getName()));
        status =
            Arrays.stream(children)
                .filter(c -> !c.isDir() && !c.getPath().getName().startsWith("."))
                .findFirst()
                .orElseThrow(
                    () -> new BadSettingException(INPUT.name() + " " + input + " holds no file"));
      }
      try (BufferedReader reader =
          new BufferedReader(
              new InputStreamReader(fs.open(status.getPath()), StandardCharsets.UTF_8))) {
        String line = reader.readLine();
        if (line == null) {
          return List.of();
        }
        if (line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        char delimiter = InputFormats.delimiter(s);
        return Arrays.stream(
                line.split(java.util.regex.Pattern.quote(String.valueOf(delimiter)), -1))
            .map(name -> name.trim().replaceAll("^\"|\"$", ""))
            .toList();
      }
    } catch (IOException e) {
      throw new BadSettingException(
          INPUT.name() + " " + input + " cannot be read: " + oneLine(e), e);
    }
  }

  /**
   * Refuses an input topic that the login may see but not read (Kafka ACLs), which the source would
   * otherwise only find out about after the job started. Brokers that do not report the operations
   * a client may do are not asked further.
   */
  private static void mayRead(String servers, Map<String, String> properties, String topic) {
    try (Admin admin = Admin.create(adminConfig(servers, properties))) {
      Set<AclOperation> allowed =
          admin
              .describeTopics(
                  List.of(topic), new DescribeTopicsOptions().includeAuthorizedOperations(true))
              .allTopicNames()
              .get(KAFKA_TIMEOUT_MS, TimeUnit.MILLISECONDS)
              .get(topic)
              .authorizedOperations();
      if (allowed != null && !allowed.contains(AclOperation.READ)) {
        throw new BadSettingException(
            INPUT_TOPIC.name()
                + " '"
                + topic
                + "': Kafka at "
                + servers
                + " does not allow the login of "
                + KAFKA_PROPERTIES.name()
                + " to READ it (allowed: "
                + allowed.stream().map(AclOperation::name).sorted().toList()
                + "); grant READ on the topic and on the group");
      }
    } catch (ExecutionException e) {
      throw new BadSettingException(
          INPUT_TOPIC.name() + " '" + topic + "' on " + servers + ": " + oneLine(e.getCause()),
          e.getCause());
    } catch (TimeoutException e) {
      throw noBrokerAnswered(servers);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BadSettingException("interrupted while checking Kafka at " + servers);
    }
  }

  private static Properties adminConfig(String servers, Map<String, String> properties) {
    Properties config = new Properties();
    config.putAll(properties);
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, KAFKA_TIMEOUT_MS);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, KAFKA_TIMEOUT_MS);
    return config;
  }

  private static Set<String> kafkaTopics(String servers, Map<String, String> properties) {
    try (Admin admin = Admin.create(adminConfig(servers, properties))) {
      admin.describeCluster().nodes().get(KAFKA_TIMEOUT_MS, TimeUnit.MILLISECONDS);
      return admin.listTopics().names().get(KAFKA_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw noBrokerAnswered(servers);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof AuthenticationException) {
        throw new BadSettingException(
            "Kafka at "
                + servers
                + " refused the credentials of "
                + KAFKA_PROPERTIES.name()
                + ": "
                + oneLine(cause));
      }
      if (cause instanceof AuthorizationException) {
        throw new BadSettingException(
            "Kafka at "
                + servers
                + " denied access with "
                + KAFKA_PROPERTIES.name()
                + ": "
                + oneLine(cause));
      }
      if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
        throw noBrokerAnswered(servers);
      }
      throw new BadSettingException("Kafka at " + servers + ": " + oneLine(cause), cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BadSettingException("interrupted while checking Kafka at " + servers);
    } catch (org.apache.kafka.common.KafkaException e) {
      throw new BadSettingException(
          "Kafka client settings " + KAFKA_PROPERTIES.name() + " do not work: " + oneLine(e), e);
    }
  }

  private static void outputDir(RecsSettings s) {
    String dir = s.get(OUTPUT_DIR);
    try {
      Path path = new Path(dir);
      FileSystem fs = path.getFileSystem();
      if (!fs.exists(path)) {
        return;
      }
      FileStatus[] children = fs.listStatus(path);
      if (children == null || children.length == 0) {
        return;
      }
      if (!s.get(OVERWRITE)) {
        throw new BadSettingException(
            OUTPUT_DIR.name()
                + " "
                + dir
                + " is not empty ("
                + children.length
                + " entries): choose another folder, or set "
                + OVERWRITE.name()
                + " to replace the outputs of an earlier run");
      }
      for (Output output : Output.values()) {
        Path sub = new Path(path, output.label());
        if (fs.exists(sub)) {
          fs.delete(sub, true);
        }
      }
    } catch (IOException e) {
      throw new BadSettingException(OUTPUT_DIR.name() + " " + dir + ": " + oneLine(e), e);
    }
  }

  static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  private static BadSettingException noBrokerAnswered(String servers) {
    return new BadSettingException(
        BOOTSTRAP_SERVERS.name()
            + " "
            + servers
            + ": no Kafka broker answered within "
            + KAFKA_TIMEOUT_MS / 1000
            + " s");
  }
}
