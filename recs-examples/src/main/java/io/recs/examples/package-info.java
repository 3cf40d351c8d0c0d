/**
 * Runnable jobs, packaged as one shaded jar whose {@link io.recs.examples.Main} takes the job name
 * as first argument: {@link io.recs.examples.KafkaToKafkaJob} and {@link
 * io.recs.examples.FilesToFilesJob}. See {@code docs/operations.md}.
 */
package io.recs.examples;
