/**
 * In-memory views of state that lives in Kafka topics, rebuilt from them at start and kept current while running.
 * Both services use them: moderation-service for the review queue and author state, comment-ingest for comment
 * statuses and thread feeds.
 */
@NullMarked
package io.modstream.kafka.views;

import org.jspecify.annotations.NullMarked;
