package io.recs.parse;

import io.recs.config.BuilderChecks;
import io.recs.event.ActionWeights;
import io.recs.event.Interaction;
import io.recs.event.RecordOrigin;
import io.recs.event.RejectReason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.annotation.PublicEvolving;

/**
 * Parses delimited records (CSV, TSV) into interactions.
 *
 * <pre>{@code
 * InteractionParser parser = CsvInteractionParser.builder()
 *     .header("user", "item", "event", "ts")   // records equal to this line are HEADER rejects
 *     .userColumn("user")
 *     .itemColumn("item")
 *     .actionColumn("event")
 *     .timestampColumn("ts")
 *     .timestampFormat(TimestampFormat.EPOCH_SECONDS)
 *     .build();
 * }</pre>
 *
 * <p>Columns are chosen by header name (then {@link Builder#header} is required) or by 0-based
 * index. With a header every record must have exactly as many columns as the header; without one,
 * at least as many as the highest chosen index needs. Fields may be quoted as in RFC 4180 ({@code
 * "a ""quoted"" word"}). A trailing line break and a leading UTF-8 byte order mark are ignored; ids
 * and categories are stripped of surrounding whitespace.
 *
 * <p>Timestamps are read in a {@link TimestampFormat} or, with {@link Builder#timestampPattern}, in
 * a {@link java.time.format.DateTimeFormatter} pattern. Raw action values can be mapped to action
 * names with {@link Builder#actionMapping}. For files whose first line is a header of unknown
 * content, {@link Builder#firstLineIsHeader()} rejects the line at offset 0.
 *
 * <p>Defaults: delimiter {@code ','}, no header, timestamps in {@link
 * TimestampFormat#EPOCH_MILLIS}, weight from {@link ActionWeights#defaults()}, records up to 64
 * KiB. The user, item and timestamp columns are required, and exactly one of an action column and a
 * fixed action. Every record becomes exactly one interaction or one dead letter; see {@link
 * InteractionParser}.
 */
@PublicEvolving
public final class CsvInteractionParser implements InteractionParser {
  private static final long serialVersionUID = 1L;
  private static final int NONE = -1;
  private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final RecordRules rules;
  private final byte delimiter;
  private final byte[][] header; // null: records are never compared with a header
  private final int userColumn;
  private final int itemColumn;
  private final int actionColumn;
  private final String fixedAction; // null when actionColumn is set
  private final int weightColumn;
  private final int timestampColumn;
  private final int categoryColumn;
  private final TimestampFormat timestampFormat;
  private final TimestampPattern timestampPattern; // null: timestampFormat is used
  private final boolean firstLineIsHeader;
  private final int requiredColumns; // exact with a header, a minimum without one
  private final int keptColumns;

  private CsvInteractionParser(Builder b, RecordRules rules, Map<String, Integer> columns) {
    this.rules = rules;
    this.delimiter = (byte) b.delimiter.charValue();
    this.header = b.header == null ? null : encode(b.header);
    this.userColumn = columns.get("userColumn");
    this.itemColumn = columns.get("itemColumn");
    this.actionColumn = columns.getOrDefault("actionColumn", NONE);
    this.fixedAction = b.fixedAction == null ? null : ActionWeights.normalize(b.fixedAction);
    this.weightColumn = columns.getOrDefault("weightColumn", NONE);
    this.timestampColumn = columns.get("timestampColumn");
    this.categoryColumn = columns.getOrDefault("categoryColumn", NONE);
    this.timestampFormat = b.timestampFormat;
    this.timestampPattern = b.timestampPattern;
    this.firstLineIsHeader = b.firstLineIsHeader != null;
    int highest = columns.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
    this.requiredColumns = header != null ? header.length : highest + 1;
    this.keptColumns = Math.max(requiredColumns, highest + 1);
  }

  /** A builder; see the class comment for the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public ParseResult parse(byte[] record, RecordOrigin origin) {
    if (firstLineIsHeader && record != null && origin != null && origin.offset() == 0) {
      return ParseResult.rejected(
          RecordRules.reject(
              RejectReason.HEADER,
              "record is at offset 0, the header line (firstLineIsHeader)",
              record,
              origin));
    }
    return rules.parse(record, origin, RejectReason.MALFORMED_CSV, this::parseFields);
  }

  private Interaction parseFields(byte[] record) {
    int from = startsWithByteOrderMark(record) ? BYTE_ORDER_MARK.length : 0;
    int to = record.length;
    while (to > from && (record[to - 1] == '\n' || record[to - 1] == '\r')) {
      to--;
    }
    CsvFields fields = CsvFields.split(record, from, to, delimiter, keptColumns);
    if (header != null && fields.equalTo(header)) {
      throw new Reject(RejectReason.HEADER, "record is the header line");
    }
    if (header != null ? fields.count() != requiredColumns : fields.count() < requiredColumns) {
      throw new Reject(
          RejectReason.MALFORMED_CSV,
          "expected "
              + (header != null ? "" : "at least ")
              + requiredColumns
              + " columns, found "
              + fields.count());
    }
    String user = RecordRules.id("userId", fields.string(userColumn));
    String item = RecordRules.id("itemId", fields.string(itemColumn));
    String action = rules.action(fixedAction != null ? fixedAction : fields.string(actionColumn));
    double weight = weightColumn == NONE ? Double.NaN : weightField(record, fields);
    if (Double.isNaN(weight)) {
      weight = rules.weightOf(action);
    }
    int timestampFrom = fields.start(timestampColumn);
    int timestampTo = fields.end(timestampColumn);
    long timestamp =
        RecordRules.timestamp(
            timestampPattern != null
                ? timestampPattern.parse(record, timestampFrom, timestampTo)
                : timestampFormat.parse(record, timestampFrom, timestampTo));
    String category =
        categoryColumn == NONE ? null : RecordRules.category(fields.string(categoryColumn));
    return new Interaction(user, item, action, weight, timestamp, category);
  }

  /** The weight column's value, or NaN when the field is empty. */
  private double weightField(byte[] record, CsvFields fields) {
    if (fields.isEmpty(weightColumn)) {
      return Double.NaN;
    }
    double weight =
        Numbers.parseDouble(record, fields.start(weightColumn), fields.end(weightColumn));
    if (!RecordRules.isValidWeight(weight)) {
      throw RecordRules.invalidWeight(fields.string(weightColumn));
    }
    return weight;
  }

  private static boolean startsWithByteOrderMark(byte[] record) {
    return record.length >= 3
        && record[0] == BYTE_ORDER_MARK[0]
        && record[1] == BYTE_ORDER_MARK[1]
        && record[2] == BYTE_ORDER_MARK[2];
  }

  private static byte[][] encode(List<String> names) {
    byte[][] encoded = new byte[names.size()][];
    for (int i = 0; i < encoded.length; i++) {
      encoded[i] = names.get(i).getBytes(StandardCharsets.UTF_8);
    }
    return encoded;
  }

  /**
   * Builds a {@link CsvInteractionParser}: the settings of every parser ({@link ParserBuilder}) and
   * the CSV layout; every property may be set once, and {@link #build()} checks the combination. A
   * {@link #timestampFormat} and a {@link #timestampPattern} exclude each other.
   */
  public static final class Builder extends ParserBuilder<Builder> {
    private Character delimiter;
    private List<String> header;
    private CsvColumn userColumn;
    private CsvColumn itemColumn;
    private CsvColumn actionColumn;
    private CsvColumn weightColumn;
    private CsvColumn timestampColumn;
    private CsvColumn categoryColumn;
    private Boolean firstLineIsHeader;

    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /**
     * The field separator, a single ASCII character; {@code ','} by default, {@code '\t'} for TSV.
     */
    public Builder delimiter(char delimiter) {
      this.delimiter = BuilderChecks.setOnce("delimiter", this.delimiter, delimiter);
      return this;
    }

    /**
     * The column names of the header line, in order. Enables choosing columns by name, requires
     * every record to have exactly this many columns, and turns records equal to this line into
     * {@code HEADER} rejects (so that a header is never lost or mistaken for an event).
     */
    public Builder header(String... names) {
      this.header = BuilderChecks.setOnce("header", this.header, List.of(names));
      return this;
    }

    /** The column of the user id, by header name. Required (by name or index). */
    public Builder userColumn(String name) {
      userColumn = BuilderChecks.setOnce("userColumn", userColumn, CsvColumn.named(name));
      return this;
    }

    /** The column of the user id, by 0-based index. */
    public Builder userColumn(int index) {
      userColumn = BuilderChecks.setOnce("userColumn", userColumn, CsvColumn.at(index));
      return this;
    }

    /** The column of the item id, by header name. Required (by name or index). */
    public Builder itemColumn(String name) {
      itemColumn = BuilderChecks.setOnce("itemColumn", itemColumn, CsvColumn.named(name));
      return this;
    }

    /** The column of the item id, by 0-based index. */
    public Builder itemColumn(int index) {
      itemColumn = BuilderChecks.setOnce("itemColumn", itemColumn, CsvColumn.at(index));
      return this;
    }

    /** The column of the action name, by header name. Either this or {@link #fixedAction}. */
    public Builder actionColumn(String name) {
      actionColumn = BuilderChecks.setOnce("actionColumn", actionColumn, CsvColumn.named(name));
      return this;
    }

    /** The column of the action name, by 0-based index. */
    public Builder actionColumn(int index) {
      actionColumn = BuilderChecks.setOnce("actionColumn", actionColumn, CsvColumn.at(index));
      return this;
    }

    /**
     * The column of the weight, by header name. Optional: without it, or when the field is empty,
     * the weight is the action's weight from the {@link ActionWeights}.
     */
    public Builder weightColumn(String name) {
      weightColumn = BuilderChecks.setOnce("weightColumn", weightColumn, CsvColumn.named(name));
      return this;
    }

    /** The column of the weight, by 0-based index. */
    public Builder weightColumn(int index) {
      weightColumn = BuilderChecks.setOnce("weightColumn", weightColumn, CsvColumn.at(index));
      return this;
    }

    /** The column of the timestamp, by header name. Required (by name or index). */
    public Builder timestampColumn(String name) {
      timestampColumn =
          BuilderChecks.setOnce("timestampColumn", timestampColumn, CsvColumn.named(name));
      return this;
    }

    /** The column of the timestamp, by 0-based index. */
    public Builder timestampColumn(int index) {
      timestampColumn =
          BuilderChecks.setOnce("timestampColumn", timestampColumn, CsvColumn.at(index));
      return this;
    }

    /** The column of the item's category, by header name. Optional; empty means none. */
    public Builder categoryColumn(String name) {
      categoryColumn =
          BuilderChecks.setOnce("categoryColumn", categoryColumn, CsvColumn.named(name));
      return this;
    }

    /** The column of the item's category, by 0-based index. */
    public Builder categoryColumn(int index) {
      categoryColumn = BuilderChecks.setOnce("categoryColumn", categoryColumn, CsvColumn.at(index));
      return this;
    }

    /**
     * Makes the record at offset 0 (the first line of a file) a {@code HEADER} reject, whatever its
     * content: for files whose header is not known in advance or varies. Meant for file sources,
     * which number lines from 0 ({@code RecordOrigin.line(path, 0)}); do not use it with Kafka,
     * whose offsets also start at 0, so the first record of each partition would be lost.
     * Independent of {@link #header}, which rejects records equal to the given names wherever they
     * are.
     */
    public Builder firstLineIsHeader() {
      firstLineIsHeader = BuilderChecks.setOnce("firstLineIsHeader", firstLineIsHeader, true);
      return this;
    }

    /**
     * The parser.
     *
     * @throws IllegalArgumentException naming the property and value that are missing, invalid or
     *     in conflict
     */
    public CsvInteractionParser build() {
      if (delimiter == null) {
        delimiter = ',';
      }
      if (timestampFormat != null && timestampPattern != null) {
        throw new IllegalArgumentException(
            "only one of timestampFormat / timestampPattern may be set, was timestampFormat="
                + timestampFormat
                + ", timestampPattern="
                + timestampPattern);
      }
      if (timestampFormat == null) {
        timestampFormat = TimestampFormat.EPOCH_MILLIS;
      }
      char d = delimiter;
      if (d > 127 || d == '"' || d == '\r' || d == '\n') {
        throw new IllegalArgumentException(
            "delimiter must be an ASCII character other than quote and line breaks, was '"
                + d
                + "' (U+"
                + String.format("%04X", (int) d)
                + ")");
      }
      if (header != null) {
        checkHeader();
      }
      if ((actionColumn == null) == (fixedAction == null)) {
        throw new IllegalArgumentException(
            "exactly one of actionColumn / fixedAction must be set, was actionColumn="
                + actionColumn
                + ", fixedAction="
                + fixedAction);
      }
      return new CsvInteractionParser(this, rules("an actionColumn"), resolveColumns());
    }

    private void checkHeader() {
      if (header.isEmpty()) {
        throw new IllegalArgumentException("header must name at least one column, was []");
      }
      Set<String> seen = new HashSet<>();
      for (String name : header) {
        if (name == null || !seen.add(name)) {
          throw new IllegalArgumentException(
              "header names must be non-null and distinct, was " + header);
        }
      }
    }

    private Map<String, Integer> resolveColumns() {
      Map<String, CsvColumn> chosen = new LinkedHashMap<>();
      chosen.put("userColumn", userColumn);
      chosen.put("itemColumn", itemColumn);
      chosen.put("actionColumn", actionColumn);
      chosen.put("weightColumn", weightColumn);
      chosen.put("timestampColumn", timestampColumn);
      chosen.put("categoryColumn", categoryColumn);
      for (String required : List.of("userColumn", "itemColumn", "timestampColumn")) {
        if (chosen.get(required) == null) {
          throw new IllegalArgumentException(required + " must be set");
        }
      }
      Map<String, Integer> indexes = new LinkedHashMap<>();
      List<String> properties = new ArrayList<>();
      for (Map.Entry<String, CsvColumn> e : chosen.entrySet()) {
        if (e.getValue() == null) {
          continue;
        }
        int index = e.getValue().resolve(e.getKey(), header);
        if (header != null && index >= header.size()) {
          throw new IllegalArgumentException(
              e.getKey() + " is " + index + " but the header has " + header.size() + " columns");
        }
        for (String other : properties) {
          if (indexes.get(other) == index) {
            throw new IllegalArgumentException(
                other + " and " + e.getKey() + " are both column " + index);
          }
        }
        indexes.put(e.getKey(), index);
        properties.add(e.getKey());
      }
      return indexes;
    }
  }
}
