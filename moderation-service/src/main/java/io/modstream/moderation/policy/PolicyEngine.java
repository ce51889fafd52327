package io.modstream.moderation.policy;

import io.modstream.events.Reason;
import io.modstream.events.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * Moderates one comment under one policy: runs every check on the original body, takes the strictest verdict, and
 * sanitises the markup. Never throws for content. Immutable and thread-safe; one instance serves all threads.
 */
public final class PolicyEngine {

    private final Policy policy;
    private final Markup markup;

    public PolicyEngine(Policy policy) {
        this.policy = policy;
        this.markup = new Markup(policy.safelist());
    }

    public Moderation moderate(String body) {
        Verdict verdict = Verdict.APPROVE;
        List<Reason> reasons = new ArrayList<>();
        for (Check check : policy.checks()) {
            for (Finding finding : check.inspect(body)) {
                verdict = verdict.strictest(finding.verdict());
                reasons.add(finding.reason());
            }
        }
        return new Moderation(verdict, reasons, markup.text(body), markup.html(body), policy.version());
    }
}
