package io.modstream.moderation.ops;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A dead-letter topic with its counts and newest records.
 *
 * @param topic the dead-letter topic, ending in {@code -dlt}
 * @param sourceTopic where a replay sends its records: the name without {@code -dlt}; null when this service does
 *     not replay that topic (another service's dead letters, which it replays itself)
 * @param total records in the topic (committed ones)
 * @param pending records a replay would send now: those not replayed yet
 * @param countsCapped true when the topic held more than {@value DeadLetterTopics#SCAN_LIMIT} records to count:
 *     {@code total} and {@code pending} are then lower bounds, and a replay sends at most that many at a time
 * @param newest the newest records, newest first
 */
record DeadLetterTopic(
        String topic,
        @Nullable String sourceTopic,
        long total,
        long pending,
        boolean countsCapped,
        List<DeadLetter> newest) {

    DeadLetterTopic {
        newest = List.copyOf(newest);
    }
}
