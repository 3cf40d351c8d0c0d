package io.recs.testkit.driver;

import io.recs.event.Interaction;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.apache.flink.annotation.PublicEvolving;

/**
 * Feeds interactions to a {@link RecsTestDriver}; get it from {@link
 * RecsTestDriver#interactions()}.
 *
 * <pre>{@code
 * TestInput input = driver.interactions();
 * input.add("u1", "i1", "purchase", 8.0, Instant.parse("2024-01-01T10:00:00Z"));
 * input.addAll(InteractionGenerator.small(42).generate());
 * }</pre>
 *
 * <p>The event time of each interaction is its own timestamp; the job sees the interactions in the
 * order they were added, interleaved with raw records in the order those were added.
 */
@PublicEvolving
public final class TestInput {
  private final FedRecords fed;

  TestInput(FedRecords fed) {
    this.fed = fed;
  }

  /** Adds one interaction at event time {@code at}, without a category. */
  public TestInput add(String userId, String itemId, String action, double weight, Instant at) {
    Objects.requireNonNull(at, "at");
    return add(Interaction.of(userId, itemId, action, weight, at.toEpochMilli()));
  }

  /** Adds one interaction. */
  public TestInput add(Interaction interaction) {
    fed.add(Objects.requireNonNull(interaction, "interaction"));
    return this;
  }

  /** Adds interactions in list order. */
  public TestInput addAll(List<Interaction> interactions) {
    interactions.forEach(this::add);
    return this;
  }
}
