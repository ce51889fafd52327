/**
 * In-memory views of state that lives in Kafka topics, rebuilt from them at start and kept current while running.
 */
@NullMarked
package io.modstream.moderation.state;

import org.jspecify.annotations.NullMarked;
