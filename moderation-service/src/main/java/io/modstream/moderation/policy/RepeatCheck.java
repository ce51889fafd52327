package io.modstream.moderation.policy;

import io.modstream.events.ReasonCodes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Compares a comment with its author's recent posts on the same site: the same text again (by its
 * {@link TextFingerprint}) within {@code duplicateWindow} is a DUPLICATE; more than {@code maxPosts} posts, this one
 * included, within {@code floodWindow} is a FLOOD. Both windows include their far end. A comment with no letters or
 * digits (an emoji, "+", "?") is never a duplicate: all such comments share one fingerprint. Posts later than this
 * one (clock skew between instances) are ignored. Both findings span the whole body. The history comes with the
 * submission; this class only reads it. Immutable and thread-safe.
 */
final class RepeatCheck implements Check {

    /** Settings; a null window or action, or the action ALLOW, switches that half off. */
    record Limits(
            Duration duplicateWindow, Action duplicateAction, int maxPosts, Duration floodWindow, Action floodAction) {}

    private static final String NOTHING_SAID = TextFingerprint.of("");

    private final Limits limits;

    RepeatCheck(Limits limits) {
        this.limits = limits;
    }

    @Override
    public List<Finding> inspect(Submission submission) {
        List<AuthorActivity.Post> posts = submission.recent().posts();
        if (posts.isEmpty()) {
            return List.of();
        }
        Instant now = submission.submittedAt();
        String fingerprint = submission.fingerprint();
        Instant duplicateSince = since(now, limits.duplicateWindow(), limits.duplicateAction());
        Instant floodSince = since(now, limits.floodWindow(), limits.floodAction());
        boolean duplicate = false;
        int recentPosts = 0;
        for (AuthorActivity.Post post : posts) {
            if (post.at().isAfter(now)) {
                continue; // a clock skew between instances must not count a later post against an earlier one
            }
            duplicate |= duplicateSince != null
                    && !post.at().isBefore(duplicateSince)
                    && post.fingerprint().equals(fingerprint);
            if (floodSince != null && !post.at().isBefore(floodSince)) {
                recentPosts++;
            }
        }
        int length = submission.body().length();
        List<Finding> findings = new ArrayList<>(2);
        if (duplicate && !fingerprint.equals(NOTHING_SAID)) {
            findings.add(new Finding(
                    ReasonCodes.DUPLICATE,
                    "You have already posted this comment.",
                    0,
                    length,
                    limits.duplicateAction()));
        }
        if (floodSince != null && recentPosts >= limits.maxPosts()) {
            findings.add(new Finding(
                    ReasonCodes.FLOOD,
                    "You are posting too fast; please wait a little.",
                    0,
                    length,
                    limits.floodAction()));
        }
        return findings;
    }

    /** The start of a window, or null when that half is switched off. */
    private static @Nullable Instant since(Instant now, @Nullable Duration window, @Nullable Action action) {
        return window == null || action == null || action == Action.ALLOW ? null : now.minus(window);
    }
}
