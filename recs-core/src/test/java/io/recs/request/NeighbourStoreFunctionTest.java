package io.recs.request;

import static org.assertj.core.api.Assertions.assertThat;

import io.recs.event.ScoredItem;
import io.recs.event.SimilarItems;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * {@link NeighbourStoreFunction} in a keyed two-input harness: lookups are answered from the item's
 * latest neighbour list, final lookups only at the end of the input, and both survive a restore.
 */
class NeighbourStoreFunctionTest {

  private static KeyedTwoInputStreamOperatorTestHarness<String, SimilarItems, SeedLookup, RankInput>
      harness() throws Exception {
    var harness =
        new KeyedTwoInputStreamOperatorTestHarness<String, SimilarItems, SeedLookup, RankInput>(
            new KeyedCoProcessOperator<>(new NeighbourStoreFunction(2)),
            SimilarItems::itemId,
            SeedLookup::seed,
            Types.STRING);
    harness.setup();
    return harness;
  }

  private static SimilarItems list(String item, long t, String... ids) {
    List<ScoredItem> neighbours = new java.util.ArrayList<>();
    for (int k = 0; k < ids.length; k++) {
      neighbours.add(ScoredItem.of(ids[k], 1.0 / (k + 1)));
    }
    return new SimilarItems(item, neighbours, t);
  }

  private static SeedLookup lookup(String user, String seed, boolean finalRequest) {
    return new SeedLookup(
        new RequestHeader(user, 1, 10, 5, finalRequest, null, 0, null, null), 1, seed, 1.0, null);
  }

  private static List<SeedPart> answers(
      KeyedTwoInputStreamOperatorTestHarness<String, SimilarItems, SeedLookup, RankInput> h) {
    return h.extractOutputValues().stream().map(SeedPart.class::cast).toList();
  }

  @Test
  void answersFromTheLatestListWithAtMostCandidatesPerSeed() throws Exception {
    try (var h = harness()) {
      h.open();
      h.processElement2(new StreamRecord<>(lookup("u1", "a", false), 1));
      h.processElement1(new StreamRecord<>(list("a", 2, "b", "c", "d"), 2));
      h.processElement1(new StreamRecord<>(list("a", 3, "e", "b", "c"), 3));
      h.processElement2(new StreamRecord<>(lookup("u2", "a", false), 4));

      List<SeedPart> answers = answers(h);
      assertThat(answers).hasSize(2);
      // Before any list: an answer without candidates, so that the request completes.
      assertThat(answers.get(0).user()).isEqualTo("u1");
      assertThat(answers.get(0).candidates()).isEmpty();
      assertThat(answers.get(1).user()).isEqualTo("u2");
      assertThat(answers.get(1).candidates()).containsExactly("e", "b");
      assertThat(answers.get(1).similarities()).containsExactly(1.0, 0.5);
    }
  }

  @Test
  void finalLookupsWaitForTheEndOfTheInputAcrossARestore() throws Exception {
    OperatorSubtaskState snapshot;
    try (var h = harness()) {
      h.open();
      h.processElement1(new StreamRecord<>(list("a", 1, "b"), 1));
      h.processElement2(new StreamRecord<>(lookup("u1", "a", true), 2));
      assertThat(h.extractOutputValues()).isEmpty();
      snapshot = h.snapshot(1, 3);
    }
    try (var restored = harness()) {
      restored.initializeState(snapshot);
      restored.open();
      // The final neighbour list arrives just before the end of the input.
      restored.processElement1(new StreamRecord<>(list("a", 4, "c", "b"), 4));
      restored.processBothWatermarks(new Watermark(Long.MAX_VALUE));

      assertThat(answers(restored))
          .singleElement()
          .satisfies(answer -> assertThat(answer.candidates()).containsExactly("c", "b"))
          .satisfies(answer -> assertThat(answer.header().finalRequest()).isTrue());
    }
  }
}
