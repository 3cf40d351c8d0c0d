package io.recs.connectors.file;

/**
 * One line of a file without its line break, with its 0-based number.
 *
 * @param lineNumber 0-based number of the line in its file
 * @param bytes the line's bytes; only the first {@code maxLineBytes} when {@code truncated}
 * @param length the length of the whole line in bytes
 * @param truncated whether the line was longer than the format's limit
 */
record NumberedLine(long lineNumber, byte[] bytes, long length, boolean truncated) {}
