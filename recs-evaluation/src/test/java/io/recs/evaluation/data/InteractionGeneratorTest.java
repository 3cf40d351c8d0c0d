package io.recs.evaluation.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recs.event.ActionWeights;
import io.recs.event.Interaction;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class InteractionGeneratorTest {
  private static final List<Interaction> STANDARD = InteractionGenerator.standard(1).generate();

  @Test
  void sameSeedSameEventsOtherSeedOtherEvents() {
    assertThat(InteractionGenerator.tiny(5).generate())
        .isEqualTo(InteractionGenerator.tiny(5).generate())
        .isNotEqualTo(InteractionGenerator.tiny(6).generate());
  }

  @Test
  void standardSetHasTheAdvertisedSize() {
    List<Interaction> events = STANDARD;

    assertThat(events).hasSize(200_000);
    assertThat(distinct(events, Interaction::userId)).hasSize(5_000);
    assertThat(distinct(events, Interaction::itemId)).hasSizeBetween(1_900, 2_000);
    assertThat(distinct(events, Interaction::itemId)).allMatch(id -> id.matches("i\\d+"));
    assertThat(distinct(events, Interaction::userId)).allMatch(id -> id.matches("u\\d+"));
  }

  @Test
  void smallerPresets() {
    List<Interaction> small = InteractionGenerator.small(1).generate();
    List<Interaction> tiny = InteractionGenerator.tiny(1).generate();

    assertThat(small).hasSize(20_000);
    assertThat(distinct(small, Interaction::userId)).hasSize(500);
    assertThat(tiny).hasSize(2_000);
    assertThat(distinct(tiny, Interaction::userId)).hasSize(100);
  }

  @Test
  void timestampsIncreaseStrictlyFromTheStart() {
    List<Interaction> events = InteractionGenerator.small(2).generate();

    assertThat(events.get(0).timestamp())
        .isGreaterThan(Instant.parse("2024-01-01T00:00:00Z").toEpochMilli());
    for (int k = 1; k < events.size(); k++) {
      assertThat(events.get(k).timestamp()).isGreaterThan(events.get(k - 1).timestamp());
    }
  }

  @Test
  void viewsOutnumberClicksCartsAndPurchasesWithDefaultWeights() {
    List<Interaction> events = InteractionGenerator.small(3).generate();
    Map<String, Long> byAction =
        events.stream().collect(Collectors.groupingBy(Interaction::action, Collectors.counting()));

    assertThat(byAction.get("view")).isGreaterThan(byAction.get("click"));
    assertThat(byAction.get("click")).isGreaterThan(byAction.get("cart"));
    assertThat(byAction.get("cart")).isGreaterThan(byAction.get("purchase"));
    ActionWeights weights = ActionWeights.defaults();
    assertThat(events).allMatch(e -> e.weight() == weights.weightOf(e.action()).orElseThrow());
  }

  @Test
  void popularityFallsWithTheItemRank() {
    Map<String, Long> counts =
        STANDARD.stream()
            .collect(Collectors.groupingBy(Interaction::itemId, Collectors.counting()));

    assertThat(counts.get("i0")).isGreaterThan(counts.get("i10"));
    assertThat(counts.get("i10")).isGreaterThan(counts.get("i100"));
    assertThat(counts.get("i100")).isGreaterThan(counts.get("i1000"));
  }

  @Test
  void usersMostlyStayInTheirClusterWhoseItemsShareACategory() {
    InteractionGenerator generator = InteractionGenerator.small(5);
    List<Interaction> events = generator.generate();

    long inOwnCluster =
        events.stream()
            .filter(e -> e.category().equals("c" + generator.clusterOfUser(e.userId())))
            .count();
    assertThat((double) inOwnCluster / events.size()).isGreaterThan(0.55);
    assertThat(events).allMatch(e -> e.category().equals(generator.categoryOf(e.itemId())));
  }

  @Test
  void usersRevisitItemsAndEveryUserHasEnoughEvents() {
    List<Interaction> events = InteractionGenerator.tiny(6).generate();
    Map<String, Integer> perUser = new HashMap<>();
    Set<String> userItemPairs = new HashSet<>();
    int repeats = 0;
    for (Interaction e : events) {
      perUser.merge(e.userId(), 1, Integer::sum);
      if (!userItemPairs.add(e.userId() + "/" + e.itemId())) {
        repeats++;
      }
    }
    assertThat(repeats).isGreaterThan(events.size() / 20);
    assertThat(perUser.values()).allMatch(n -> n >= 10);
  }

  @Test
  void categoriesCanBeLeftOut() {
    List<Interaction> events =
        InteractionGenerator.builder()
            .users(10)
            .items(20)
            .events(200)
            .clusters(2)
            .categories(false)
            .build()
            .generate();

    assertThat(events).allMatch(e -> e.category() == null);
  }

  @Test
  void builderNamesTheBadSetting() {
    assertThatThrownBy(() -> InteractionGenerator.builder().items(10).clusters(20).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("clusters (20) must not exceed items (10)");
    assertThatThrownBy(() -> InteractionGenerator.builder().users(100).events(500).build())
        .hasMessageContaining("events (500) must be at least users × minEventsPerUser (100 × 10)");
    assertThatThrownBy(() -> InteractionGenerator.builder().tasteStrength(1.5).build())
        .hasMessage("tasteStrength must be in [0, 1], was 1.5");
    assertThatThrownBy(() -> InteractionGenerator.builder().seed(1).seed(2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("seed was already set to 1, cannot set it to 2");
  }

  @Test
  void rejectsIdsItDidNotProduce() {
    assertThatThrownBy(() -> InteractionGenerator.tiny(1).categoryOf("i60"))
        .hasMessageContaining("'i60' is not an id of this generator (i0..i59)");
  }

  /** The 50x scale set of the benchmarks: ten million events ten seconds apart from 2024. */
  @Test
  void aTimeSpanOfAFewYearsFitsTheTimestampRangeAndOneBeyondItDoesNot() {
    assertThat(
            InteractionGenerator.builder()
                .events(10_000_000)
                .meanGap(Duration.ofSeconds(10))
                .start(Instant.parse("2024-01-01T00:00:00Z"))
                .build())
        .isNotNull();
    assertThatThrownBy(
            () ->
                InteractionGenerator.builder()
                    .events(10_000_000)
                    .meanGap(Duration.ofSeconds(300))
                    .start(Instant.parse("2024-01-01T00:00:00Z"))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("would leave the accepted timestamp range");
  }

  private static Set<String> distinct(List<Interaction> events, Function<Interaction, String> id) {
    return events.stream().map(id).collect(Collectors.toSet());
  }
}
