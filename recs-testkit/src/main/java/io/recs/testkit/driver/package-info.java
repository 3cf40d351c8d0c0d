/**
 * A test driver for recs jobs: {@link io.recs.testkit.driver.RecsTestDriver} runs a {@link
 * io.recs.pipeline.RecsPipeline}, or a team's own job built from recs operators, on an in-process
 * MiniCluster. Input handles ({@link io.recs.testkit.driver.TestInput}, {@link
 * io.recs.testkit.driver.TestRawInput}) and output handles ({@link
 * io.recs.testkit.driver.KeyedTestOutput}, {@link io.recs.testkit.driver.TestOutput}) come only
 * from the driver; {@link io.recs.testkit.driver.JobOutputs} names the streams of a custom job.
 */
package io.recs.testkit.driver;
