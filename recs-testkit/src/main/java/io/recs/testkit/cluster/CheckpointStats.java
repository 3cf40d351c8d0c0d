package io.recs.testkit.cluster;

import java.time.Duration;
import java.time.Instant;
import org.apache.flink.annotation.PublicEvolving;

/**
 * One completed checkpoint or savepoint of a {@link ClusterJob}, from the JobManager's checkpoint
 * history ({@code GET /jobs/{id}/checkpoints}).
 *
 * @param id the checkpoint id
 * @param savepoint whether it is a savepoint
 * @param unaligned whether it was taken unaligned
 * @param triggered when it was triggered
 * @param duration from trigger to the last acknowledgement
 * @param checkpointedBytes bytes written by this checkpoint (for incremental checkpoints, the
 *     increment)
 * @param stateBytes the full size of the state it covers
 */
@PublicEvolving
public record CheckpointStats(
    long id,
    boolean savepoint,
    boolean unaligned,
    Instant triggered,
    Duration duration,
    long checkpointedBytes,
    long stateBytes) {}
