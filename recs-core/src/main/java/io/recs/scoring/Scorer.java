package io.recs.scoring;

import java.io.Serializable;
import org.apache.flink.annotation.PublicEvolving;

/**
 * Turns the contributions of a user's history items to one candidate item into a score.
 *
 * <p>Each contribution k comes from one history item h: {@code affinities[k]} is the user's decayed
 * affinity to h, {@code similarities[k]} the similarity of the candidate to h. Only the first
 * {@code count} entries are valid. Higher scores rank first.
 *
 * <pre>{@code
 * Scorer scorer = Scorers.blend(Map.of(Scorers.sum(), 0.7, Scorers.max(), 0.3));
 * }</pre>
 *
 * <p>See {@link Scorers} for the built-ins. Implementations must be stateless and serializable.
 */
@PublicEvolving
@FunctionalInterface
public interface Scorer extends Serializable {

  /**
   * The candidate's score.
   *
   * @param affinities the user's affinity to each contributing history item
   * @param similarities the candidate's similarity to each contributing history item
   * @param count the number of valid entries, at least 1
   * @return a finite score
   */
  double score(double[] affinities, double[] similarities, int count);
}
