/**
 * Connectors between recs and the outside world.
 *
 * <ul>
 *   <li>{@link io.recs.connectors.kafka}: {@code KafkaInteractionSource} and {@code RecsKafkaSink}.
 *   <li>{@link io.recs.connectors.file}: {@code FileInteractionSource} and {@code RecsFileSink},
 *       for local paths and {@code hdfs://}.
 *   <li>{@link io.recs.connectors.json}: {@code RecsJson}, the JSON form of every recs output,
 *       shared by the Kafka and file sinks.
 *   <li>{@link io.recs.parse.ParsedStreams}: what every source returns, interactions and dead
 *       letters.
 * </ul>
 *
 * <p>Formats are passed in: sources take an {@link io.recs.parse.InteractionParser}, sinks a {@link
 * io.recs.connectors.json.JsonFormat}. The I/O code never parses or formats records itself.
 */
package io.recs.connectors;
