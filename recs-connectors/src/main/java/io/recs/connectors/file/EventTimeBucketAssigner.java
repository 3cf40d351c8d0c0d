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
 * Buckets by the hour or day of the value's event time, in UTC ({@link FileBucketing#EVENT_HOUR},
 * {@link FileBucketing#EVENT_DAY}). Flink's {@code DateTimeBucketAssigner} uses processing time,
 * which would put a replayed day into today's folder. Values without an event time (dead letters)
 * use the Flink record's timestamp, and processing time when there is none.
 */
final class EventTimeBucketAssigner<T> implements BucketAssigner<T, String> {
  private static final long serialVersionUID = 1L;

  static final String HOUR_PATTERN = "yyyy-MM-dd--HH";
  static final String DAY_PATTERN = "yyyy-MM-dd";

  private final JsonFormat<T> format;
  private final String pattern;
  private transient DateTimeFormatter formatter;

  private EventTimeBucketAssigner(JsonFormat<T> format, String pattern) {
    this.format = format;
    this.pattern = pattern;
  }

  static <T> EventTimeBucketAssigner<T> hourly(JsonFormat<T> format) {
    return new EventTimeBucketAssigner<>(format, HOUR_PATTERN);
  }

  static <T> EventTimeBucketAssigner<T> daily(JsonFormat<T> format) {
    return new EventTimeBucketAssigner<>(format, DAY_PATTERN);
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
    if (formatter == null) {
      formatter = DateTimeFormatter.ofPattern(pattern).withZone(ZoneOffset.UTC);
    }
    return formatter.format(Instant.ofEpochMilli(time));
  }

  @Override
  public SimpleVersionedSerializer<String> getSerializer() {
    return SimpleVersionedStringSerializer.INSTANCE;
  }

  @Override
  public String toString() {
    return "EventTimeBucketAssigner{pattern=" + pattern + "}";
  }
}
