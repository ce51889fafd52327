package io.modstream.moderation.review;

import io.modstream.events.CommentModerated;
import io.modstream.events.ModeratorDecision;
import io.modstream.events.Reason;
import io.modstream.events.ReasonCodes;
import io.modstream.events.Verdict;
import java.util.ArrayList;
import java.util.List;

/** What a moderator's decision publishes: the held outcome with the moderator's verdict. */
public final class DecidedOutcomes {

    private DecidedOutcomes() {}

    /** The held outcome, decided: the moderator's verdict and time, and their reason after the policy's. */
    public static CommentModerated of(ModeratorDecision decision) {
        CommentModerated held = decision.held();
        List<Reason> reasons = new ArrayList<>(held.reasons());
        String told = decision.reason() == null || decision.reason().isBlank()
                ? (decision.action() == Verdict.APPROVE
                        ? "A moderator approved this comment."
                        : "A moderator decided not to publish this comment.")
                : decision.reason();
        reasons.add(new Reason(ReasonCodes.MODERATOR, told, 0, 0));
        return new CommentModerated(
                CommentModerated.SCHEMA_VERSION,
                held.commentId(),
                held.siteId(),
                decision.action(),
                reasons,
                held.sanitizedText(),
                held.sanitizedHtml(),
                held.policyVersion(),
                decision.decidedAt(),
                held.comment());
    }
}
