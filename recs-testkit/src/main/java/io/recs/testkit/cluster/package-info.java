/**
 * A multi-process Flink session cluster for tests: {@link
 * io.recs.testkit.cluster.FlinkClusterExtension} starts a JobManager and TaskManagers as separate
 * JVMs on this machine, {@link io.recs.testkit.cluster.JobSubmission} describes a job jar to run on
 * it, {@link io.recs.testkit.cluster.ClusterJob} follows the job (status, checkpoints, restores,
 * stop with savepoint), and {@link io.recs.testkit.cluster.TaskManagerProcess} is one TaskManager
 * that a test can kill with {@code kill -9}.
 */
package io.recs.testkit.cluster;
