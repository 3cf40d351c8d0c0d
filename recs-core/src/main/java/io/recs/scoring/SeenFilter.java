package io.recs.scoring;

import io.recs.event.ActionWeights;
import java.io.Serializable;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.annotation.PublicEvolving;

/**
 * Which items a user already interacted with are kept out of the user's recommendations.
 *
 * <pre>{@code
 * SeenFilter.allActions();                 // the default: anything the user touched
 * SeenFilter.actions("purchase", "cart");  // only what the user bought or carted
 * SeenFilter.none();                        // recommend seen items again
 * }</pre>
 */
@PublicEvolving
public final class SeenFilter implements Serializable {
  private static final long serialVersionUID = 1L;

  private final boolean all;
  private final Set<String> actions;

  private SeenFilter(boolean all, Set<String> actions) {
    this.all = all;
    this.actions = actions;
  }

  /** Exclude items the user interacted with in any way. The default. */
  public static SeenFilter allActions() {
    return new SeenFilter(true, Set.of());
  }

  /** Exclude nothing. */
  public static SeenFilter none() {
    return new SeenFilter(false, Set.of());
  }

  /** Exclude items the user interacted with through one of these actions. */
  public static SeenFilter actions(String... actions) {
    if (actions.length == 0) {
      throw new IllegalArgumentException(
          "SeenFilter.actions needs at least one action; use none()");
    }
    return new SeenFilter(
        false, Set.of(actions).stream().map(ActionWeights::normalize).collect(Collectors.toSet()));
  }

  /** Whether an interaction with this action excludes its item. */
  public boolean excludes(String action) {
    return all || actions.contains(ActionWeights.normalize(action));
  }

  /** Whether this filter excludes nothing. */
  public boolean isNone() {
    return !all && actions.isEmpty();
  }

  @Override
  public String toString() {
    return all ? "allActions" : actions.isEmpty() ? "none" : "actions" + actions;
  }
}
