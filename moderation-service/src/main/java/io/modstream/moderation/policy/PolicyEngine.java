package io.modstream.moderation.policy;

import io.modstream.events.Reason;
import io.modstream.events.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * Moderates one comment under one policy: runs every check on the original body, takes the strictest verdict,
 * applies the rewrites (strip, mask) the findings ask for, and sanitises the markup of the result. Never throws for
 * content. Immutable and thread-safe; one instance serves all threads.
 */
public final class PolicyEngine {

    private final Policy policy;
    private final Markup markup;

    public PolicyEngine(Policy policy) {
        this.policy = policy;
        this.markup = new Markup(policy.markup().safelist());
    }

    public Policy policy() {
        return policy;
    }

    /** Moderates a comment with no known author history. */
    public Moderation moderate(String body) {
        return moderate(Submission.of(body));
    }

    public Moderation moderate(Submission submission) {
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
        List<Reason> reasons = findings.stream().map(Finding::reason).toList();
        return new Moderation(verdict, reasons, markup.text(published), markup.html(published), policy.version());
    }
}
