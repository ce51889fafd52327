package io.modstream.ingest.status;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The comments this instance has just accepted, held in the heap from the 202 until this instance's
 * {@code statuses-submitted} store has them, so that the caller's first status read is PENDING at once.
 *
 * <p>The read side's global thread forgets each comment as it applies it ({@link #stored}), usually milliseconds after
 * the 202, so the cache holds only what is in flight and never reaches its bound under load. Before, entries stayed
 * for a minute: at a few hundred comments a second the cache was full, and every comment accepted cost an eviction,
 * on a pool thread woken for it (docs/benchmarks.md, issue 12). The bound and the expiry still hold when the read side
 * is stopped or behind.
 *
 * <p>Thread-safe: request threads remember and read, the global thread forgets.
 */
@Component
class JustAccepted {

    private final Cache<String, CommentStatus> comments;

    JustAccepted(StatusProperties properties) {
        this.comments = Caffeine.newBuilder()
                .maximumSize(properties.acceptedMax())
                .expireAfterWrite(properties.acceptedFor())
                // The cache's upkeep runs in small steps on the threads that use it, instead of waking a pool thread.
                .executor(Runnable::run)
                .build();
    }

    /** Remembers a comment accepted here, PENDING. */
    void remember(CommentStatus pending) {
        comments.put(pending.id(), pending);
    }

    /** The comment, if it was accepted here and the store does not have it yet. */
    Optional<CommentStatus> get(String commentId) {
        return Optional.ofNullable(comments.getIfPresent(commentId));
    }

    /** The store has the comment now: it need not be held in the heap. */
    void stored(String commentId) {
        comments.invalidate(commentId);
    }

    /** How many comments are held: for tests and diagnostics. */
    long size() {
        comments.cleanUp();
        return comments.estimatedSize();
    }
}
