/**
 * The JSON form of recs outputs: {@link io.recs.connectors.json.RecsJson} holds one {@link
 * io.recs.connectors.json.JsonFormat} per output type, shared by the Kafka and file sinks.
 */
package io.recs.connectors.json;
