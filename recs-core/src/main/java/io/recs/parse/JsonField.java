package io.recs.parse;

/** The values a JSON parser reads, with the builder property that names each one's path. */
enum JsonField {
  USER("userField", "userId"),
  ITEM("itemField", "itemId"),
  ACTION("actionField", "action"),
  WEIGHT("weightField", "weight"),
  TIMESTAMP("timestampField", "timestamp"),
  CATEGORY("categoryField", "category");

  final String property;
  final String defaultPath;

  JsonField(String property, String defaultPath) {
    this.property = property;
    this.defaultPath = defaultPath;
  }
}
