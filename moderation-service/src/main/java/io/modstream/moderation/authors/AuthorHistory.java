package io.modstream.moderation.authors;

import io.modstream.events.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One author's record on one site, part of its {@link AuthorState} in the pipeline's {@code authors} store. Internal to
 * moderation-service.
 *
 * @param schemaVersion 1
 * @param revision rises by one with every change
 * @param siteId the site
 * @param authorId the site's id of the author
 * @param approved comments approved, by policy or by a moderator
 * @param rejected comments rejected
 * @param held comments waiting in the queue
 * @param recent the latest {@value #RECENT} comments, newest first
 */
public record AuthorHistory(
        int schemaVersion,
        long revision,
        String siteId,
        String authorId,
        long approved,
        long rejected,
        long held,
        List<Recent> recent) {

    static final int RECENT = 10;
    static final int EXCERPT = 200;

    public AuthorHistory {
        recent = List.copyOf(recent);
    }

    /**
     * One recent comment.
     *
     * @param commentId the comment
     * @param verdict where it stands now
     * @param at when it was submitted
     * @param excerpt the first {@value #EXCERPT} characters of its plain text
     */
    public record Recent(String commentId, Verdict verdict, Instant at, String excerpt) {}

    static AuthorHistory empty(String siteId, String authorId) {
        return new AuthorHistory(1, 0, siteId, authorId, 0, 0, 0, List.of());
    }

    /** How many comments the author has had moderated on the site. */
    public long total() {
        return approved + rejected + held;
    }

    /** This history after a new comment got {@code verdict}. */
    AuthorHistory withNew(String commentId, Verdict verdict, Instant at, String text) {
        List<Recent> latest = new ArrayList<>(RECENT);
        latest.add(new Recent(commentId, verdict, at, text.length() > EXCERPT ? text.substring(0, EXCERPT) : text));
        recent.stream()
                .filter(r -> !r.commentId().equals(commentId))
                .limit(RECENT - 1)
                .forEach(latest::add);
        return new AuthorHistory(
                1,
                revision + 1,
                siteId,
                authorId,
                approved + (verdict == Verdict.APPROVE ? 1 : 0),
                rejected + (verdict == Verdict.REJECT ? 1 : 0),
                held + (verdict == Verdict.REVIEW ? 1 : 0),
                latest);
    }

    /** This history after a moderator decided a held comment. */
    AuthorHistory withDecided(String commentId, Verdict verdict) {
        List<Recent> latest = recent.stream()
                .map(r -> r.commentId().equals(commentId) ? new Recent(commentId, verdict, r.at(), r.excerpt()) : r)
                .toList();
        return new AuthorHistory(
                1,
                revision + 1,
                siteId,
                authorId,
                approved + (verdict == Verdict.APPROVE ? 1 : 0),
                rejected + (verdict == Verdict.REJECT ? 1 : 0),
                Math.max(0, held - 1),
                latest);
    }
}
