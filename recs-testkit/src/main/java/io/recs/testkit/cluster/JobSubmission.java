package io.recs.testkit.cluster;

import static io.recs.config.BuilderChecks.notYetSet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.flink.annotation.PublicEvolving;

/**
 * A job jar and how to run it on a {@link FlinkClusterExtension}: what {@code flink run} takes on
 * its command line, sent to the REST API ({@code POST /jars/{id}/run}).
 *
 * <pre>{@code
 * JobSubmission resume = JobSubmission.builder(jar)
 *     .args("kafka-to-kafka", "--bootstrap-servers", kafka, "--input-topic", "in")
 *     .parallelism(4)
 *     .fromSavepoint(savepoint)
 *     .configuration("state.backend.type", "rocksdb")
 *     .build();
 * }</pre>
 */
@PublicEvolving
public final class JobSubmission {
  private final Path jar;
  private final List<String> args;
  private final String entryClass;
  private final Integer parallelism;
  private final String savepoint;
  private final boolean allowNonRestoredState;
  private final Map<String, String> configuration;

  private JobSubmission(Builder builder) {
    this.jar = builder.jar;
    this.args = List.copyOf(builder.args);
    this.entryClass = builder.entryClass;
    this.parallelism = builder.parallelism;
    this.savepoint = builder.savepoint;
    this.allowNonRestoredState = builder.allowNonRestoredState;
    this.configuration = Map.copyOf(builder.configuration);
  }

  /** A builder for the given jar file. */
  public static Builder builder(Path jar) {
    return new Builder(jar);
  }

  /** The jar file. */
  public Path jar() {
    return jar;
  }

  /** The program arguments. */
  public List<String> args() {
    return args;
  }

  /** The main class, if not the jar manifest's. */
  public Optional<String> entryClass() {
    return Optional.ofNullable(entryClass);
  }

  /** The default parallelism of the job, if not the cluster's. */
  public OptionalInt parallelism() {
    return parallelism == null ? OptionalInt.empty() : OptionalInt.of(parallelism);
  }

  /** The savepoint or retained checkpoint to restore from, if any. */
  public Optional<String> savepoint() {
    return Optional.ofNullable(savepoint);
  }

  /** Whether state of operators that the job no longer has may be dropped on restore. */
  public boolean allowNonRestoredState() {
    return allowNonRestoredState;
  }

  /** Configuration of this job, over the cluster's. */
  public Map<String, String> configuration() {
    return configuration;
  }

  /** Builds a {@link JobSubmission}; each setter may be called once. */
  @PublicEvolving
  public static final class Builder {
    private final Path jar;
    private List<String> args;
    private String entryClass;
    private Integer parallelism;
    private String savepoint;
    private boolean allowNonRestoredState;
    private final Map<String, String> configuration = new LinkedHashMap<>();

    private Builder(Path jar) {
      Objects.requireNonNull(jar, "jar");
      if (!Files.isRegularFile(jar)) {
        throw new IllegalArgumentException("jar " + jar.toAbsolutePath() + " is not a file");
      }
      this.jar = jar;
    }

    /** The program arguments; default none. */
    public Builder args(String... args) {
      return args(List.of(args));
    }

    /** The program arguments; default none. */
    public Builder args(List<String> args) {
      notYetSet("args", this.args);
      this.args = List.copyOf(args);
      return this;
    }

    /** The main class; default the {@code Main-Class} of the jar's manifest. */
    public Builder entryClass(String className) {
      notYetSet("entryClass", entryClass);
      this.entryClass = Objects.requireNonNull(className, "entryClass");
      return this;
    }

    /** The job's default parallelism; default the cluster's ({@code parallelism.default}). */
    public Builder parallelism(int parallelism) {
      notYetSet("parallelism", this.parallelism);
      if (parallelism < 1) {
        throw new IllegalArgumentException("parallelism must be >= 1, was " + parallelism);
      }
      this.parallelism = parallelism;
      return this;
    }

    /** Restores the job from this savepoint or retained checkpoint (a path or URI). */
    public Builder fromSavepoint(String path) {
      notYetSet("savepoint", savepoint);
      this.savepoint = Objects.requireNonNull(path, "savepoint");
      return this;
    }

    /** Lets the restore drop state of operators that the job no longer has; default off. */
    public Builder allowNonRestoredState() {
      this.allowNonRestoredState = true;
      return this;
    }

    /** One configuration key of this job, for example {@code state.backend.type: rocksdb}. */
    public Builder configuration(String key, String value) {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
      notYetSet("configuration " + key, configuration.get(key));
      configuration.put(key, value);
      return this;
    }

    /** The submission. */
    public JobSubmission build() {
      if (args == null) {
        args = List.of();
      }
      if (allowNonRestoredState && savepoint == null) {
        throw new IllegalArgumentException("allowNonRestoredState needs fromSavepoint");
      }
      return new JobSubmission(this);
    }
  }
}
