/**
 * Parsers that turn raw records into {@link io.recs.event.Interaction}s and never lose one: every
 * record is accepted with its interactions (one, or one per event of a session) or becomes one
 * {@link io.recs.event.RejectedRecord} with its reason.
 *
 * <ul>
 *   <li>{@link io.recs.parse.InteractionParser}: the contract; {@link io.recs.parse.ParseResult}
 *       its outcome.
 *   <li>{@link io.recs.parse.CsvInteractionParser} (CSV, TSV), {@link
 *       io.recs.parse.JsonInteractionParser} (JSON lines), {@link io.recs.parse.MovieLensParser}
 *       ({@code u.data}, {@code ratings.csv}); {@link io.recs.parse.TimestampFormat}.
 *   <li>{@link io.recs.parse.ParseFunction} and {@link io.recs.parse.Parsing}: the Flink operator
 *       with its dead-letter side output and metrics.
 * </ul>
 *
 * <p>Options, reject reasons and metrics are documented in {@code docs/parsing.md}.
 */
package io.recs.parse;
