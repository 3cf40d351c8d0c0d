package io.recs.examples;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Where a bounded Kafka run (a backfill) stops, and the handover to the live run that follows: the
 * end offsets are read once before the job starts, the source stops exactly there, and when the job
 * has drained its input they are committed to the consumer group, so that a live run with {@code
 * --starting-offsets committed} and the same group continues after them.
 */
final class BackfillOffsets {
  private static final long TIMEOUT_SECONDS = 30;

  private BackfillOffsets() {}

  /** The end offset of every partition of {@code topic}. */
  static Map<TopicPartition, Long> endOffsets(
      String servers, Map<String, String> properties, String topic) throws Exception {
    try (Admin admin = Admin.create(config(servers, properties))) {
      TopicDescription description =
          admin
              .describeTopics(java.util.List.of(topic))
              .allTopicNames()
              .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
              .get(topic);
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      description
          .partitions()
          .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
      Map<TopicPartition, Long> ends = new HashMap<>();
      admin
          .listOffsets(latest)
          .all()
          .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
          .forEach((partition, info) -> ends.put(partition, info.offset()));
      return ends;
    }
  }

  /** Commits {@code offsets} as the group's position. */
  static void commit(
      String servers,
      Map<String, String> properties,
      String group,
      Map<TopicPartition, Long> offsets)
      throws Exception {
    Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
    offsets.forEach((partition, offset) -> commits.put(partition, new OffsetAndMetadata(offset)));
    try (Admin admin = Admin.create(config(servers, properties))) {
      admin.alterConsumerGroupOffsets(group, commits).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
  }

  /**
   * Whether {@code group} has committed at least {@code offsets} on every partition: the Kafka
   * source commits on completed checkpoints, so everything up to there is processed and its output
   * committed.
   */
  static boolean reached(
      String servers,
      Map<String, String> properties,
      String group,
      Map<TopicPartition, Long> offsets)
      throws Exception {
    try (Admin admin = Admin.create(config(servers, properties))) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin
              .listConsumerGroupOffsets(group)
              .partitionsToOffsetAndMetadata()
              .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      for (Map.Entry<TopicPartition, Long> end : offsets.entrySet()) {
        OffsetAndMetadata at = committed.get(end.getKey());
        if (end.getValue() > 0 && (at == null || at.offset() < end.getValue())) {
          return false;
        }
      }
      return true;
    }
  }

  private static Properties config(String servers, Map<String, String> properties) {
    Properties config = new Properties();
    config.putAll(properties);
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    return config;
  }
}
