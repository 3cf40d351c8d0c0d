package io.recs.request;

import org.apache.flink.annotation.Internal;

/**
 * With the replicated lookup: a whole request with all its seeds, scored where it arrives from the
 * candidate lists every ranking subtask holds.
 *
 * @param header the request
 * @param seeds the seed items
 * @param affinities the user's decayed affinities to them at the request time
 * @param features their features for linear scoring, or null without it
 */
@Internal
public record WholeRequest(
    RequestHeader header, String[] seeds, double[] affinities, SeedFeatures features)
    implements RequestMessage {
  @Override
  public int parts() {
    return 1;
  }
}
