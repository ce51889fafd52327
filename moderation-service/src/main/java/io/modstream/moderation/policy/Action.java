package io.modstream.moderation.policy;

import io.modstream.events.Verdict;

/**
 * What a site wants done when a check fires. A check whose action is {@link #ALLOW} reports nothing; every other
 * action reports its reason, even when it only rewrites the comment.
 */
public enum Action {
    /** Let it through unchanged and say nothing. */
    ALLOW(Verdict.APPROVE),
    /** Publish with the offending part removed (or replaced by a short marker such as {@code [link removed]}). */
    STRIP(Verdict.APPROVE),
    /** Publish with the offending part masked, keeping its length: {@code ****}. */
    MASK(Verdict.APPROVE),
    /** Hold the comment for a human moderator. */
    REVIEW(Verdict.REVIEW),
    /** Never publish the comment. */
    REJECT(Verdict.REJECT);

    private final Verdict verdict;

    Action(Verdict verdict) {
        this.verdict = verdict;
    }

    /** The verdict this action alone asks for. */
    public Verdict verdict() {
        return verdict;
    }

    /** Whether the action changes the published text. */
    public boolean rewrites() {
        return this == STRIP || this == MASK;
    }
}
