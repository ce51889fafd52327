/**
 * The operator page and its API: what is on the broker (topics, partitions, end offsets), how far each consumer group
 * lags, how fast records arrive, and the dead letters, with a guarded replay to their source topic once the cause is
 * fixed. Operators see the whole broker, not one site; the page only reads, except for the replay.
 */
@NullMarked
package io.modstream.moderation.ops;

import org.jspecify.annotations.NullMarked;
