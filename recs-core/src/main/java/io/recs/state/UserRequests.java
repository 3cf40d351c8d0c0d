package io.recs.state;

import io.recs.event.Interaction;
import java.io.Serializable;
import org.apache.flink.annotation.Internal;
import org.apache.flink.util.OutputTag;

/**
 * The user stage's side of recommendation requests: when the {@link UserPreferencesFunction} starts
 * one, and what it sends. The user stage keeps the history and the timers; {@code io.recs.request}
 * decides the rest (seed selection, the messages of the lookup topology). {@link #none()} for a
 * pipeline without recommendation stages.
 */
@Internal
public interface UserRequests extends Serializable {

  /** Where the messages go: the user stage's side outputs. */
  interface Output {
    /** Emits {@code value} to {@code tag}. */
    <T> void emit(OutputTag<T> tag, T value);
  }

  /** Starts no requests. */
  static UserRequests none() {
    return NoRequests.INSTANCE;
  }

  /** Whether there are requests at all. */
  boolean enabled();

  /** Whether interactions trigger requests. */
  boolean triggerOnInteraction();

  /**
   * At most one interaction-triggered request per user per event-time interval (ms), latest wins; 0
   * for one per interaction.
   */
  long triggerIntervalMs();

  /** Whether an interaction-triggered request is restricted to the interaction's category. */
  boolean restrictToEventCategory();

  /** Tells the ranking stage that the user interacted with {@code event}'s item. */
  void interaction(Interaction event, Output out);

  /**
   * Starts request {@code requestId} of {@code user}.
   *
   * @param history the user's history (read only)
   * @param n the number of items wanted, 0 for the configured N
   * @param category the category to restrict to, or null
   * @param isFinal whether it is answered at the end of input
   * @param trigger the interaction that triggered it, or null
   */
  void request(
      String user,
      UserHistory history,
      long requestId,
      long time,
      int n,
      String category,
      boolean isFinal,
      Interaction trigger,
      Output out);

  /** {@link #none()}. */
  enum NoRequests implements UserRequests {
    INSTANCE;

    @Override
    public boolean enabled() {
      return false;
    }

    @Override
    public boolean triggerOnInteraction() {
      return false;
    }

    @Override
    public long triggerIntervalMs() {
      return 0;
    }

    @Override
    public boolean restrictToEventCategory() {
      return false;
    }

    @Override
    public void interaction(Interaction event, Output out) {}

    @Override
    public void request(
        String user,
        UserHistory history,
        long requestId,
        long time,
        int n,
        String category,
        boolean isFinal,
        Interaction trigger,
        Output out) {}
  }
}
