package io.recs.connectors.file;

import java.io.IOException;
import org.apache.flink.streaming.api.functions.sink.filesystem.PartFileInfo;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.CheckpointRollingPolicy;

/**
 * Rolls every part file at each checkpoint, as exactly-once needs, and also when it reaches a size,
 * so that a long checkpoint interval or a burst does not grow one file without limit. A file rolled
 * on size is closed at once (its writer and, on HDFS, its block stream are released) and committed
 * with the next checkpoint.
 */
final class PartSizeRollingPolicy<T> extends CheckpointRollingPolicy<T, String> {
  private static final long serialVersionUID = 1L;

  private final long maxPartBytes;

  PartSizeRollingPolicy(long maxPartBytes) {
    this.maxPartBytes = maxPartBytes;
  }

  @Override
  public boolean shouldRollOnEvent(PartFileInfo<String> partFile, T element) throws IOException {
    return partFile.getSize() >= maxPartBytes;
  }

  @Override
  public boolean shouldRollOnProcessingTime(PartFileInfo<String> partFile, long currentTime) {
    return false;
  }

  long maxPartBytes() {
    return maxPartBytes;
  }
}
