/**
 * "What would this site's policy do to this text?": the dry-run API for site admins, one comment as JSON or many as
 * NDJSON, and the backtest that replays past comments through a candidate policy. Nothing here publishes.
 */
@NullMarked
package io.modstream.moderation.dryrun;

import org.jspecify.annotations.NullMarked;
