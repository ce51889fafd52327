package io.modstream.moderation.activity;

import io.modstream.moderation.policy.AuthorActivity;
import java.time.Instant;
import java.util.List;

/**
 * The value on {@code authors.activity}: one author's recent posts on one site, oldest first. Internal to
 * moderation-service, which is its only writer and reader.
 *
 * @param schemaVersion 1
 * @param siteId the site
 * @param authorId the site's id of the author
 * @param posts recent posts, oldest first
 */
record AuthorActivityRecord(int schemaVersion, String siteId, String authorId, List<Post> posts) {

    /**
     * One post.
     *
     * @param at when it was submitted
     * @param fingerprint what it said, as a {@link io.modstream.moderation.policy.TextFingerprint}
     */
    record Post(Instant at, String fingerprint) {}

    AuthorActivity toActivity() {
        return new AuthorActivity(posts.stream()
                .map(p -> new AuthorActivity.Post(p.at(), p.fingerprint()))
                .toList());
    }
}
