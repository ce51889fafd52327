package io.modstream.moderation.policy;

import java.time.Instant;
import java.util.List;

/**
 * What one author posted recently on one site, oldest first: enough for the flood and duplicate checks. The engine
 * only reads it; keeping it (in Kafka) is the pipeline's job.
 *
 * @param posts recent posts, oldest first
 */
public record AuthorActivity(List<Post> posts) {

    /** No known history. */
    public static final AuthorActivity NONE = new AuthorActivity(List.of());

    public AuthorActivity {
        posts = List.copyOf(posts);
    }

    /**
     * One earlier post.
     *
     * @param at when it was submitted
     * @param fingerprint the {@link TextFingerprint} of its text
     */
    public record Post(Instant at, String fingerprint) {}
}
