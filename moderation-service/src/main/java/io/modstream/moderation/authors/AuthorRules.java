package io.modstream.moderation.authors;

import io.modstream.events.Reason;
import io.modstream.events.ReasonCodes;
import io.modstream.events.Verdict;
import io.modstream.moderation.policy.Moderation;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What an author's standing and record add to the engine's answer. A ban or a running suspension rejects;
 * pre-moderation, and an author's first comments where the site holds them, hold for review; trust approves a
 * comment the engine held only for suspect terms. Reasons that come from the author, not the text, span nothing
 * ({@code start == end == 0}).
 */
public final class AuthorRules {

    private static final DateTimeFormatter UNTIL =
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private AuthorRules() {}

    /**
     * @param moderation the engine's answer
     * @param standing what moderators decided about the author
     * @param history the author's record on the site before this comment
     * @param holdFirst the site holds an author's first this many comments; 0 for none
     * @param now the time of moderation
     */
    public static Moderation apply(
            Moderation moderation, AuthorStanding standing, AuthorHistory history, int holdFirst, Instant now) {
        Verdict verdict = moderation.verdict();
        List<Reason> reasons = new ArrayList<>(moderation.reasons());
        if (standing.banned()) {
            verdict = Verdict.REJECT;
            reasons.add(new Reason(ReasonCodes.AUTHOR_BANNED, "You can no longer comment on this site.", 0, 0));
        } else if (standing.suspendedAt(now) && standing.suspendedUntil() != null) {
            verdict = Verdict.REJECT;
            reasons.add(new Reason(
                    ReasonCodes.AUTHOR_SUSPENDED,
                    "You cannot comment on this site until " + UNTIL.format(standing.suspendedUntil()) + ".",
                    0,
                    0));
        }
        if (standing.premoderated()) {
            verdict = verdict.strictest(Verdict.REVIEW);
            reasons.add(new Reason(
                    ReasonCodes.PREMODERATED, "A moderator reads your comments before they are shown.", 0, 0));
        } else if (!standing.trusted() && history.total() < holdFirst) {
            verdict = verdict.strictest(Verdict.REVIEW);
            reasons.add(new Reason(
                    ReasonCodes.NEW_AUTHOR,
                    "A moderator reads a new member's first comments before they are shown.",
                    0,
                    0));
        }
        if (standing.trusted()
                && verdict == Verdict.REVIEW
                && Set.of(ReasonCodes.SUSPECT_TERM).containsAll(moderation.heldFor())) {
            verdict = Verdict.APPROVE;
        }
        if (verdict == moderation.verdict()
                && reasons.size() == moderation.reasons().size()) {
            return moderation;
        }
        return new Moderation(
                verdict,
                reasons,
                moderation.sanitizedText(),
                moderation.sanitizedHtml(),
                moderation.policyVersion(),
                moderation.heldFor());
    }
}
