package io.recs.scoring;

import java.util.Arrays;
import org.apache.flink.annotation.Internal;

/**
 * The parts of one request received so far. Public and mutable only for Flink's POJO serializer.
 */
@Internal
public final class PendingRequest {
  /** Received parts; entries {@code [0, received)} are valid. */
  public RankMessage[] parts = new RankMessage[0];

  /** Number of received parts. */
  public int received;

  /** For Flink's serializer. */
  public PendingRequest() {}

  /** Adds a part. */
  public void add(RankMessage part) {
    if (received == parts.length) {
      parts = Arrays.copyOf(parts, Math.max(4, Math.max(part.parts(), parts.length * 2)));
    }
    parts[received++] = part;
  }

  /** Whether every part has arrived. */
  public boolean isComplete() {
    return received > 0 && received >= parts[0].parts();
  }
}
