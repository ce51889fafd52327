package io.modstream.moderation.policy;

import io.modstream.events.Reason;
import io.modstream.events.ReasonCodes;
import io.modstream.events.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds links to other websites: {@code http(s)://} URLs, {@code www.} addresses and bare domains such as
 * {@code example.com}, whose ending must be a real public suffix (so {@code file.txt}, {@code e.g.} and
 * {@code 3.14} are not links). One finding per link, spanning it in the original body, asking for {@code verdict}.
 * Runs in time linear in the body. Immutable and thread-safe.
 */
final class LinkCheck implements Check {

    private static final String MESSAGE = "Comments may not contain links to other websites.";

    private final Verdict verdict;

    LinkCheck(Verdict verdict) {
        this.verdict = verdict;
    }

    @Override
    public List<Finding> inspect(String body) {
        List<Finding> findings = new ArrayList<>();
        for (Token token : Token.split(body)) {
            if (Links.isLink(token.text())) {
                findings.add(new Finding(new Reason(ReasonCodes.LINK, MESSAGE, token.start(), token.end()), verdict));
            }
        }
        return findings;
    }
}
