package io.recs.request;

import static org.assertj.core.api.Assertions.assertThat;

import io.recs.event.ScoredItem;
import io.recs.event.SimilarItems;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/**
 * {@link CandidateListFunction} in a keyed operator harness: it broadcasts an item's top candidates
 * only when they change.
 */
class CandidateListFunctionTest {

  private static SimilarItems list(String item, long t, Object... idsAndScores) {
    List<ScoredItem> neighbours = new java.util.ArrayList<>();
    for (int k = 0; k < idsAndScores.length; k += 2) {
      neighbours.add(ScoredItem.of((String) idsAndScores[k], (Double) idsAndScores[k + 1]));
    }
    return new SimilarItems(item, neighbours, t);
  }

  @Test
  void sendsTheTopCandidatesOnlyWhenTheyChange() throws Exception {
    try (KeyedOneInputStreamOperatorTestHarness<String, SimilarItems, RankUpdate> h =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new CandidateListFunction(2), SimilarItems::itemId, Types.STRING)) {
      h.open();
      h.processElement(new StreamRecord<>(list("a", 1, "b", 0.9, "c", 0.5, "d", 0.1), 1));
      // Only the third neighbour changed: nothing to send.
      h.processElement(new StreamRecord<>(list("a", 2, "b", 0.9, "c", 0.5, "e", 0.2), 2));
      // A similarity of the top two changed.
      h.processElement(new StreamRecord<>(list("a", 3, "b", 0.9, "c", 0.6), 3));
      // Another item's list is its own.
      h.processElement(new StreamRecord<>(list("x", 4, "b", 0.9, "c", 0.6), 4));

      List<CandidateList> sent =
          h.extractOutputValues().stream().map(CandidateList.class::cast).toList();
      assertThat(sent).hasSize(3);
      assertThat(sent.get(0).candidates()).containsExactly("b", "c");
      assertThat(sent.get(0).similarities()).containsExactly(0.9, 0.5);
      assertThat(sent.get(1).similarities()).containsExactly(0.9, 0.6);
      assertThat(sent.get(2).candidates()).containsExactly("b", "c");
    }
  }
}
