package io.modstream.moderation.policy;

import io.modstream.events.ReasonCodes;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds links to other websites: {@code http(s)://} URLs, {@code www.} addresses and bare domains such as
 * {@code example.com}, whose ending must be a real public suffix (so {@code file.txt}, {@code e.g.} and
 * {@code 3.14} are not links). One finding per link, spanning it in the original body. Stripped links are replaced
 * by {@code [link removed]}. Runs in time linear in the body. Immutable and thread-safe.
 */
final class LinkCheck implements Check {

    static final String MESSAGE = "Comments may not contain links to other websites.";
    static final String REMOVED = "[link removed]";

    private final Action action;

    LinkCheck(Action action) {
        this.action = action;
    }

    @Override
    public List<Finding> inspect(Submission submission) {
        if (action == Action.ALLOW) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (Token token : Token.split(submission.body())) {
            if (Links.isLink(token.text())) {
                findings.add(new Finding(ReasonCodes.LINK, MESSAGE, token.start(), token.end(), action, REMOVED));
            }
        }
        return findings;
    }
}
