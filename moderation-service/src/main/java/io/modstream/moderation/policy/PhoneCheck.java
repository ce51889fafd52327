package io.modstream.moderation.policy;

import io.modstream.events.ReasonCodes;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds phone numbers, personal data a news site keeps out of comments: international, bracketed area codes, North
 * American and European national forms, fullwidth digits included; {@link Phones} says exactly what counts and which
 * numbers (dates, prices, years, scores, versions) do not. One finding per number, spanning it in the original body;
 * stripped numbers become {@code [phone removed]}, masked ones keep their length. Runs in time linear in the body.
 * Immutable and thread-safe.
 */
final class PhoneCheck implements Check {

    static final String MESSAGE = "Comments may not contain phone numbers.";
    static final String REMOVED = "[phone removed]";

    private final Action action;

    PhoneCheck(Action action) {
        this.action = action;
    }

    @Override
    public List<Finding> inspect(Submission submission) {
        if (action == Action.ALLOW) {
            return List.of();
        }
        DeobfuscatedText text = submission.deobfuscated();
        List<Finding> findings = new ArrayList<>();
        for (Phones.Span phone : Phones.find(text.text())) {
            int start = text.originalStart(phone.start());
            int end = text.originalEnd(phone.end());
            findings.add(new Finding(ReasonCodes.PII, MESSAGE, start, end, action, REMOVED));
        }
        return findings;
    }
}
