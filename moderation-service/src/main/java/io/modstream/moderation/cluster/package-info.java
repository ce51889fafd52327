/**
 * How instances of moderation-service answer reads of state that lives in another instance's stream task: the
 * owner of a key is found from Kafka Streams' metadata, and the read is forwarded to it over HTTP with the
 * deployment's shared token ({@link io.modstream.moderation.cluster.StateReads}).
 */
@NullMarked
package io.modstream.moderation.cluster;

import org.jspecify.annotations.NullMarked;
