/**
 * A real Kafka broker for tests: {@link io.recs.testkit.kafka.EmbeddedKafkaExtension}, a JUnit 5
 * extension running one KRaft node in the test JVM, with helpers to create topics, produce and read
 * everything back (optionally {@code read_committed}).
 */
package io.recs.testkit.kafka;
