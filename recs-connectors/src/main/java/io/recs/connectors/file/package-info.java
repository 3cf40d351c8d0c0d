/**
 * Files in and out, local or {@code hdfs://}: {@link io.recs.connectors.file.FileInteractionSource}
 * reads lines with an {@link io.recs.parse.InteractionParser}, bounded or monitoring folders;
 * {@link io.recs.connectors.file.RecsFileSink} writes JSON lines into buckets chosen by {@link
 * io.recs.connectors.file.FileBucketing} (hourly by processing time by default), committed on
 * checkpoints. See {@code docs/connectors/files.md}.
 */
package io.recs.connectors.file;
