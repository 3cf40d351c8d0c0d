package io.recs.parse;

import java.util.List;

/** A column chosen by header name or by 0-based index, before it is resolved to an index. */
record CsvColumn(String name, int index) {

  static CsvColumn named(String name) {
    return new CsvColumn(name, -1);
  }

  static CsvColumn at(int index) {
    return new CsvColumn(null, index);
  }

  /**
   * The 0-based index.
   *
   * @param property the builder property, for messages, for example {@code userColumn}
   * @param header the header names, or null when none were given
   * @throws IllegalArgumentException naming the property and its value
   */
  int resolve(String property, List<String> header) {
    if (name == null) {
      if (index < 0) {
        throw new IllegalArgumentException(property + " must be >= 0, was " + index);
      }
      return index;
    }
    if (header == null) {
      throw new IllegalArgumentException(
          property + " '" + name + "' is a name, so header(...) must be set");
    }
    int found = header.indexOf(name);
    if (found < 0) {
      throw new IllegalArgumentException(property + " '" + name + "' is not in header " + header);
    }
    return found;
  }

  @Override
  public String toString() {
    return name == null ? Integer.toString(index) : "'" + name + "'";
  }
}
