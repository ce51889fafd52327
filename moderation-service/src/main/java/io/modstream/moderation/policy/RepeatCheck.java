package io.modstream.moderation.policy;

import io.modstream.events.ReasonCodes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Compares a comment with its author's recent posts on the same site: the same text again within
 * {@code duplicateWindow} is a DUPLICATE; more than {@code maxPosts} posts within {@code floodWindow} is a FLOOD.
 * Both span the whole body. The history comes with the submission; this class only reads it. Immutable and
 * thread-safe.
 */
final class RepeatCheck implements Check {

    /** Settings; a null window or action switches that half off. */
    record Limits(
            Duration duplicateWindow, Action duplicateAction, int maxPosts, Duration floodWindow, Action floodAction) {}

    private final Limits limits;

    RepeatCheck(Limits limits) {
        this.limits = limits;
    }

    @Override
    public List<Finding> inspect(Submission submission) {
        Instant now = submission.submittedAt();
        List<AuthorActivity.Post> posts = submission.recent().posts();
        if (posts.isEmpty()) {
            return List.of();
        }
        int length = submission.body().length();
        String fingerprint = TextFingerprint.of(submission.body());
        Instant duplicateSince = now.minus(limits.duplicateWindow());
        Instant floodSince = now.minus(limits.floodWindow());
        boolean duplicate = false;
        int recentPosts = 0;
        for (AuthorActivity.Post post : posts) {
            if (post.at().isAfter(now)) {
                continue; // a clock skew between instances must not count a later post against an earlier one
            }
            duplicate |=
                    !post.at().isBefore(duplicateSince) && post.fingerprint().equals(fingerprint);
            if (post.at().isAfter(floodSince)) {
                recentPosts++;
            }
        }
        List<Finding> findings = new java.util.ArrayList<>(2);
        if (duplicate && limits.duplicateAction() != Action.ALLOW) {
            findings.add(new Finding(
                    ReasonCodes.DUPLICATE,
                    "You have already posted this comment.",
                    0,
                    length,
                    limits.duplicateAction()));
        }
        if (recentPosts >= limits.maxPosts() && limits.floodAction() != Action.ALLOW) {
            findings.add(new Finding(
                    ReasonCodes.FLOOD,
                    "You are posting too fast; please wait a little.",
                    0,
                    length,
                    limits.floodAction()));
        }
        return findings;
    }
}
