package io.recs.recommendations;

import static org.assertj.core.api.Assertions.assertThat;

import io.recs.config.RecsSettings;
import io.recs.evaluation.data.InteractionGenerator;
import io.recs.event.Interaction;
import io.recs.event.Recommendations;
import io.recs.event.ScoredItem;
import io.recs.pipeline.PipelineOptions;
import io.recs.pipeline.Preset;
import io.recs.pipeline.RecsPipeline;
import io.recs.request.RequestOptions;
import io.recs.testkit.driver.RecsTestDriver;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The {@code next-item} preset restricts a list triggered by an event with a category to that
 * category: on the generator's small set (20,000 events, every one with its item's category), every
 * item of every per-event list is of the triggering event's category, and the lists are mostly
 * full; the same preset with the restriction turned off mixes categories, so the check can fail.
 */
@Timeout(300)
class EventCategoryListsITCase {
  private static final InteractionGenerator GENERATOR = InteractionGenerator.small(7);
  private static final List<Interaction> EVENTS = GENERATOR.generate();

  @Test
  void nextItemListsHoldOnlyTheTriggeringEventsCategory() {
    Counts counts = perEventLists(true);
    assertThat(counts.otherCategory).as("items of another category than the event's").isZero();
    assertThat(counts.lists).as("per-event lists").isGreaterThan(EVENTS.size() / 2);
    assertThat(counts.items)
        .as("items in them (the category's trending items fill a short list)")
        .isGreaterThan(5L * counts.lists);
  }

  @Test
  void withoutTheRestrictionTheSameListsMixCategories() {
    Counts counts = perEventLists(false);
    assertThat(counts.otherCategory).isGreaterThan(counts.items / 10);
  }

  private record Counts(int lists, long items, long otherCategory) {}

  private static Counts perEventLists(boolean restrict) {
    RecsSettings settings =
        RecsSettings.empty()
            .with(PipelineOptions.PRESET, Preset.NEXT_ITEM)
            .with(RequestOptions.RESTRICT_TO_EVENT_CATEGORY, restrict);
    Map<Long, String> categoryAt = new HashMap<>();
    for (Interaction e : EVENTS) {
      assertThat(categoryAt.put(e.timestamp(), e.category())).as("distinct times").isNull();
    }
    try (RecsTestDriver driver =
        RecsTestDriver.builder()
            .pipeline(RecsPipeline.from(settings))
            .parallelism(2)
            .timeout(Duration.ofMinutes(2))
            .build()) {
      driver.interactions().addAll(EVENTS);
      driver.run();
      int lists = 0;
      long items = 0;
      long other = 0;
      for (Recommendations r : driver.recommendations().records()) {
        if (r.isFinal()) {
          continue; // answers the end of input, not an event
        }
        String category = categoryAt.get(r.timestamp());
        assertThat(category).as("the event of a list at %d", r.timestamp()).isNotNull();
        lists++;
        for (ScoredItem item : r.items()) {
          items++;
          if (!GENERATOR.categoryOf(item.itemId()).equals(category)) {
            other++;
          }
        }
      }
      return new Counts(lists, items, other);
    }
  }
}
