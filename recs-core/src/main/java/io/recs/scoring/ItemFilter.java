package io.recs.scoring;

import java.io.Serializable;
import org.apache.flink.annotation.PublicEvolving;

/**
 * A user-supplied rule deciding whether an item may be recommended to a user.
 *
 * <pre>{@code
 * ItemFilter noSamples = (user, item) -> !item.startsWith("sample-");
 * }</pre>
 */
@PublicEvolving
@FunctionalInterface
public interface ItemFilter extends Serializable {

  /** Whether {@code itemId} may be recommended to {@code userId}. */
  boolean allows(String userId, String itemId);
}
