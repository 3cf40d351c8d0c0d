package io.recs.connectors.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.recs.event.Interaction;
import io.recs.event.Recommendations;
import io.recs.event.RejectReason;
import io.recs.event.RejectedRecord;
import io.recs.event.ScoredItem;
import io.recs.event.SimilarItems;
import io.recs.event.TrendingItems;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pins the documented schemas: a change here is a change for every consumer. */
class RecsJsonTest {

  private static <T> String json(JsonFormat<T> format, T value) {
    return new String(format.toJson(value), StandardCharsets.UTF_8);
  }

  @Test
  void recommendations() {
    Recommendations recs =
        new Recommendations(
            "u1",
            List.of(new ScoredItem("i2", 0.5, List.of("i1")), ScoredItem.of("i3", 0.25)),
            1_700_000_000_000L);
    assertThat(json(RecsJson.recommendations(), recs))
        .isEqualTo(
            "{\"userId\":\"u1\",\"items\":[{\"itemId\":\"i2\",\"score\":0.5,\"because\":[\"i1\"]},"
                + "{\"itemId\":\"i3\",\"score\":0.25,\"because\":[]}],\"timestamp\":1700000000000,"
                + "\"final\":false}");
    Recommendations last = new Recommendations("u1", List.of(), 7L, true);
    assertThat(json(RecsJson.recommendations(), last))
        .isEqualTo("{\"userId\":\"u1\",\"items\":[],\"timestamp\":7,\"final\":true}");
    assertThat(RecsJson.recommendations().key(recs)).isEqualTo("u1");
    assertThat(RecsJson.recommendations().eventTime(recs)).hasValue(1_700_000_000_000L);
  }

  @Test
  void interactions() {
    Interaction event = Interaction.of("u1", "i2", "cart", 4.0, 9L).withCategory("books");
    assertThat(json(RecsJson.interactions(), event))
        .isEqualTo(
            "{\"userId\":\"u1\",\"itemId\":\"i2\",\"action\":\"cart\",\"weight\":4.0,"
                + "\"timestamp\":9,\"category\":\"books\"}");
    assertThat(json(RecsJson.interactions(), Interaction.of("u1", "i2", "view", 1.0, 9L)))
        .doesNotContain("category");
    assertThat(RecsJson.interactions().key(event)).isEqualTo("u1");
    assertThat(RecsJson.interactions().eventTime(event)).hasValue(9L);
  }

  @Test
  void similarItems() {
    SimilarItems similar = new SimilarItems("i1", List.of(ScoredItem.of("i2", 0.75)), 5L);
    assertThat(json(RecsJson.similarItems(), similar))
        .isEqualTo(
            "{\"itemId\":\"i1\",\"neighbours\":[{\"itemId\":\"i2\",\"score\":0.75}],"
                + "\"timestamp\":5}");
    assertThat(RecsJson.similarItems().key(similar)).isEqualTo("i1");
  }

  @Test
  void trendingItems() {
    TrendingItems trending =
        new TrendingItems(TrendingItems.GLOBAL, List.of(ScoredItem.of("i9", 3.0)), 7L);
    assertThat(json(RecsJson.trendingItems(), trending))
        .isEqualTo(
            "{\"scope\":\"*\",\"items\":[{\"itemId\":\"i9\",\"score\":3.0}],\"timestamp\":7}");
    assertThat(RecsJson.trendingItems().key(trending)).isEqualTo("*");
  }

  @Test
  void rejectedRecords() {
    RejectedRecord rejected =
        new RejectedRecord(RejectReason.MALFORMED_CSV, "3 columns", "in", 0, 12, "a,\"b", 4);
    assertThat(json(RecsJson.rejectedRecords(), rejected))
        .isEqualTo(
            "{\"reason\":\"MALFORMED_CSV\",\"detail\":\"3 columns\",\"source\":\"in\","
                + "\"partition\":0,\"offset\":12,\"raw\":\"a,\\\"b\",\"rawLength\":4}");
    assertThat(RecsJson.rejectedRecords().key(rejected)).isEqualTo("in");
    assertThat(RecsJson.rejectedRecords().eventTime(rejected)).isEmpty();
  }

  @Test
  void scoresReadBackAsTheSameDoubles() throws Exception {
    java.util.Random random = new java.util.Random(17);
    List<ScoredItem> items = new java.util.ArrayList<>();
    for (int k = 0; k < 2_000; k++) {
      double score =
          switch (k % 4) {
            case 0 -> random.nextDouble();
            case 1 -> random.nextGaussian() * 1e-9;
            case 2 -> Math.exp(random.nextDouble() * 600 - 300);
            default -> Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL);
          };
      items.add(ScoredItem.of("i" + k, score));
    }
    String json = json(RecsJson.similarItems(), new SimilarItems("i", items, 1L));
    com.fasterxml.jackson.databind.JsonNode neighbours =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).get("neighbours");
    for (int k = 0; k < items.size(); k++) {
      assertThat(neighbours.get(k).get("score").doubleValue())
          .as(neighbours.get(k).toString())
          .isEqualTo(items.get(k).score());
    }
  }

  @Test
  void infiniteScoresAreStrings() {
    TrendingItems trending =
        new TrendingItems(
            "c1",
            List.of(
                ScoredItem.of("i1", Double.POSITIVE_INFINITY),
                ScoredItem.of("i2", Double.NEGATIVE_INFINITY)),
            3L);
    assertThat(json(RecsJson.trendingItems(), trending))
        .isEqualTo(
            "{\"scope\":\"c1\",\"items\":[{\"itemId\":\"i1\",\"score\":\"Infinity\"},"
                + "{\"itemId\":\"i2\",\"score\":\"-Infinity\"}],\"timestamp\":3}");
  }

  @Test
  void stringsAreEscaped() {
    RejectedRecord rejected =
        new RejectedRecord(RejectReason.MALFORMED_CSV, null, "in", 0, 1, "tab\tquote\"é\u0001", 9);
    assertThat(json(RecsJson.rejectedRecords(), rejected))
        .contains("\"detail\":\"\"")
        .contains("\"raw\":\"tab\\tquote\\\"é\\u0001\"");
  }
}
