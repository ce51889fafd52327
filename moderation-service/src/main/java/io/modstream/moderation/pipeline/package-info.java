/**
 * The moderation pipeline as a Kafka Streams topology ({@link io.modstream.moderation.pipeline.ModerationTopology}):
 * comments are read and checked, repartitioned by site and author, and moderated by the task that owns the author's
 * state store; moderators' decisions and author actions reach the same task. Exactly-once v2: outcomes, state
 * changes and consumed offsets commit together. Unreadable records go to their topic's dead-letter topic as they came.
 */
@NullMarked
package io.modstream.moderation.pipeline;

import org.jspecify.annotations.NullMarked;
