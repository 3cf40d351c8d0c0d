package io.recs.parse;

import io.recs.config.BuilderChecks;
import io.recs.event.ActionWeights;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.flink.annotation.PublicEvolving;

/**
 * The settings that the CSV and JSON parser builders share: how actions are named and weighted, how
 * timestamps are written, and the largest record. Every setter may be called once; the parser's
 * {@code build()} checks the combination and names the setting and value it refuses.
 *
 * @param <B> the concrete builder, returned by every setter
 */
@PublicEvolving
public abstract class ParserBuilder<B extends ParserBuilder<B>> {
  String fixedAction;
  TimestampFormat timestampFormat;
  TimestampPattern timestampPattern;
  Map<String, String> actionMapping;
  ActionWeights actionWeights;
  Integer maxRecordBytes;

  ParserBuilder() {}

  abstract B self();

  /** One action for every record, for input without an action column or field. */
  public B fixedAction(String action) {
    fixedAction = BuilderChecks.setOnce("fixedAction", fixedAction, action);
    return self();
  }

  /**
   * How numeric timestamps are written; {@link TimestampFormat#EPOCH_MILLIS} by default. How it
   * combines with {@link #timestampPattern} depends on the format: see the parser's class comment.
   */
  public B timestampFormat(TimestampFormat format) {
    timestampFormat = BuilderChecks.setOnce("timestampFormat", timestampFormat, format);
    return self();
  }

  /**
   * Timestamps written in a {@link java.time.format.DateTimeFormatter} pattern, in UTC unless the
   * text carries an offset. Same as {@link #timestampPattern(String, ZoneId)
   * timestampPattern(pattern, ZoneOffset.UTC)}.
   */
  public B timestampPattern(String pattern) {
    return timestampPattern(pattern, ZoneOffset.UTC);
  }

  /**
   * Timestamps written in a {@link java.time.format.DateTimeFormatter} pattern, for example {@code
   * yyyy-MM-dd HH:mm:ss}. A value that does not match is an {@code INVALID_TIMESTAMP} reject naming
   * the pattern; fractions finer than a millisecond are truncated.
   *
   * @param zone the zone of date-times without an offset; an offset or zone in the text wins
   * @throws IllegalArgumentException naming the pattern if it is invalid or does not give a date
   *     and a time of day
   */
  public B timestampPattern(String pattern, ZoneId zone) {
    timestampPattern =
        BuilderChecks.setOnce(
            "timestampPattern",
            timestampPattern,
            TimestampPattern.of("timestampPattern", pattern, zone));
    return self();
  }

  /**
   * Maps raw action values to action names, for example OTTO's {@code Map.of("clicks", "click",
   * "carts", "cart", "orders", "purchase")} or {@code Map.of("1", "view", "2", "purchase")}. Keys
   * are matched trimmed and case-insensitively; values must be actions of the {@link
   * #actionWeights}. A value without a mapping is read as an action name, as without this setting.
   */
  public B actionMapping(Map<String, String> mapping) {
    actionMapping =
        BuilderChecks.setOnce(
            "actionMapping",
            actionMapping,
            Map.copyOf(BuilderChecks.nonNull("actionMapping", mapping)));
    return self();
  }

  /** Known actions and their weights; {@link ActionWeights#defaults()} by default. */
  public B actionWeights(ActionWeights weights) {
    actionWeights = BuilderChecks.setOnce("actionWeights", actionWeights, weights);
    return self();
  }

  /** Longer records are {@code TOO_LARGE} rejects; 65536 (64 KiB) by default. */
  public B maxRecordBytes(int bytes) {
    maxRecordBytes = BuilderChecks.setOnce("maxRecordBytes", maxRecordBytes, bytes);
    return self();
  }

  /**
   * Checks the shared settings together.
   *
   * @param actionSource what the parser reads actions from, for example {@code "an actionColumn"}
   */
  RecordRules rules(String actionSource) {
    if (fixedAction != null && actionMapping != null) {
      throw new IllegalArgumentException(
          "actionMapping needs " + actionSource + ", but fixedAction='" + fixedAction + "' is set");
    }
    RecordRules rules = RecordRules.of(maxRecordBytes, actionWeights, actionMapping);
    if (fixedAction != null && !rules.accepts(fixedAction)) {
      throw new IllegalArgumentException(
          "fixedAction '" + fixedAction + "' is not an action of the actionWeights");
    }
    return rules;
  }
}
