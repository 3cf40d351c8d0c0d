package io.recs.testkit.internal;

import org.apache.flink.annotation.Internal;

/**
 * The testkit's optional parts: their dependencies are {@code <optional>} in recs-testkit's pom, so
 * that a test of the driver and the assertions alone gets no Kafka broker, Hadoop minicluster or
 * RocksDB on its classpath. An extension that needs one checks for it first and names the artifact
 * to add, in one line, instead of failing later with a {@code NoClassDefFoundError}.
 */
@Internal
public final class OptionalParts {
  /** What {@code EmbeddedKafkaExtension} needs: Kafka's in-process broker. */
  public static final String KAFKA_CLASS = "org.apache.kafka.common.test.KafkaClusterTestKit";

  /** The artifact that holds {@link #KAFKA_CLASS}. */
  public static final String KAFKA_ARTIFACT = "org.apache.kafka:kafka-test-common-runtime";

  /** What {@code EmbeddedHdfsExtension} needs: Hadoop's minicluster. */
  public static final String HDFS_CLASS = "org.apache.hadoop.hdfs.MiniDFSCluster";

  /** The artifacts that hold {@link #HDFS_CLASS} and the Hadoop client it runs on. */
  public static final String HDFS_ARTIFACT =
      "org.apache.hadoop:hadoop-client-minicluster (with hadoop-client-api and"
          + " hadoop-client-runtime of the same version)";

  private OptionalParts() {}

  /**
   * Fails unless {@code className} can be loaded.
   *
   * @param user the type that needs it, named in the message
   * @throws IllegalStateException naming the artifact to add in test scope
   */
  public static void require(Class<?> user, String className, String artifact) {
    try {
      Class.forName(className, false, user.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalStateException(
          user.getSimpleName()
              + " needs "
              + artifact
              + " on the test classpath: it is an optional dependency of recs-testkit, add it"
              + " in test scope (docs/testing.md); "
              + className
              + " was not found");
    }
  }
}
