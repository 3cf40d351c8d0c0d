package io.recs.request;

import org.apache.flink.annotation.Internal;

/** A request of a user without history: answered from trending items alone. */
@Internal
public record NoSeeds(RequestHeader header) implements RequestMessage {
  @Override
  public int parts() {
    return 1;
  }
}
