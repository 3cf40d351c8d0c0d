package io.recs.request;

import org.apache.flink.annotation.Internal;

/**
 * One seed's part of a request, answered at the seed's partition.
 *
 * @param lookup what the user stage asked
 * @param candidates the seed's top neighbours, best first
 * @param similarities their similarities, parallel to {@code candidates}
 */
@Internal
public record SeedPart(SeedLookup lookup, String[] candidates, double[] similarities)
    implements RequestMessage {

  @Override
  public RequestHeader header() {
    return lookup.header();
  }

  @Override
  public int parts() {
    return lookup.parts();
  }
}
