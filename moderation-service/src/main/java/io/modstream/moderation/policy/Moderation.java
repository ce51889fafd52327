package io.modstream.moderation.policy;

import io.modstream.events.Reason;
import io.modstream.events.Verdict;
import java.util.List;
import java.util.Set;

/**
 * The engine's answer for one comment.
 *
 * @param verdict the strictest verdict any finding asked for, APPROVE when none did
 * @param reasons every finding's reason, in the order the checks ran
 * @param sanitizedText the body with all markup removed
 * @param sanitizedHtml the body reduced to the policy's formatting safelist; contains nothing that can run script
 * @param policyVersion the version of the policy that decided
 * @param heldFor the codes of the reasons whose check asked for review; empty unless the verdict is REVIEW or REJECT
 */
public record Moderation(
        Verdict verdict,
        List<Reason> reasons,
        String sanitizedText,
        String sanitizedHtml,
        String policyVersion,
        Set<String> heldFor) {

    public Moderation {
        reasons = List.copyOf(reasons);
        heldFor = Set.copyOf(heldFor);
    }
}
