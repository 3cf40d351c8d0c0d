package io.recs.parse;

import io.recs.event.Interaction;
import io.recs.event.RejectedRecord;
import java.util.List;
import java.util.Objects;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * The outcome of parsing one record: either accepted, with one or more interactions, or rejected,
 * with one dead letter. A record is accepted or rejected as a whole: a record that holds several
 * events (a session) is never split into some interactions and some dead letters.
 *
 * <pre>{@code
 * ParseResult result = parser.parse(bytes, origin);
 * if (result.isAccepted()) {
 *   result.interactions().forEach(out::collect);
 * } else {
 *   deadLetters.collect(result.rejected());
 * }
 * }</pre>
 */
@PublicEvolving
@TypeInfo(ParseResultSerializer.Factory.class)
public final class ParseResult {
  // Exactly one of the three is non-null; a single interaction is kept without a list because it
  // is by far the most common result, and parsers are benchmarked.
  private final Interaction interaction;
  private final List<Interaction> interactions;
  private final RejectedRecord rejected;

  private ParseResult(
      Interaction interaction, List<Interaction> interactions, RejectedRecord rejected) {
    this.interaction = interaction;
    this.interactions = interactions;
    this.rejected = rejected;
  }

  /** A record that became one interaction. */
  public static ParseResult accepted(Interaction interaction) {
    return new ParseResult(Objects.requireNonNull(interaction, "interaction"), null, null);
  }

  /**
   * A record that became several interactions, for example a session holding several events.
   *
   * @param interactions at least one interaction, in the record's order; copied
   * @throws IllegalArgumentException if {@code interactions} is empty: a record without events is a
   *     dead letter, never an accepted record that yields nothing
   */
  public static ParseResult accepted(List<Interaction> interactions) {
    List<Interaction> copy = List.copyOf(Objects.requireNonNull(interactions, "interactions"));
    if (copy.isEmpty()) {
      throw new IllegalArgumentException(
          "interactions of an accepted record must not be empty, was []");
    }
    return copy.size() == 1 ? accepted(copy.get(0)) : new ParseResult(null, copy, null);
  }

  /** A record that became a dead letter. */
  public static ParseResult rejected(RejectedRecord rejected) {
    return new ParseResult(null, null, Objects.requireNonNull(rejected, "rejected"));
  }

  /** Whether the record was accepted, with at least one interaction. */
  public boolean isAccepted() {
    return rejected == null;
  }

  /**
   * The interaction of a record that became exactly one, or null when rejected.
   *
   * @throws IllegalStateException if the record became several interactions: use {@link
   *     #interactions()}, which works for every result
   */
  public Interaction interaction() {
    if (interactions != null) {
      throw new IllegalStateException(
          "the record became "
              + interactions.size()
              + " interactions, read them with interactions()");
    }
    return interaction;
  }

  /**
   * All interactions of an accepted record in the record's order (at least one), or an empty list
   * when rejected. Immutable.
   */
  public List<Interaction> interactions() {
    if (interactions != null) {
      return interactions;
    }
    return interaction != null ? List.of(interaction) : List.of();
  }

  /**
   * The interaction at {@code index} (0 to {@link #interactionCount()} − 1) of an accepted record;
   * reads without the list that {@link #interactions()} may allocate.
   *
   * @throws IndexOutOfBoundsException if there is no interaction at {@code index}
   */
  public Interaction interaction(int index) {
    if (interactions != null) {
      return interactions.get(index);
    }
    if (interaction == null || index != 0) {
      throw new IndexOutOfBoundsException(
          "interaction " + index + " of a result with " + interactionCount());
    }
    return interaction;
  }

  /** The number of interactions: 0 when rejected, otherwise at least 1. */
  public int interactionCount() {
    if (interactions != null) {
      return interactions.size();
    }
    return interaction != null ? 1 : 0;
  }

  /** The dead letter, or null when accepted. */
  public RejectedRecord rejected() {
    return rejected;
  }

  @Override
  public String toString() {
    if (rejected != null) {
      return "rejected " + rejected;
    }
    return "accepted " + (interactions != null ? interactions : interaction);
  }
}
