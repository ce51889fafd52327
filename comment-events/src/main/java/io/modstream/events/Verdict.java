package io.modstream.events;

/** What moderation decided. When checks disagree, the strictest wins: REJECT over REVIEW over APPROVE. */
public enum Verdict {
    /** Shown on the site, possibly in a rewritten (sanitised) form. */
    APPROVE,
    /** Held until a human moderator decides. */
    REVIEW,
    /** Never shown. */
    REJECT;

    /** The stricter of the two verdicts. */
    public Verdict strictest(Verdict other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
