package io.recs.connectors.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.recs.event.ScoredItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The one JsonFactory of the formats. Each format writes its documented schema field by field with
 * a streaming generator, so that the schema does not change when a Java record gains or renames a
 * component, and no tree is built per value: the file and Kafka sinks write every list of a run,
 * and building a tree of nodes for each was a third of the bundled job's output cost.
 */
final class Json {
  // Thread-safe once configured and not Serializable, hence static. The fast double writer
  // (Schubfach) writes the shortest decimal that reads back as the same double, as
  // Double.toString does since Java 19, at a fraction of Java 17's Double.toString cost.
  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();

  private Json() {}

  /** Writes the fields of one JSON object. */
  @FunctionalInterface
  interface Fields<T> {
    void write(T value, JsonGenerator json) throws IOException;
  }

  /** {@code value} as one JSON object in UTF-8, its fields written by {@code fields}. */
  static <T> byte[] object(T value, Fields<T> fields) {
    ByteArrayBuilder bytes = new ByteArrayBuilder(FACTORY._getBufferRecycler(), 512);
    try (JsonGenerator json = FACTORY.createGenerator(bytes)) {
      json.writeStartObject();
      fields.write(value, json);
      json.writeEndObject();
    } catch (IOException e) {
      // Strings and numbers into memory always serialize; reaching this is a bug.
      throw new UncheckedIOException(e);
    }
    byte[] result = bytes.toByteArray();
    bytes.release();
    return result;
  }

  /** The array field {@code name} of scored items, each with {@code because} if asked. */
  static void scoredItems(
      JsonGenerator json, String name, List<ScoredItem> items, boolean withBecause)
      throws IOException {
    json.writeArrayFieldStart(name);
    for (ScoredItem item : items) {
      json.writeStartObject();
      json.writeStringField("itemId", item.itemId());
      json.writeNumberField("score", item.score());
      if (withBecause) {
        json.writeArrayFieldStart("because");
        for (String because : item.because()) {
          json.writeString(because);
        }
        json.writeEndArray();
      }
      json.writeEndObject();
    }
    json.writeEndArray();
  }
}
