package io.recs.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.recs.evaluation.data.InteractionGenerator;
import io.recs.event.Interaction;
import io.recs.similarity.SimilarityConfig;
import io.recs.similarity.SimilarityMeasure;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The prequential replay is test-then-learn: a list judged against a user's next event is computed
 * from the events before that one only. Checked at parallelism 2 and full speed on the drifting
 * set: every item of every list appeared in the input before the user's next event.
 */
@Timeout(600)
class LockstepReplayITCase {

  @Test
  void noListHoldsAnItemFirstTouchedAtOrAfterTheEventItIsJudgedAgainst() throws Exception {
    List<Interaction> events =
        LearningEvaluation.distinctTimesPerUser(InteractionGenerator.drifting(7).generate());
    SimilarityConfig similarity =
        SimilarityConfig.builder()
            .measure(SimilarityMeasure.COSINE)
            .emitInterval(Duration.ZERO)
            .build();
    LearningEvaluation.Variant variant = LearningEvaluation.variants(10, 50, 20).get(0);
    StreamingRuns.Lists lists =
        StreamingRuns.lists(
            new StreamingRuns.Progress(System.out, Duration.ofSeconds(5), "lockstep"),
            LearningEvaluation.pipeline(variant, similarity),
            events,
            2,
            0,
            true);

    Map<String, Integer> firstTouch = new HashMap<>();
    Map<String, Map<Long, Integer>> nextEventIndex = new HashMap<>();
    Map<String, Long> previousTime = new HashMap<>();
    for (int i = 0; i < events.size(); i++) {
      Interaction event = events.get(i);
      firstTouch.putIfAbsent(event.itemId(), i);
      Long previous = previousTime.put(event.userId(), event.timestamp());
      if (previous != null) {
        nextEventIndex.computeIfAbsent(event.userId(), u -> new HashMap<>()).put(previous, i);
      }
    }
    long judged = 0;
    long items = 0;
    for (var user : lists.byUserAndTime().entrySet()) {
      for (var list : user.getValue().entrySet()) {
        Integer next = nextEventIndex.getOrDefault(user.getKey(), Map.of()).get(list.getKey());
        if (next == null) {
          continue; // the user's last event or the final list: judged against nothing
        }
        judged++;
        for (String item : list.getValue()) {
          items++;
          assertThat(firstTouch.get(item))
              .as("item %s in the list of user %s at %d", item, user.getKey(), list.getKey())
              .isLessThan(next);
        }
      }
    }
    assertThat(judged).isGreaterThan(events.size() * 9L / 10);
    assertThat(items).isGreaterThan(judged * 5);
  }
}
