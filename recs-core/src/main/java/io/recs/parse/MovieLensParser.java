package io.recs.parse;

import io.recs.config.BuilderChecks;
import io.recs.event.ActionWeights;
import io.recs.event.Interaction;
import io.recs.event.RecordOrigin;
import io.recs.event.RejectReason;
import org.apache.flink.annotation.PublicEvolving;

/**
 * Parses MovieLens ratings into implicit positive interactions with action {@code rating}.
 *
 * <pre>{@code
 * InteractionParser ml100k = MovieLensParser.uData().build();             // u.data
 * InteractionParser latest = MovieLensParser.ratingsCsv()                 // ratings.csv
 *     .ratingThreshold(3.5)
 *     .ratingWeight(MovieLensParser.RatingWeight.ONE)
 *     .build();
 * }</pre>
 *
 * <p>{@link #uData()} reads MovieLens 100K's tab-separated {@code user item rating timestamp}
 * lines; {@link #ratingsCsv()} reads the {@code userId,movieId,rating,timestamp} files of the newer
 * releases, whose header line becomes a {@code HEADER} reject. Timestamps are epoch seconds.
 *
 * <p>A rating at or above the threshold (default 4.0) becomes an interaction whose weight is the
 * rating (default) or 1. A rating below it becomes a {@code BELOW_THRESHOLD} dead letter, so that
 * nothing is silently dropped; the threshold is applied to records that are otherwise valid.
 */
@PublicEvolving
public final class MovieLensParser implements InteractionParser {
  private static final long serialVersionUID = 1L;

  /** The weight of an accepted rating. */
  public enum RatingWeight {
    /** The rating itself, for example 4.5. */
    RATING,
    /** 1 for every accepted rating. */
    ONE
  }

  private final CsvInteractionParser ratings;
  private final double ratingThreshold;
  private final RatingWeight ratingWeight;

  private MovieLensParser(
      CsvInteractionParser ratings, double ratingThreshold, RatingWeight ratingWeight) {
    this.ratings = ratings;
    this.ratingThreshold = ratingThreshold;
    this.ratingWeight = ratingWeight;
  }

  /** A builder for MovieLens 100K's {@code u.data}: {@code user \t item \t rating \t timestamp}. */
  public static Builder uData() {
    return new Builder(
        CsvInteractionParser.builder()
            .delimiter('\t')
            .userColumn(0)
            .itemColumn(1)
            .weightColumn(2)
            .timestampColumn(3));
  }

  /** A builder for {@code ratings.csv} with header {@code userId,movieId,rating,timestamp}. */
  public static Builder ratingsCsv() {
    return new Builder(
        CsvInteractionParser.builder()
            .header("userId", "movieId", "rating", "timestamp")
            .userColumn("userId")
            .itemColumn("movieId")
            .weightColumn("rating")
            .timestampColumn("timestamp"));
  }

  @Override
  public ParseResult parse(byte[] record, RecordOrigin origin) {
    ParseResult result = ratings.parse(record, origin);
    if (!result.isAccepted()) {
      return result;
    }
    Interaction rated = result.interaction();
    if (rated.weight() < ratingThreshold) {
      return ParseResult.rejected(
          RecordRules.reject(
              RejectReason.BELOW_THRESHOLD,
              "rating " + rated.weight() + " is below ratingThreshold " + ratingThreshold,
              record,
              origin));
    }
    return ratingWeight == RatingWeight.RATING
        ? result
        : ParseResult.accepted(
            Interaction.of(rated.userId(), rated.itemId(), rated.action(), 1.0, rated.timestamp()));
  }

  /**
   * Builds a {@link MovieLensParser}; every property may be set once, and {@link #build()} checks
   * them.
   */
  public static final class Builder {
    private final CsvInteractionParser.Builder ratings;
    private Double ratingThreshold;
    private RatingWeight ratingWeight;

    private Builder(CsvInteractionParser.Builder ratings) {
      this.ratings =
          ratings.fixedAction(ActionWeights.RATING).timestampFormat(TimestampFormat.EPOCH_SECONDS);
    }

    /**
     * Ratings below this become {@code BELOW_THRESHOLD} rejects; 4.0 by default, 0 keeps every
     * rating.
     */
    public Builder ratingThreshold(double threshold) {
      ratingThreshold = BuilderChecks.setOnce("ratingThreshold", ratingThreshold, threshold);
      return this;
    }

    /** The weight of accepted ratings; {@link RatingWeight#RATING} by default. */
    public Builder ratingWeight(RatingWeight weight) {
      ratingWeight = BuilderChecks.setOnce("ratingWeight", ratingWeight, weight);
      return this;
    }

    /** Longer records are {@code TOO_LARGE} rejects; 65536 (64 KiB) by default. */
    public Builder maxRecordBytes(int bytes) {
      ratings.maxRecordBytes(bytes);
      return this;
    }

    /**
     * The parser.
     *
     * @throws IllegalArgumentException naming the property and its value when it is invalid
     */
    public MovieLensParser build() {
      double threshold = ratingThreshold == null ? 4.0 : ratingThreshold;
      if (!Double.isFinite(threshold) || threshold < 0) {
        throw new IllegalArgumentException(
            "ratingThreshold must be finite and >= 0, was " + threshold);
      }
      return new MovieLensParser(
          ratings.build(), threshold, ratingWeight == null ? RatingWeight.RATING : ratingWeight);
    }
  }
}
