package io.recs.connectors.file;

import org.apache.flink.annotation.PublicEvolving;

/**
 * How {@link RecsFileSink} splits its output into folders ("buckets") under the base path.
 *
 * <p>Every bucket a subtask writes to between two checkpoints holds at least one part file, open
 * until that checkpoint. A layout by event time therefore opens as many files per checkpoint as the
 * input spans hours (or days): a replay of years of history opens thousands at once, which an HDFS
 * cluster does not survive (each open file holds a writer thread and a lease, and every one is
 * completed at the checkpoint). The layouts by processing time and {@link #NONE} open one bucket
 * per subtask whatever the input, so they are safe for backfills; the event-time layouts are for
 * live streams, whose event time stays close to now.
 */
@PublicEvolving
public enum FileBucketing {
  /**
   * The default: one folder per hour of processing time (when the value was written), in UTC, as
   * {@code yyyy-MM-dd--HH}. One open bucket per subtask (two across the turn of an hour), whatever
   * the event time of the input.
   */
  PROCESSING_TIME_HOUR,

  /**
   * One folder per day of the value's event time, in UTC, as {@code yyyy-MM-dd}. Opens one bucket
   * per day that the input of one checkpoint interval spans: for live streams only.
   */
  EVENT_DAY,

  /**
   * One folder per hour of the value's event time, in UTC, as {@code yyyy-MM-dd--HH}: a backfill
   * lands in the folders of its own hours. Opens one bucket per hour that the input of one
   * checkpoint interval spans (5,148 for the accepted ratings of MovieLens ml-latest-small): for
   * live streams only.
   */
  EVENT_HOUR,

  /** No folders: every part file directly under the base path. One open bucket per subtask. */
  NONE;

  /** Whether the folder comes from the values' event time, so that replayed history fans out. */
  public boolean byEventTime() {
    return this == EVENT_DAY || this == EVENT_HOUR;
  }
}
