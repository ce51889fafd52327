/**
 * What one member of staff may spend: a per-user rate on state-changing API calls ({@link StaffRateFilter}, one
 * filter in front of every controller, so none is forgotten) and a cap on how many of the expensive jobs, backtests
 * and dead-letter replays, run at once on an instance ({@link ExpensiveRuns}). Both answer 429 with
 * {@code Retry-After}, before anything is done. Sign-in throttling is not here: it belongs to {@code access}.
 */
@NullMarked
package io.modstream.moderation.limits;

import org.jspecify.annotations.NullMarked;
