package io.modstream.moderation.policy;

import io.modstream.events.ReasonCodes;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds e-mail addresses, also disguised ones: {@code name@example.com}, {@code name(at)example.com},
 * {@code name [at] example [dot] com}, {@code name at example dot com}; {@link Emails} says exactly what counts. One
 * finding per address, spanning all of it in the original body; stripped addresses become {@code [email removed]},
 * masked ones keep their length. The link check never reports the domain of an address found here. Runs in time
 * linear in the body. Immutable and thread-safe.
 */
final class EmailCheck implements Check {

    static final String MESSAGE = "Comments may not contain e-mail addresses.";
    static final String REMOVED = "[email removed]";

    private final Action action;

    EmailCheck(Action action) {
        this.action = action;
    }

    @Override
    public List<Finding> inspect(Submission submission) {
        if (action == Action.ALLOW) {
            return List.of();
        }
        DeobfuscatedText text = submission.deobfuscated();
        List<Finding> findings = new ArrayList<>();
        for (Emails.Address address : submission.emailAddresses()) {
            int start = text.originalStart(address.start());
            int end = text.originalEnd(address.end());
            findings.add(new Finding(ReasonCodes.EMAIL, MESSAGE, start, end, action, REMOVED));
        }
        return findings;
    }
}
