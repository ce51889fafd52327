package io.modstream.moderation.policy;

import io.modstream.events.ReasonCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds links to other websites: URLs of any scheme (also defanged, {@code hxxp://}, {@code h**p://}, and
 * {@code javascript:}), {@code www.} addresses, bare domains under a public suffix, IPv4 addresses and IPv6 ones in
 * URLs, the address inside markdown and HTML links, and disguised addresses ({@code example dot com},
 * {@code example[.]com}, {@code ｅｘａｍｐｌｅ.com}, {@code gооgle.com} with Cyrillic letters); {@link Token},
 * {@link Links} and {@link DeobfuscatedText} say exactly what counts, and {@link MacAddresses} what is never part of a
 * host. One finding per link, spanning all of it in the original body, disguise included; stripped links become
 * {@code [link removed]}. Links to the site's own domains and their subdomains are allowed, and the domain of an e-mail
 * address is left to {@link EmailCheck}. Runs in time linear in the body. Immutable and thread-safe.
 */
final class LinkCheck implements Check {

    static final String MESSAGE = "Comments may not contain links to other websites.";
    static final String REMOVED = "[link removed]";

    private final Action action;
    private final Set<String> allowedDomains;

    /** A check that allows no domain at all. */
    LinkCheck(Action action) {
        this(action, Set.of());
    }

    /**
     * @param allowedDomains the site's own domains, such as {@code news.example}; their subdomains are allowed too
     */
    LinkCheck(Action action, Set<String> allowedDomains) {
        this.action = action;
        this.allowedDomains = allowedDomains.stream()
                .map(domain -> domain.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public List<Finding> inspect(Submission submission) {
        if (action == Action.ALLOW) {
            return List.of();
        }
        DeobfuscatedText text = submission.deobfuscated();
        String folded = text.text();
        List<Emails.Address> addresses = submission.emailAddresses();
        List<Finding> findings = new ArrayList<>();
        int covered = 0;
        int address = 0;
        for (Token found : Token.scan(folded)) {
            Token token = MacAddresses.withoutMacAddress(folded, found);
            if (token == null) {
                continue;
            }
            while (address < addresses.size() && addresses.get(address).end() <= token.start()) {
                address++;
            }
            boolean inAddress =
                    address < addresses.size() && addresses.get(address).start() < token.end();
            if (token.start() < covered
                    || inAddress
                    || !Links.isLink(folded, token, isDotDisguised(text, token))
                    || isAllowed(folded, token)) {
                continue;
            }
            int start = text.originalStart(token.start());
            int end = text.originalEnd(token.end());
            findings.add(new Finding(ReasonCodes.LINK, MESSAGE, start, end, action, REMOVED));
            covered = token.end();
        }
        return findings;
    }

    private static boolean isDotDisguised(DeobfuscatedText text, Token token) {
        String folded = text.text();
        for (int i = token.hostEnd() - 1; i >= token.hostStart(); i--) {
            if (folded.charAt(i) == '.') {
                return text.isDisguised(i, i + 1) || hasGapBefore(text, i) || hasGapBefore(text, i + 1);
            }
        }
        return false;
    }

    /** Whether spaces were dropped before folded char {@code i} ({@code example. com}, {@code example .com}). */
    private static boolean hasGapBefore(DeobfuscatedText text, int i) {
        return i > 0 && text.originalEnd(i) != text.originalStart(i);
    }

    private boolean isAllowed(String text, Token token) {
        if (allowedDomains.isEmpty() || token.hostEnd() == token.hostStart()) {
            return false;
        }
        String host = text.substring(token.hostStart(), token.hostEnd()).toLowerCase(Locale.ROOT);
        return allowedDomains.stream().anyMatch(domain -> Links.isWithin(host, domain));
    }
}
