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

class EventTimeHourBucketAssignerTest {

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

  @Test
  void bucketsByEventTimeHourInUtc() {
    long eventTime = Instant.parse("2024-03-05T07:59:59.999Z").toEpochMilli();
    assertThat(
            new EventTimeHourBucketAssigner<>(RecsJson.recommendations())
                .getBucketId(new Recommendations("u", List.of(), eventTime), context(0L, 0L)))
        .isEqualTo("2024-03-05--07");
  }

  @Test
  void deadLettersUseTheRecordTimestampThenProcessingTime() {
    EventTimeHourBucketAssigner<RejectedRecord> assigner =
        new EventTimeHourBucketAssigner<>(RecsJson.rejectedRecords());
    RejectedRecord rejected = new RejectedRecord(RejectReason.EMPTY, "", "f", -1, 0, "", 0);
    long recordTime = Instant.parse("2024-01-01T23:00:00Z").toEpochMilli();
    long now = Instant.parse("2025-06-30T01:30:00Z").toEpochMilli();
    assertThat(assigner.getBucketId(rejected, context(recordTime, now)))
        .isEqualTo("2024-01-01--23");
    assertThat(assigner.getBucketId(rejected, context(null, now))).isEqualTo("2025-06-30--01");
  }
}
