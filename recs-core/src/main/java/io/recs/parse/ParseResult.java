package io.recs.parse;

import io.recs.event.Interaction;
import io.recs.event.RejectedRecord;
import java.util.Objects;
import org.apache.flink.annotation.PublicEvolving;

/**
 * The outcome of parsing one record: exactly one of {@link #interaction()} and {@link #rejected()}
 * is non-null.
 */
@PublicEvolving
public final class ParseResult {
  private final Interaction interaction;
  private final RejectedRecord rejected;

  private ParseResult(Interaction interaction, RejectedRecord rejected) {
    this.interaction = interaction;
    this.rejected = rejected;
  }

  /** A record that became an interaction. */
  public static ParseResult accepted(Interaction interaction) {
    return new ParseResult(Objects.requireNonNull(interaction, "interaction"), null);
  }

  /** A record that became a dead letter. */
  public static ParseResult rejected(RejectedRecord rejected) {
    return new ParseResult(null, Objects.requireNonNull(rejected, "rejected"));
  }

  /** Whether the record became an interaction. */
  public boolean isAccepted() {
    return interaction != null;
  }

  /** The interaction, or null when rejected. */
  public Interaction interaction() {
    return interaction;
  }

  /** The dead letter, or null when accepted. */
  public RejectedRecord rejected() {
    return rejected;
  }

  @Override
  public String toString() {
    return isAccepted() ? "accepted " + interaction : "rejected " + rejected;
  }
}
