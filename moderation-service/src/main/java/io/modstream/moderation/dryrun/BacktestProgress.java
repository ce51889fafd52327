package io.modstream.moderation.dryrun;

/**
 * How far a backtest has got, counted in offsets of {@code comments.submitted} (every site's comments, transaction
 * markers included), so that {@code offsetsRead} reaches {@code offsetsTotal} when it is done.
 *
 * @param offsetsRead offsets read so far in the range
 * @param offsetsTotal offsets in the range: from the first submitted at or after {@code from} to the first at or
 *     after {@code to} (or the end), over every partition
 * @param comments the site's comments judged so far
 */
record BacktestProgress(long offsetsRead, long offsetsTotal, int comments) {}
