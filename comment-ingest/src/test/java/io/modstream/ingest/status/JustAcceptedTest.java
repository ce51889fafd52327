package io.modstream.ingest.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.modstream.events.Author;
import io.modstream.events.CommentSubmitted;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JustAcceptedTest {

    private final JustAccepted accepted = new JustAccepted(new StatusProperties(
            Duration.ofDays(7), Duration.ofMinutes(1), 1000, Duration.ofSeconds(2), 1000, 2, Duration.ofMinutes(1)));

    @Test
    void aCommentIsHeldUntilTheStoreHasIt() {
        accepted.remember(pending("c-1"));

        assertThat(accepted.get("c-1"))
                .hasValueSatisfying(status -> assertThat(status.status()).isEqualTo(CommentStatus.Status.PENDING));

        accepted.stored("c-1");

        assertThat(accepted.get("c-1")).isEmpty();
        assertThat(accepted.size()).isZero();
    }

    @Test
    void theBoundHoldsWhenTheStoreIsBehind() {
        for (int i = 0; i < 10; i++) {
            accepted.remember(pending("c-" + i));
        }

        assertThat(accepted.size()).isEqualTo(2);
    }

    private static CommentStatus pending(String id) {
        return CommentStatus.pending(new CommentSubmitted(
                CommentSubmitted.SCHEMA_VERSION,
                id,
                "site-a",
                "thread-1",
                null,
                null,
                null,
                new Author("a-1", "Ada", null, null),
                "Hello",
                Instant.parse("2026-12-01T12:00:00Z")));
    }
}
