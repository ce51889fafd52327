/**
 * The policy engine: plain Java, text in and verdict with reasons out. No Spring, no Kafka, no I/O (an ArchUnit test
 * keeps it so). Each check is one small class; a {@link io.modstream.moderation.policy.Policy} lists them in the
 * order they run. Content problems are results, never exceptions.
 */
@NullMarked
package io.modstream.moderation.policy;

import org.jspecify.annotations.NullMarked;
