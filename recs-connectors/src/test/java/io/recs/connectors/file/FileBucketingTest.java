package io.recs.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.recs.connectors.json.RecsJson;
import io.recs.event.Recommendations;
import io.recs.event.RejectReason;
import io.recs.event.RejectedRecord;
import java.time.Instant;
import java.util.List;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileBucketingTest {
  private static final long EVENT_TIME = Instant.parse("2016-03-05T07:59:59.999Z").toEpochMilli();
  private static final long NOW = Instant.parse("2025-06-30T01:30:00Z").toEpochMilli();
  private static final Recommendations RECS = new Recommendations("u", List.of(), EVENT_TIME);
  private static final RejectedRecord DEAD =
      new RejectedRecord(RejectReason.EMPTY, "", "f", -1, 0, "", 0);

  private static BucketAssigner.Context context(Long timestamp, long processingTime) {
    return new BucketAssigner.Context() {
      @Override
      public long currentProcessingTime() {
        return processingTime;
      }

      @Override
      public long currentWatermark() {
        return Long.MIN_VALUE;
      }

      @Override
      public Long timestamp() {
        return timestamp;
      }
    };
  }

  private static String bucket(FileBucketing bucketing, Recommendations value, Long timestamp) {
    return RecsFileSink.assigner(bucketing, RecsJson.recommendations())
        .getBucketId(value, context(timestamp, NOW));
  }

  private static String deadLetterBucket(FileBucketing bucketing, Long timestamp) {
    return RecsFileSink.assigner(bucketing, RecsJson.rejectedRecords())
        .getBucketId(DEAD, context(timestamp, NOW));
  }

  @ParameterizedTest
  @CsvSource({
    "PROCESSING_TIME_HOUR, 2025-06-30--01",
    "EVENT_DAY, 2016-03-05",
    "EVENT_HOUR, 2016-03-05--07",
    "NONE, ''"
  })
  void eachLayoutBucketsAValueWithAnEventTime(FileBucketing bucketing, String expected) {
    assertThat(bucket(bucketing, RECS, 0L)).isEqualTo(expected);
  }

  @Test
  void theDefaultIgnoresEventTimeSoThatReplayedHistoryOpensOneBucket() {
    assertThat(RecsFileSink.DEFAULT_BUCKETING).isEqualTo(FileBucketing.PROCESSING_TIME_HOUR);
    assertThat(FileBucketing.PROCESSING_TIME_HOUR.byEventTime()).isFalse();
    assertThat(FileBucketing.NONE.byEventTime()).isFalse();
    for (long year = 0; year < 20; year++) {
      Recommendations old = new Recommendations("u", List.of(), year * 365 * 86_400_000L);
      assertThat(bucket(FileBucketing.PROCESSING_TIME_HOUR, old, null)).isEqualTo("2025-06-30--01");
    }
  }

  @Test
  void deadLettersUseTheRecordTimestampThenProcessingTimeInEventLayouts() {
    long recordTime = Instant.parse("2024-01-01T23:00:00Z").toEpochMilli();
    assertThat(deadLetterBucket(FileBucketing.EVENT_HOUR, recordTime)).isEqualTo("2024-01-01--23");
    assertThat(deadLetterBucket(FileBucketing.EVENT_HOUR, null)).isEqualTo("2025-06-30--01");
    assertThat(deadLetterBucket(FileBucketing.EVENT_DAY, recordTime)).isEqualTo("2024-01-01");
    assertThat(deadLetterBucket(FileBucketing.EVENT_DAY, null)).isEqualTo("2025-06-30");
  }

  @Test
  void deadLettersFollowTheOtherOutputsInTheDefaultAndNone() {
    assertThat(deadLetterBucket(FileBucketing.PROCESSING_TIME_HOUR, 0L))
        .isEqualTo("2025-06-30--01");
    assertThat(deadLetterBucket(FileBucketing.NONE, 0L)).isEmpty();
  }
}
