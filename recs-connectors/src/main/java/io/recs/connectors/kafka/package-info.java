/**
 * Kafka in and out: {@link io.recs.connectors.kafka.KafkaInteractionSource} reads interactions with
 * an {@link io.recs.parse.InteractionParser} and returns interactions and dead letters; {@link
 * io.recs.connectors.kafka.RecsKafkaSink} writes any recs output as keyed JSON with a configurable
 * delivery guarantee. See {@code docs/connectors/kafka.md}.
 */
package io.recs.connectors.kafka;
