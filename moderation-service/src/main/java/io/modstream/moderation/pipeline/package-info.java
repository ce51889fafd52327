/**
 * The Kafka side of moderation: the listener that turns each submitted comment into one outcome inside a Kafka
 * transaction, the topics it writes, and where unreadable records go (the dead-letter topic).
 */
@NullMarked
package io.modstream.moderation.pipeline;

import org.jspecify.annotations.NullMarked;
