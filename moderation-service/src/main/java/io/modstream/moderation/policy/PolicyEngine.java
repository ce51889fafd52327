package io.modstream.moderation.policy;

import io.modstream.events.Reason;
import io.modstream.events.ReasonCodes;
import io.modstream.events.Verdict;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Moderates one comment under one policy: runs every check on the original body, takes the strictest verdict,
 * applies the rewrites (strip, mask) the findings ask for, and sanitises the markup of the result. Never throws for
 * content. The reasons' messages are in the policy's language ({@link CommenterMessages}). Immutable and thread-safe;
 * one instance serves all threads.
 *
 * <p>Bodies no real comment has (over {@value #MAX_BODY_CHARS} chars, or over {@value #MAX_TAGS} tags) are rejected
 * without being parsed: HTML tree building is worse than linear on some nestings, and the engine's running time must
 * stay bounded whatever arrives on the topic.
 */
public final class PolicyEngine {

    /** Five times the ingest API's body limit; only a record written around the API can be longer. */
    public static final int MAX_BODY_CHARS = 100_000;

    /** Far more markup than any comment needs. */
    public static final int MAX_TAGS = 1_000;

    private final Policy policy;
    private final Markup markup;
    private final CommenterMessages messages;

    private @Nullable Moderation refusedUnread(String body) {
        if (body.length() > MAX_BODY_CHARS) {
            return refusal(new Reason(
                    ReasonCodes.LENGTH,
                    "Comments may be at most " + MAX_BODY_CHARS + " characters long.",
                    0,
                    body.length()));
        }
        if (body.length() < 2 * (MAX_TAGS + 1)) {
            return null; // each tag takes at least two chars, '<' and a letter or '/': too short for too many
        }
        int tags = 0;
        for (int at = body.indexOf('<'); at >= 0 && at + 1 < body.length(); at = body.indexOf('<', at + 1)) {
            char next = body.charAt(at + 1);
            if ((Character.isLetter(next) || next == '/') && ++tags > MAX_TAGS) {
                return refusal(
                        new Reason(ReasonCodes.MARKUP, "The comment contains far too much markup.", at, body.length()));
            }
        }
        return null;
    }

    private Moderation refusal(Reason reason) {
        return new Moderation(Verdict.REJECT, List.of(messages.translate(reason)), "", "", policy.version(), Set.of());
    }

    public PolicyEngine(Policy policy) {
        this.policy = policy;
        this.markup = new Markup(policy.markup().safelist(), policy.linkableDomains());
        this.messages = CommenterMessages.in(policy.language());
    }

    public Policy policy() {
        return policy;
    }

    /** Moderates a comment with no known author history. */
    public Moderation moderate(String body) {
        return moderate(Submission.of(body));
    }

    public Moderation moderate(Submission submission) {
        Moderation refused = refusedUnread(submission.body());
        if (refused != null) {
            return refused;
        }
        Verdict verdict = Verdict.APPROVE;
        List<Finding> findings = new ArrayList<>();
        for (Check check : policy.checks()) {
            for (Finding finding : check.inspect(submission)) {
                if (finding.action() == Action.ALLOW) {
                    continue;
                }
                verdict = verdict.strictest(finding.action().verdict());
                findings.add(finding);
            }
        }
        String published = Rewriter.rewrite(submission.body(), findings);
        List<Reason> reasons =
                findings.stream().map(Finding::reason).map(messages::translate).toList();
        // Unless a rewrite made a new text, the submission's profile already knows whether jsoup would change it.
        boolean plainText =
                published == submission.body() ? submission.profile().plainText() : Markup.isPlainText(published);
        Markup.Sanitized sanitized = markup.sanitize(published, plainText);
        return new Moderation(
                verdict, reasons, sanitized.text(), sanitized.html(), policy.version(), heldFor(verdict, findings));
    }

    private static Set<String> heldFor(Verdict verdict, List<Finding> findings) {
        if (verdict == Verdict.APPROVE) {
            return Set.of();
        }
        Set<String> codes = new HashSet<>();
        for (Finding finding : findings) {
            if (finding.action() == Action.REVIEW) {
                codes.add(finding.code());
            }
        }
        return codes;
    }
}
