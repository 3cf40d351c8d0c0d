package io.recs.recommendations;

import static org.assertj.core.api.Assertions.assertThat;

import io.recs.evaluation.data.InteractionGenerator;
import io.recs.event.Interaction;
import io.recs.event.Recommendations;
import io.recs.pipeline.RecsPipeline;
import io.recs.similarity.SimilarityConfig;
import io.recs.testkit.driver.RecsTestDriver;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Each user's final list is stamped with the user's latest event time and marked final, whatever
 * the order in which the events arrive: here fully shuffled (so that most of them arrive behind the
 * driver's watermark, which follows the latest event time), with a history shorter than most users'
 * item counts so that late arrivals evict the entry of the latest event.
 */
@Timeout(120)
class FinalListTimestampITCase {
  @Test
  void finalListsCarryTheLatestEventTimeOfShuffledInput() {
    List<Interaction> events = new ArrayList<>(InteractionGenerator.small(11).generate());
    Collections.shuffle(events, new Random(5));
    Map<String, Long> latest = new HashMap<>();
    for (Interaction e : events) {
      latest.merge(e.userId(), e.timestamp(), Math::max);
    }
    RecsPipeline pipeline =
        RecsPipeline.builder()
            .similarity(SimilarityConfig.builder().historySize(10).pairWindowItems(10).build())
            .requests(io.recs.request.RequestConfig.builder().seedItems(10).build())
            .build();
    List<Recommendations> lists;
    try (RecsTestDriver driver =
        RecsTestDriver.builder().pipeline(pipeline).parallelism(2).build()) {
      driver.interactions().addAll(events);
      driver.run();
      lists = driver.recommendations().records();
    }

    Map<String, Recommendations> finals = new HashMap<>();
    for (Recommendations r : lists) {
      if (r.isFinal()) {
        assertThat(finals.put(r.userId(), r)).as("second final list of " + r.userId()).isNull();
      }
    }
    assertThat(finals).hasSameSizeAs(latest);
    List<String> wrong = new ArrayList<>();
    latest.forEach(
        (user, time) -> {
          if (finals.get(user).timestamp() != time) {
            wrong.add(user + ": " + finals.get(user).timestamp() + " instead of " + time);
          }
        });
    assertThat(wrong).as("users whose final list is not stamped at their latest event").isEmpty();
  }
}
