package io.recs.testkit.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;

/**
 * Passes records through, but throws once, on the first record after a checkpoint has completed, to
 * test recovery. Its flags are static because a restart replaces every instance; each test must
 * call {@link #reset()} first, and only one job per JVM may use it at a time. For recs' own
 * recovery tests (recs-testkit's and recs-core-tests'); not part of the testkit's API.
 *
 * @param <T> the record type
 */
@Internal
public final class FailOnceAfterCheckpoint<T> implements MapFunction<T, T>, CheckpointListener {
  private static final long serialVersionUID = 1L;

  private static final AtomicBoolean FAILED = new AtomicBoolean();
  private static final AtomicInteger COMPLETED_CHECKPOINTS = new AtomicInteger();

  private final long holdAt;
  private transient boolean checkpointCompleted;
  private transient long seen;

  /** Fails on the first record after a checkpoint completed. */
  public FailOnceAfterCheckpoint() {
    this(0);
  }

  /**
   * Fails mid-stream: from record number {@code holdAt} on, records are slowed down (1 ms each, so
   * that checkpoint notifications, which run between records, get through) until a checkpoint has
   * completed, and the next record fails.
   */
  public FailOnceAfterCheckpoint(long holdAt) {
    this.holdAt = holdAt;
  }

  /** Arms the failure and zeroes the checkpoint count. */
  public static void reset() {
    FAILED.set(false);
    COMPLETED_CHECKPOINTS.set(0);
  }

  /** Whether the failure has happened. */
  public static boolean failed() {
    return FAILED.get();
  }

  /** How many checkpoint completions the instances saw, over all subtasks and attempts. */
  public static int completedCheckpoints() {
    return COMPLETED_CHECKPOINTS.get();
  }

  @Override
  public T map(T value) throws InterruptedException {
    seen++;
    if (seen < holdAt) {
      return value;
    }
    if (holdAt > 0 && !checkpointCompleted && !FAILED.get()) {
      Thread.sleep(1);
    }
    if (checkpointCompleted && FAILED.compareAndSet(false, true)) {
      throw new IllegalStateException("planned failure after a completed checkpoint");
    }
    return value;
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) {
    checkpointCompleted = true;
    COMPLETED_CHECKPOINTS.incrementAndGet();
  }
}
