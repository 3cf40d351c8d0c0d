package io.recs.request;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * With the partitioned lookup: one seed of a request, on its way from the user stage to the seed's
 * partition, which answers with a {@link SeedPart}.
 *
 * @param header the request
 * @param parts the number of seeds of the request
 * @param seed the seed item, the key of the neighbour store
 * @param affinity the user's decayed affinity to the seed at the request time
 * @param features the seed's features for linear scoring (one entry), or null without it
 */
@Internal
@TypeInfo(SeedLookupSerializer.Factory.class)
public record SeedLookup(
    RequestHeader header, int parts, String seed, double affinity, SeedFeatures features) {

  /** This lookup answered with the seed's top neighbours. */
  public SeedPart answer(String[] candidates, double[] similarities) {
    return new SeedPart(this, candidates, similarities);
  }
}
