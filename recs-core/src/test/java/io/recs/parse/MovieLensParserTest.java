package io.recs.parse;

import static io.recs.parse.ParseTesting.ORIGIN;
import static io.recs.parse.ParseTesting.accepted;
import static io.recs.parse.ParseTesting.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recs.event.Interaction;
import io.recs.event.RejectReason;
import io.recs.event.RejectedRecord;
import org.junit.jupiter.api.Test;

class MovieLensParserTest {

  @Test
  void readsUDataWithRatingsAsWeights() {
    assertThat(accepted(MovieLensParser.uData().build(), "196\t242\t4\t881250949"))
        .isEqualTo(Interaction.of("196", "242", "rating", 4.0, 881_250_949_000L));
  }

  @Test
  void readsRatingsCsvWithUnitWeights() {
    MovieLensParser parser =
        MovieLensParser.ratingsCsv()
            .ratingThreshold(3.5)
            .ratingWeight(MovieLensParser.RatingWeight.ONE)
            .build();
    assertThat(accepted(parser, "1,31,3.5,1260759144"))
        .isEqualTo(Interaction.of("1", "31", "rating", 1.0, 1_260_759_144_000L));
    assertThat(rejected(parser, "userId,movieId,rating,timestamp").reason())
        .isEqualTo(RejectReason.HEADER);
  }

  @Test
  void keepsRatingsBelowTheThresholdAsDeadLetters() {
    RejectedRecord r = rejected(MovieLensParser.uData().build(), "196\t242\t3\t881250949");
    assertThat(r.reason()).isEqualTo(RejectReason.BELOW_THRESHOLD);
    assertThat(r.detail()).isEqualTo("rating 3.0 is below ratingThreshold 4.0");
    assertThat(r.raw()).isEqualTo("196\t242\t3\t881250949");
    assertThat(r.offset()).isEqualTo(ORIGIN.offset());
  }

  @Test
  void checksTheRecordBeforeTheThreshold() {
    MovieLensParser parser = MovieLensParser.uData().build();
    assertThat(rejected(parser, "196\t242\t-3\t881250949").reason())
        .isEqualTo(RejectReason.INVALID_WEIGHT);
    assertThat(rejected(parser, "196\t242\t1\tsoon").reason())
        .isEqualTo(RejectReason.INVALID_TIMESTAMP);
    assertThat(rejected(parser, "196\t242\t5").reason()).isEqualTo(RejectReason.MALFORMED_CSV);
  }

  @Test
  void buildNamesTheInvalidProperty() {
    assertThatThrownBy(() -> MovieLensParser.uData().ratingThreshold(-1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ratingThreshold must be finite and >= 0, was -1.0");
    assertThatThrownBy(() -> MovieLensParser.uData().maxRecordBytes(-5).build())
        .hasMessage("maxRecordBytes must be > 0, was -5");
  }
}
