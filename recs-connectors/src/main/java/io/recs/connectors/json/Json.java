package io.recs.connectors.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recs.event.ScoredItem;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The one ObjectMapper of the formats. The JSON is built as a tree, field by field, so that the
 * documented schema does not change when a Java record gains or renames a component.
 */
final class Json {
  // ObjectMapper is thread-safe once configured and not Serializable, hence static.
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static ArrayNode scoredItems(List<ScoredItem> items, boolean withBecause) {
    ArrayNode array = MAPPER.createArrayNode();
    for (ScoredItem item : items) {
      ObjectNode node = array.addObject().put("itemId", item.itemId()).put("score", item.score());
      if (withBecause) {
        ArrayNode because = node.putArray("because");
        item.because().forEach(because::add);
      }
    }
    return array;
  }

  static byte[] bytes(ObjectNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      // A tree of strings and numbers always serializes; reaching this is a bug.
      throw new UncheckedIOException(e);
    }
  }
}
