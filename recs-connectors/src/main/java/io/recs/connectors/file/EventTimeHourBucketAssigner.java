package io.recs.connectors.file;

import io.recs.connectors.json.JsonFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.OptionalLong;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;

/**
 * Buckets by the hour of the value's event time, in UTC, as {@code yyyy-MM-dd--HH}. Flink's {@code
 * DateTimeBucketAssigner} uses processing time, which would put a replayed day into today's folder.
 * Values without an event time (dead letters) use the Flink record's timestamp, and processing time
 * when there is none.
 */
final class EventTimeHourBucketAssigner<T> implements BucketAssigner<T, String> {
  private static final long serialVersionUID = 1L;

  static final DateTimeFormatter HOUR =
      DateTimeFormatter.ofPattern("yyyy-MM-dd--HH").withZone(ZoneOffset.UTC);

  private final JsonFormat<T> format;

  EventTimeHourBucketAssigner(JsonFormat<T> format) {
    this.format = format;
  }

  @Override
  public String getBucketId(T element, Context context) {
    OptionalLong eventTime = format.eventTime(element);
    long time;
    if (eventTime.isPresent()) {
      time = eventTime.getAsLong();
    } else if (context.timestamp() != null) {
      time = context.timestamp();
    } else {
      time = context.currentProcessingTime();
    }
    return HOUR.format(Instant.ofEpochMilli(time));
  }

  @Override
  public SimpleVersionedSerializer<String> getSerializer() {
    return SimpleVersionedStringSerializer.INSTANCE;
  }
}
