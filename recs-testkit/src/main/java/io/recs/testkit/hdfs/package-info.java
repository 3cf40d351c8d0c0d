/**
 * A real HDFS for tests: {@link io.recs.testkit.hdfs.EmbeddedHdfsExtension}, a JUnit 5 extension
 * running a {@code MiniDFSCluster} in the test JVM, with helpers to write input files and read back
 * committed output.
 */
package io.recs.testkit.hdfs;
