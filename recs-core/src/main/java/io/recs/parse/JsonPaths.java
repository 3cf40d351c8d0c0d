package io.recs.parse;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * A tree of the dotted field paths a JSON parser reads, so that one pass over a document finds them
 * all: {@code event.user.id} and {@code event.item} share the node {@code event}.
 */
final class JsonPaths implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The field this node's value fills, or null for an inner node. */
  final JsonField field;

  /** The dotted path to this node, for messages. */
  final String path;

  private final Map<String, JsonPaths> children = new HashMap<>();

  private JsonPaths(JsonField field, String path) {
    this.field = field;
    this.path = path;
  }

  static JsonPaths root() {
    return new JsonPaths(null, "");
  }

  /** The child for a field name, or null if no configured path goes through it. */
  JsonPaths child(String name) {
    return children.get(name);
  }

  /**
   * The names of a dotted path, in order.
   *
   * @param property the builder property, for messages, for example {@code eventsField}
   * @throws IllegalArgumentException if the path is malformed
   */
  static String[] names(String property, String dottedPath) {
    check(property, dottedPath);
    return dottedPath.split("\\.", -1);
  }

  /** The node at the end of a path added before, or null if there is none. */
  JsonPaths find(String dottedPath) {
    JsonPaths node = this;
    for (String name : dottedPath.split("\\.", -1)) {
      node = node == null ? null : node.children.get(name);
    }
    return node;
  }

  private static void check(String property, String dottedPath) {
    if (dottedPath.isEmpty()
        || dottedPath.startsWith(".")
        || dottedPath.endsWith(".")
        || dottedPath.contains("..")) {
      throw new IllegalArgumentException(
          property
              + " must be a field name or a dotted path like event.user.id, was '"
              + dottedPath
              + "'");
    }
  }

  /**
   * Adds a path ending in {@code field}.
   *
   * @param property the builder property, for messages, for example {@code userField}
   * @throws IllegalArgumentException if the path is malformed or clashes with one added before
   */
  void add(String property, String dottedPath, JsonField field) {
    check(property, dottedPath);
    JsonPaths node = this;
    int start = 0;
    while (true) {
      int dot = dottedPath.indexOf('.', start);
      String name = dot < 0 ? dottedPath.substring(start) : dottedPath.substring(start, dot);
      String path = dot < 0 ? dottedPath : dottedPath.substring(0, dot);
      boolean last = dot < 0;
      JsonPaths child = node.children.get(name);
      if (child != null && (last || child.field != null)) {
        throw new IllegalArgumentException(
            property
                + " '"
                + dottedPath
                + "' clashes with the path '"
                + path
                + "' of "
                + (child.field != null ? child.field.property : "another field"));
      }
      if (child == null) {
        child = new JsonPaths(last ? field : null, path);
        node.children.put(name, child);
      }
      if (last) {
        return;
      }
      node = child;
      start = dot + 1;
    }
  }
}
