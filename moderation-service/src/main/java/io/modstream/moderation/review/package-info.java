/**
 * The moderators' side: the flagged queue, their decisions, the audit trail, and the API and live feed the console
 * uses. Kafka is the system of record: held comments are on the compacted {@code comments.review}, decisions on
 * {@code moderation.decisions}; every instance rebuilds the queue from both at start.
 */
@NullMarked
package io.modstream.moderation.review;

import org.jspecify.annotations.NullMarked;
