package io.recs.connectors.json;

import io.recs.event.Interaction;
import io.recs.event.Recommendations;
import io.recs.event.RejectedRecord;
import io.recs.event.SimilarItems;
import io.recs.event.TrendingItems;
import java.util.OptionalLong;
import org.apache.flink.annotation.PublicEvolving;

/**
 * The JSON form of every recs output, used by both {@code RecsKafkaSink} and {@code RecsFileSink}.
 *
 * <pre>{@code
 * KafkaSink<Recommendations> sink = RecsKafkaSink.<Recommendations>builder()
 *     .bootstrapServers("localhost:9092")
 *     .topic("recommendations")
 *     .format(RecsJson.recommendations())
 *     .build();
 * }</pre>
 *
 * <p>The schemas (field: JSON type). A scored item is {@code {"itemId": string, "score": number,
 * "because": [string]}}; {@code because} is left out in similar and trending items. A score that is
 * infinite is written as the string {@code "Infinity"} or {@code "-Infinity"}.
 *
 * <table>
 *   <caption>Output schemas</caption>
 *   <tr><th>format</th><th>key</th><th>fields</th><th>event time</th></tr>
 *   <tr><td>{@link #recommendations()}</td><td>userId</td>
 *       <td>userId: string, items: [scored item], timestamp: number, final: boolean (the user's
 *       final list after a bounded input)</td><td>timestamp</td></tr>
 *   <tr><td>{@link #similarItems()}</td><td>itemId</td>
 *       <td>itemId: string, neighbours: [scored item], timestamp: number</td><td>timestamp</td></tr>
 *   <tr><td>{@link #trendingItems()}</td><td>scope</td>
 *       <td>scope: string, items: [scored item], timestamp: number</td><td>timestamp</td></tr>
 *   <tr><td>{@link #rejectedRecords()}</td><td>source</td>
 *       <td>reason: string, detail: string, source: string, partition: number, offset: number,
 *       raw: string, rawLength: number</td><td>none</td></tr>
 * </table>
 */
@PublicEvolving
public final class RecsJson {
  private RecsJson() {}

  /** Recommendations, keyed by user id. */
  public static JsonFormat<Recommendations> recommendations() {
    return new RecommendationsFormat();
  }

  /** Similar items, keyed by item id. */
  public static JsonFormat<SimilarItems> similarItems() {
    return new SimilarItemsFormat();
  }

  /** Trending items, keyed by scope ({@code "*"} for the global list). */
  public static JsonFormat<TrendingItems> trendingItems() {
    return new TrendingItemsFormat();
  }

  /**
   * Dead letters, keyed by source (topic or file path). Their topic must not be compacted, or all
   * but the last dead letter of each source would be lost.
   */
  public static JsonFormat<RejectedRecord> rejectedRecords() {
    return new RejectedRecordFormat();
  }

  /**
   * Parsed interactions in their canonical form, keyed by user id: {@code userId, itemId, action,
   * weight, timestamp} and {@code category} when there is one, the field names that the built-in
   * {@code json} input format reads by default.
   */
  public static JsonFormat<Interaction> interactions() {
    return new InteractionFormat();
  }

  private static final class InteractionFormat implements JsonFormat<Interaction> {
    private static final long serialVersionUID = 1L;

    @Override
    public String key(Interaction value) {
      return value.userId();
    }

    @Override
    public byte[] toJson(Interaction value) {
      return Json.object(
          value,
          (v, json) -> {
            json.writeStringField("userId", v.userId());
            json.writeStringField("itemId", v.itemId());
            json.writeStringField("action", v.action());
            json.writeNumberField("weight", v.weight());
            json.writeNumberField("timestamp", v.timestamp());
            if (v.category() != null) {
              json.writeStringField("category", v.category());
            }
          });
    }

    @Override
    public OptionalLong eventTime(Interaction value) {
      return OptionalLong.of(value.timestamp());
    }
  }

  private static final class RecommendationsFormat implements JsonFormat<Recommendations> {
    private static final long serialVersionUID = 1L;

    @Override
    public String key(Recommendations value) {
      return value.userId();
    }

    @Override
    public byte[] toJson(Recommendations value) {
      return Json.object(
          value,
          (v, json) -> {
            json.writeStringField("userId", v.userId());
            Json.scoredItems(json, "items", v.items(), true);
            json.writeNumberField("timestamp", v.timestamp());
            json.writeBooleanField("final", v.isFinal());
          });
    }

    @Override
    public OptionalLong eventTime(Recommendations value) {
      return OptionalLong.of(value.timestamp());
    }
  }

  private static final class SimilarItemsFormat implements JsonFormat<SimilarItems> {
    private static final long serialVersionUID = 1L;

    @Override
    public String key(SimilarItems value) {
      return value.itemId();
    }

    @Override
    public byte[] toJson(SimilarItems value) {
      return Json.object(
          value,
          (v, json) -> {
            json.writeStringField("itemId", v.itemId());
            Json.scoredItems(json, "neighbours", v.neighbours(), false);
            json.writeNumberField("timestamp", v.timestamp());
          });
    }

    @Override
    public OptionalLong eventTime(SimilarItems value) {
      return OptionalLong.of(value.timestamp());
    }
  }

  private static final class TrendingItemsFormat implements JsonFormat<TrendingItems> {
    private static final long serialVersionUID = 1L;

    @Override
    public String key(TrendingItems value) {
      return value.scope();
    }

    @Override
    public byte[] toJson(TrendingItems value) {
      return Json.object(
          value,
          (v, json) -> {
            json.writeStringField("scope", v.scope());
            Json.scoredItems(json, "items", v.items(), false);
            json.writeNumberField("timestamp", v.timestamp());
          });
    }

    @Override
    public OptionalLong eventTime(TrendingItems value) {
      return OptionalLong.of(value.timestamp());
    }
  }

  private static final class RejectedRecordFormat implements JsonFormat<RejectedRecord> {
    private static final long serialVersionUID = 1L;

    @Override
    public String key(RejectedRecord value) {
      return value.source();
    }

    @Override
    public byte[] toJson(RejectedRecord value) {
      return Json.object(
          value,
          (v, json) -> {
            json.writeStringField("reason", v.reason().name());
            json.writeStringField("detail", v.detail());
            json.writeStringField("source", v.source());
            json.writeNumberField("partition", v.partition());
            json.writeNumberField("offset", v.offset());
            json.writeStringField("raw", v.raw());
            json.writeNumberField("rawLength", v.rawLength());
          });
    }

    @Override
    public OptionalLong eventTime(RejectedRecord value) {
      return OptionalLong.empty();
    }
  }
}
