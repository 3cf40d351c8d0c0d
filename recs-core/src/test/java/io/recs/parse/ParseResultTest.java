package io.recs.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recs.event.Interaction;
import io.recs.event.RejectReason;
import io.recs.event.RejectedRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParseResultTest {
  private static final Interaction CLICK = Interaction.of("s1", "a", "click", 2.0, 10L);
  private static final Interaction CART = Interaction.of("s1", "b", "cart", 4.0, 20L);

  @Test
  void aSingleInteractionReadsBothWays() {
    ParseResult one = ParseResult.accepted(CLICK);
    assertThat(one.isAccepted()).isTrue();
    assertThat(one.interaction()).isEqualTo(CLICK);
    assertThat(one.interactions()).containsExactly(CLICK);
    assertThat(one.interactionCount()).isEqualTo(1);
    assertThat(one.interaction(0)).isEqualTo(CLICK);
    assertThatThrownBy(() -> one.interaction(1))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("interaction 1 of a result with 1");
    assertThat(one.rejected()).isNull();
  }

  @Test
  void severalInteractionsKeepTheirOrderAndAreCopied() {
    List<Interaction> events = new ArrayList<>(List.of(CART, CLICK));
    ParseResult session = ParseResult.accepted(events);
    events.clear();

    assertThat(session.isAccepted()).isTrue();
    assertThat(session.interactions()).containsExactly(CART, CLICK);
    assertThat(session.interactionCount()).isEqualTo(2);
    assertThat(session.interaction(0)).isEqualTo(CART);
    assertThat(session.interaction(1)).isEqualTo(CLICK);
    assertThatThrownBy(session::interaction)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the record became 2 interactions, read them with interactions()");
    assertThatThrownBy(() -> session.interactions().add(CLICK))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aListOfOneIsASingleResult() {
    assertThat(ParseResult.accepted(List.of(CLICK)).interaction()).isEqualTo(CLICK);
  }

  @Test
  void anAcceptedRecordNeedsAtLeastOneInteraction() {
    assertThatThrownBy(() -> ParseResult.accepted(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("interactions of an accepted record must not be empty, was []");
  }

  @Test
  void aRejectedRecordHasNoInteractions() {
    RejectedRecord dead = new RejectedRecord(RejectReason.EMPTY, "d", "t", 0, 1, "", 0);
    ParseResult rejected = ParseResult.rejected(dead);
    assertThat(rejected.isAccepted()).isFalse();
    assertThat(rejected.interaction()).isNull();
    assertThat(rejected.interactions()).isEmpty();
    assertThat(rejected.interactionCount()).isZero();
    assertThatThrownBy(() -> rejected.interaction(0))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("interaction 0 of a result with 0");
    assertThat(rejected.rejected()).isEqualTo(dead);
  }
}
