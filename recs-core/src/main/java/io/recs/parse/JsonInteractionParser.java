package io.recs.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recs.config.BuilderChecks;
import io.recs.event.ActionWeights;
import io.recs.event.Interaction;
import io.recs.event.RecordOrigin;
import io.recs.event.RejectReason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.annotation.PublicEvolving;

/**
 * Parses JSON lines, one object per record, into interactions.
 *
 * <pre>{@code
 * // {"event": {"user": {"id": 42}, "item": "i7", "type": "click", "at": "2024-05-01T12:00:00Z"}}
 * InteractionParser parser = JsonInteractionParser.builder()
 *     .userField("event.user.id")
 *     .itemField("event.item")
 *     .actionField("event.type")
 *     .timestampField("event.at")
 *     .build();
 * }</pre>
 *
 * <p>Fields are found by name or by dotted path through nested objects, in one streaming pass
 * without building a tree; other fields are skipped. Ids and categories may be JSON strings or
 * numbers (an integral number is written without a fraction: {@code 42.0} becomes {@code "42"}).
 * The action is a string, the weight a number. A timestamp is a number in {@link
 * Builder#timestampFormat} or an ISO-8601 string. A missing or null weight means the action's
 * weight; a missing or null category means none.
 *
 * <p><b>Sessions.</b> With {@link Builder#eventsField}, a record holds an array of event objects
 * and becomes one interaction per event, as in OTTO's e-commerce sessions:
 *
 * <pre>{@code
 * // {"session": 12899779, "events": [{"aid": 59625, "ts": 1661724000278, "type": "clicks"}, ...]}
 * InteractionParser sessions = JsonInteractionParser.builder()
 *     .eventsField("events")
 *     .userField("session")          // not in the events: inherited from the record
 *     .itemField("aid")
 *     .timestampField("ts")
 *     .actionField("type")
 *     .actionMapping(Map.of("clicks", "click", "carts", "cart", "orders", "purchase"))
 *     .build();
 * }</pre>
 *
 * <p>Each field is looked up in the event first and, when missing or null there, in the enclosing
 * record, so that session-level values (the session id as user, a common timestamp) are inherited.
 * A record is accepted or rejected as a whole: if any event is bad, the record is one dead letter
 * whose detail names the event's 0-based index and the problem. A missing or null array is {@code
 * MISSING_FIELD}, an empty one {@code EMPTY}. Session records are read into a Jackson tree; records
 * without {@code eventsField} are read in one streaming pass, as above.
 *
 * <p>Defaults: fields {@code userId}, {@code itemId}, {@code action}, {@code timestamp} (as in
 * {@link Interaction}), no weight or category field, numeric timestamps in epoch milliseconds,
 * weights from {@link ActionWeights#defaults()}, records up to 64 KiB. Every record becomes its
 * interactions (exactly one without {@code eventsField}) or one dead letter; see {@link
 * InteractionParser}.
 */
@PublicEvolving
public final class JsonInteractionParser implements InteractionParser {
  private static final long serialVersionUID = 1L;

  private final RecordRules rules;
  private final JsonFactory factory =
      JsonFactory.builder().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();
  private final JsonPaths paths;
  private final Map<JsonField, String> fieldPaths;
  private final String fixedAction; // null when actions are read from the record
  private final TimestampFormat timestampUnit;
  private final TimestampPattern timestampPattern; // null: strings are ISO-8601
  private final String eventsPath; // null: one event per record, read without a tree
  private final String[] eventsNames;
  private final String[][] eventFieldNames; // per configured field: its path's names
  private final JsonPaths[] eventFieldNodes; // per configured field: the end of its path
  private final ObjectMapper mapper; // null without eventsPath

  private JsonInteractionParser(
      RecordRules rules,
      Map<JsonField, String> fieldPaths,
      String fixedAction,
      TimestampFormat timestampUnit,
      TimestampPattern timestampPattern,
      String eventsPath) {
    this.rules = rules;
    this.fieldPaths = fieldPaths;
    this.fixedAction = fixedAction;
    this.timestampUnit = timestampUnit;
    this.timestampPattern = timestampPattern;
    this.paths = JsonPaths.root();
    fieldPaths.forEach((field, path) -> paths.add(field.property, path, field));
    this.eventsPath = eventsPath;
    this.eventsNames = eventsPath == null ? null : JsonPaths.names("eventsField", eventsPath);
    this.eventFieldNames = new String[fieldPaths.size()][];
    this.eventFieldNodes = new JsonPaths[fieldPaths.size()];
    int i = 0;
    for (Map.Entry<JsonField, String> e : fieldPaths.entrySet()) {
      eventFieldNames[i] = JsonPaths.names(e.getKey().property, e.getValue());
      eventFieldNodes[i++] = paths.find(e.getValue());
    }
    this.mapper = eventsPath == null ? null : new ObjectMapper(factory);
  }

  /** A builder; see the class comment for the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public ParseResult parse(byte[] record, RecordOrigin origin) {
    if (eventsPath != null) {
      return rules.parseAll(record, origin, RejectReason.MALFORMED_JSON, this::parseSession);
    }
    return rules.parse(record, origin, RejectReason.MALFORMED_JSON, this::parseJson);
  }

  private Interaction parseJson(byte[] record) {
    Values values = new Values();
    try (JsonParser parser = factory.createParser(record)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new Reject(RejectReason.MALFORMED_JSON, "record is not a JSON object");
      }
      readObject(parser, paths, values);
      if (parser.nextToken() != null) {
        throw new Reject(RejectReason.MALFORMED_JSON, "text after the JSON object");
      }
    } catch (JsonProcessingException e) { // also exceeded nesting limits
      throw new Reject(RejectReason.MALFORMED_JSON, describe(e));
    } catch (IOException e) { // declared by the API, not expected when reading a byte array
      throw new Reject(RejectReason.MALFORMED_JSON, e.toString());
    }
    return interaction(values);
  }

  private List<Interaction> parseSession(byte[] record) {
    JsonNode root;
    try (JsonParser parser = factory.createParser(record)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new Reject(RejectReason.MALFORMED_JSON, "record is not a JSON object");
      }
      root = mapper.readTree(parser);
      if (parser.nextToken() != null) {
        throw new Reject(RejectReason.MALFORMED_JSON, "text after the JSON object");
      }
    } catch (JsonProcessingException e) { // also exceeded nesting limits
      throw new Reject(RejectReason.MALFORMED_JSON, describe(e));
    } catch (IOException e) { // declared by the API, not expected when reading a byte array
      throw new Reject(RejectReason.MALFORMED_JSON, e.toString());
    }
    Values found = new Values();
    JsonNode events = find(root, eventsNames, found);
    if (found.problem != null) {
      throw found.problem;
    }
    if (events == null) {
      throw new Reject(
          RejectReason.MISSING_FIELD, "eventsField '" + eventsPath + "' is missing or null");
    }
    if (!events.isArray()) {
      throw new Reject(
          RejectReason.WRONG_TYPE,
          "field '" + eventsPath + "' must be an array, was " + Values.describe(events.asToken()));
    }
    if (events.isEmpty()) {
      throw new Reject(
          RejectReason.EMPTY, "eventsField '" + eventsPath + "' is an empty array: no events");
    }
    List<Interaction> interactions = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) {
      try {
        interactions.add(event(root, events.get(i)));
      } catch (Reject r) {
        throw new Reject(
            r.reason(),
            "event " + i + " of " + events.size() + " in '" + eventsPath + "': " + r.detail());
      } catch (IOException e) { // declared by the API, not expected when reading a tree
        throw new Reject(RejectReason.MALFORMED_JSON, "event " + i + ": " + e);
      }
    }
    return interactions;
  }

  /** One event of a session: its own fields, or else the enclosing record's. */
  private Interaction event(JsonNode root, JsonNode event) throws IOException {
    if (!event.isObject()) {
      throw new Reject(
          RejectReason.WRONG_TYPE,
          "an event must be an object, was " + Values.describe(event.asToken()));
    }
    Values values = new Values();
    for (int i = 0; i < eventFieldNames.length; i++) {
      JsonNode value = find(event, eventFieldNames[i], values);
      if (value == null) {
        value = find(root, eventFieldNames[i], values);
      }
      if (value != null) {
        JsonParser parser = value.traverse();
        read(parser, parser.nextToken(), eventFieldNodes[i], values);
      }
    }
    return interaction(values);
  }

  /**
   * The value at {@code names} under {@code node}, or null when it is missing or null; an inner
   * value that is not an object is a type error recorded in {@code values}.
   */
  private static JsonNode find(JsonNode node, String[] names, Values values) {
    JsonNode current = node;
    for (int i = 0; i < names.length; i++) {
      if (!current.isObject()) {
        values.wrongType(
            String.join(".", List.of(names).subList(0, i)), "an object", current.asToken());
        return null;
      }
      current = current.get(names[i]);
      if (current == null || current.isNull()) {
        return null;
      }
    }
    return current;
  }

  /** The interaction of what one event's fields hold, in the order of the checks. */
  private Interaction interaction(Values values) {
    if (values.problem != null) {
      throw values.problem;
    }
    String userText = required(values.user, JsonField.USER);
    String itemText = required(values.item, JsonField.ITEM);
    String actionText =
        fixedAction != null ? fixedAction : required(values.action, JsonField.ACTION);
    if (!values.hasTimestamp) {
      throw missing(JsonField.TIMESTAMP);
    }
    String user = RecordRules.id("userId", userText);
    String item = RecordRules.id("itemId", itemText);
    String action = rules.action(actionText);
    double weight = values.hasWeight ? values.weight : rules.weightOf(action);
    if (values.weightText != null) {
      throw RecordRules.invalidWeight(values.weightText);
    }
    if (values.timestampText != null) {
      throw new Reject(
          RejectReason.INVALID_TIMESTAMP,
          "timestamp is not "
              + (!values.timestampIsString
                  ? timestampUnit.description()
                  : timestampPattern != null
                      ? timestampPattern.description()
                      : TimestampFormat.ISO_8601.description())
              + ": '"
              + values.timestampText
              + "'");
    }
    long timestamp = RecordRules.timestamp(values.timestamp);
    return new Interaction(
        user, item, action, weight, timestamp, RecordRules.category(values.category));
  }

  private void readObject(JsonParser parser, JsonPaths node, Values values) throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      JsonPaths child = node.child(parser.currentName());
      JsonToken token = parser.nextToken();
      if (child == null) {
        parser.skipChildren();
      } else if (child.field != null) {
        read(parser, token, child, values);
      } else if (token == JsonToken.START_OBJECT) {
        readObject(parser, child, values);
      } else {
        values.wrongType(child.path, "an object", token);
        parser.skipChildren();
      }
    }
  }

  private void read(JsonParser parser, JsonToken token, JsonPaths node, Values values)
      throws IOException {
    switch (node.field) {
      case USER -> values.user = idText(parser, token, node, values);
      case ITEM -> values.item = idText(parser, token, node, values);
      case CATEGORY -> values.category = idText(parser, token, node, values);
      case ACTION -> {
        if (token == JsonToken.VALUE_STRING
            || (token == JsonToken.VALUE_NUMBER_INT && rules.mapsActions())) {
          values.action = parser.getText();
        } else if (token != JsonToken.VALUE_NULL) {
          values.wrongType(node.path, "a string", token);
        }
      }
      case WEIGHT -> readWeight(parser, token, node, values);
      case TIMESTAMP -> readTimestamp(parser, token, node, values);
    }
    parser.skipChildren();
  }

  private static String idText(JsonParser parser, JsonToken token, JsonPaths node, Values values)
      throws IOException {
    switch (token) {
      case VALUE_STRING, VALUE_NUMBER_INT:
        return parser.getText();
      case VALUE_NUMBER_FLOAT:
        double value = parser.getDoubleValue();
        boolean integral = value == Math.rint(value) && Math.abs(value) < 1e15;
        return integral ? Long.toString((long) value) : parser.getText();
      case VALUE_NULL:
        return null;
      default:
        values.wrongType(node.path, "a string or a number", token);
        return null;
    }
  }

  private static void readWeight(JsonParser parser, JsonToken token, JsonPaths node, Values values)
      throws IOException {
    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
      double weight = parser.getDoubleValue();
      values.hasWeight = true;
      values.weight = weight;
      values.weightText = RecordRules.isValidWeight(weight) ? null : parser.getText();
    } else if (token != JsonToken.VALUE_NULL) {
      values.wrongType(node.path, "a number", token);
    }
  }

  private void readTimestamp(JsonParser parser, JsonToken token, JsonPaths node, Values values)
      throws IOException {
    values.hasTimestamp = token != JsonToken.VALUE_NULL;
    values.timestampText = null;
    values.timestampIsString = false;
    switch (token) {
      case VALUE_NUMBER_INT -> {
        boolean fitsLong = parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER;
        long value = fitsLong ? parser.getLongValue() : Long.MAX_VALUE;
        if (!fitsLong && parser.getText().startsWith("-")) {
          value = Long.MIN_VALUE + 1;
        }
        values.timestamp = timestampUnit.epochToMillis(value);
      }
      case VALUE_NUMBER_FLOAT -> {
        double value = parser.getDoubleValue();
        if (value == Math.rint(value) && Math.abs(value) < 9e18) {
          values.timestamp = timestampUnit.epochToMillis((long) value);
        } else {
          values.timestampText = parser.getText();
        }
      }
      case VALUE_STRING -> {
        long millis = Iso8601.UNREADABLE;
        if (timestampPattern != null) {
          try {
            millis = timestampPattern.parse(parser.getText());
          } catch (Reject notMatching) {
            // reported in the order of the checks, once the whole record is read
          }
        } else {
          byte[] text = parser.getText().getBytes(StandardCharsets.UTF_8);
          millis = Iso8601.parse(text, 0, text.length);
        }
        if (millis == Iso8601.UNREADABLE) {
          values.timestampText = parser.getText();
          values.timestampIsString = true;
        } else {
          values.timestamp = millis;
        }
      }
      case VALUE_NULL -> {}
      default ->
          values.wrongType(
              node.path,
              "a number or " + (timestampPattern != null ? "a string" : "an ISO-8601 string"),
              token);
    }
  }

  private String required(String value, JsonField field) {
    if (value == null) {
      throw missing(field);
    }
    return value;
  }

  private Reject missing(JsonField field) {
    return new Reject(
        RejectReason.MISSING_FIELD,
        field.defaultPath + " field '" + fieldPaths.get(field) + "' is missing or null");
  }

  private static String describe(JsonProcessingException e) {
    JsonLocation where = e.getLocation();
    return e.getOriginalMessage()
        + (where == null ? "" : " (at column " + where.getColumnNr() + ")");
  }

  /** What one pass over a document found; the first type error wins. */
  private static final class Values {
    String user;
    String item;
    String action;
    String category;
    boolean hasWeight;
    double weight;
    String weightText; // the weight as written, when it is not a valid weight
    boolean hasTimestamp;
    long timestamp;
    String timestampText; // the timestamp as written, when it cannot be read
    boolean timestampIsString;
    Reject problem;

    void wrongType(String path, String expected, JsonToken found) {
      if (problem == null) {
        problem =
            new Reject(
                RejectReason.WRONG_TYPE,
                "field '" + path + "' must be " + expected + ", was " + describe(found));
      }
    }

    static String describe(JsonToken token) {
      return switch (token) {
        case START_OBJECT -> "an object";
        case START_ARRAY -> "an array";
        case VALUE_TRUE, VALUE_FALSE -> "a boolean";
        case VALUE_STRING -> "a string";
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
        default -> token.toString();
      };
    }
  }

  /**
   * Builds a {@link JsonInteractionParser}: the settings of every parser ({@link ParserBuilder})
   * and the JSON paths; every property may be set once, and {@link #build()} checks the
   * combination. The {@link #timestampFormat} is the unit of numeric timestamps (an epoch unit);
   * string timestamps are read as ISO-8601, or in the {@link #timestampPattern} if set.
   */
  public static final class Builder extends ParserBuilder<Builder> {
    private final Map<JsonField, String> fields = new EnumMap<>(JsonField.class);
    private String eventsField;

    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /** The field or dotted path of the user id; {@code userId} by default. */
    public Builder userField(String path) {
      return field(JsonField.USER, path);
    }

    /** The field or dotted path of the item id; {@code itemId} by default. */
    public Builder itemField(String path) {
      return field(JsonField.ITEM, path);
    }

    /**
     * The field or dotted path of the action; {@code action} by default, unless {@link
     * #fixedAction}.
     */
    public Builder actionField(String path) {
      return field(JsonField.ACTION, path);
    }

    /** The field or dotted path of the weight; none by default (the action's weight is used). */
    public Builder weightField(String path) {
      return field(JsonField.WEIGHT, path);
    }

    /** The field or dotted path of the event time; {@code timestamp} by default. */
    public Builder timestampField(String path) {
      return field(JsonField.TIMESTAMP, path);
    }

    /** The field or dotted path of the item's category; none by default. */
    public Builder categoryField(String path) {
      return field(JsonField.CATEGORY, path);
    }

    /**
     * The field or dotted path of an array of event objects: each record becomes one interaction
     * per event (see the class comment). None by default: a record is one event.
     */
    public Builder eventsField(String path) {
      eventsField = BuilderChecks.setOnce("eventsField", eventsField, path);
      return this;
    }

    private Builder field(JsonField field, String path) {
      fields.put(field, BuilderChecks.setOnce(field.property, fields.get(field), path));
      return this;
    }

    /**
     * The parser.
     *
     * @throws IllegalArgumentException naming the property and value that are invalid or in
     *     conflict
     */
    public JsonInteractionParser build() {
      TimestampFormat unit =
          timestampFormat == null ? TimestampFormat.EPOCH_MILLIS : timestampFormat;
      if (unit == TimestampFormat.ISO_8601) {
        throw new IllegalArgumentException(
            "timestampFormat must be an epoch unit (strings are read as ISO-8601 or in the"
                + " timestampPattern), was ISO_8601");
      }
      if (fixedAction != null && fields.containsKey(JsonField.ACTION)) {
        throw new IllegalArgumentException(
            "only one of actionField / fixedAction may be set, was actionField='"
                + fields.get(JsonField.ACTION)
                + "', fixedAction='"
                + fixedAction
                + "'");
      }
      Map<JsonField, String> paths = new EnumMap<>(fields);
      for (JsonField required :
          new JsonField[] {JsonField.USER, JsonField.ITEM, JsonField.TIMESTAMP}) {
        paths.putIfAbsent(required, required.defaultPath);
      }
      if (fixedAction == null) {
        paths.putIfAbsent(JsonField.ACTION, JsonField.ACTION.defaultPath);
      }
      if (eventsField != null) {
        JsonPaths.names("eventsField", eventsField);
        for (Map.Entry<JsonField, String> e : paths.entrySet()) {
          String path = e.getValue();
          if (path.equals(eventsField)
              || path.startsWith(eventsField + ".")
              || eventsField.startsWith(path + ".")) {
            throw new IllegalArgumentException(
                "eventsField '"
                    + eventsField
                    + "' clashes with "
                    + e.getKey().property
                    + " '"
                    + path
                    + "': event fields are paths inside each event");
          }
        }
      }
      RecordRules rules = rules("an actionField");
      String action = fixedAction == null ? null : ActionWeights.normalize(fixedAction);
      return new JsonInteractionParser(rules, paths, action, unit, timestampPattern, eventsField);
    }
  }
}
