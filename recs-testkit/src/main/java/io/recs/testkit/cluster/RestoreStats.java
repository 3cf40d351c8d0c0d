package io.recs.testkit.cluster;

import java.time.Instant;
import org.apache.flink.annotation.PublicEvolving;

/**
 * The latest restore of a {@link ClusterJob}: from which checkpoint or savepoint, and when.
 *
 * @param checkpointId the id of the restored checkpoint or savepoint
 * @param savepoint whether it was a savepoint
 * @param time when the JobManager restored it
 * @param path its external path, if it has one
 */
@PublicEvolving
public record RestoreStats(long checkpointId, boolean savepoint, Instant time, String path) {}
