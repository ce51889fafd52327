package io.modstream.moderation.policy;

import com.google.common.net.InternetDomainName;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Finds e-mail addresses in a {@link DeobfuscatedText}, for the e-mail check and so the link check can leave their
 * domains alone. An at-sign counts with a name before it and a domain ({@link Links#isDomain}) after it; the folding
 * has already turned {@code (at)}, {@code [at]}, {@code ＠} and a spaced {@code @} into one. The spelled
 * {@code name at example.com} is also everyday prose ("look at example.com", "stats at example.com"), so it counts
 * only when the name is not an everyday word such as "me" or "look" and the address is disguised
 * ({@code name at example dot com}), the name could not be a word ({@code j.smith}, {@code anna1990}), or the domain
 * is a webmail provider ({@code name at gmail.com}). Stateless; one pass with bounded look-around.
 */
final class Emails {

    /** An address in the folded text. */
    record Address(int start, int end) {}

    private static final int MAX_LOCAL = 64;
    private static final int MAX_DOMAIN = 253;

    private static final Set<String> WEBMAIL =
            Set.of(("gmail googlemail yahoo ymail hotmail outlook live msn aol icloud me mail gmx web yandex proton "
                            + "protonmail zoho btinternet comcast orange")
                    .split(" "));

    /** Words that often come before "at" in prose, where they cannot be the name of an address. */
    private static final Set<String> PROSE_BEFORE_AT =
            Set.of(("i me we us you him her it them they he she this that look looking looked up out in on here "
                            + "there online available info more details site website page read see find found go shop buy "
                            + "order live posted published email mail write contact reach sign register apply is was are were "
                            + "be been and or but not all now story article piece report news cheap sale deals free work home "
                            + "hosted meds pills tickets prices offers bargains discounts products goods")
                    .split(" "));

    private Emails() {}

    /** The addresses in {@code text}, in order and not overlapping. */
    static List<Address> find(DeobfuscatedText text) {
        String folded = text.text();
        List<Address> found = new ArrayList<>();
        Hinges hinges = new Hinges(folded);
        int floor = 0;
        int i = hinges.next(0);
        while (i >= 0) {
            Address address = null;
            if (folded.charAt(i) == '@') {
                address = around(text, i, i + 1, floor, false);
            } else if (isSpelledAt(folded, i)) {
                address = around(text, i, i + 2, floor, true);
            }
            if (address != null) {
                found.add(address);
                floor = address.end();
            }
            i = hinges.next(address != null ? address.end() : i + 1);
        }
        return found;
    }

    /**
     * Where an address may hinge, in order: an at-sign, or "at" in any case after a space or tab, which
     * {@link #isSpelledAt} then judges (it needs that space or tab, so an "at" inside a word such as "that" or "data"
     * is no hinge). Found with {@link String#indexOf}, which the JVM runs many chars at a time: reading every char of
     * every comment for the rare address cost as much as a check, and so did stopping at every "at" of English.
     */
    private static final class Hinges {

        private static final String[] FORMS = {"@", " at", " At", " aT", " AT"};
        private static final String[] TAB_FORMS = {"\tat", "\tAt", "\taT", "\tAT"};

        private final String text;
        private final String[] forms;
        /** For each form, where its hinge next is at or after the last index asked for; -1 when it occurs no more. */
        private final int[] next;

        Hinges(String text) {
            this.text = text;
            this.forms = text.indexOf('\t') < 0 ? FORMS : concat(FORMS, TAB_FORMS);
            this.next = new int[forms.length];
            for (int k = 0; k < forms.length; k++) {
                next[k] = hingeAt(k, text.indexOf(forms[k]));
            }
        }

        /** The first hinge at or after {@code from}, or -1; {@code from} never decreases. */
        int next(int from) {
            int first = -1;
            for (int k = 0; k < forms.length; k++) {
                if (next[k] >= 0 && next[k] < from) {
                    next[k] = hingeAt(k, text.indexOf(forms[k], from - offset(k)));
                }
                if (next[k] >= 0 && (first < 0 || next[k] < first)) {
                    first = next[k];
                }
            }
            return first;
        }

        /** The hinge of form {@code k} found at {@code index} (the @, or the a of "at"), or -1 if not found. */
        private int hingeAt(int k, int index) {
            return index < 0 ? -1 : index + offset(k);
        }

        /** Where the hinge is in form {@code k}: after the space or tab before "at". */
        private int offset(int k) {
            return forms[k].charAt(0) == '@' ? 0 : 1;
        }

        private static String[] concat(String[] first, String[] second) {
            String[] all = Arrays.copyOf(first, first.length + second.length);
            System.arraycopy(second, 0, all, first.length, second.length);
            return all;
        }
    }

    private static @Nullable Address around(DeobfuscatedText text, int at, int atEnd, int floor, boolean spelled) {
        String folded = text.text();
        int localEnd = spelled ? skipSpacesBack(folded, at, floor) : at;
        int localStart = localEnd;
        while (localStart > floor && localEnd - localStart < MAX_LOCAL && isLocalChar(folded.charAt(localStart - 1))) {
            localStart--;
        }
        while (localStart < localEnd && folded.charAt(localStart) == '.') {
            localStart++;
        }
        if (spelled && localEnd > localStart && !Character.isLetterOrDigit(folded.charAt(localEnd - 1))) {
            return null; // "... the end. At example.com we ..." ends a sentence
        }
        if (localStart == localEnd || isUserOfUrl(folded, localStart)) {
            return null;
        }
        int domainStart = spelled ? skipSpaces(folded, atEnd) : atEnd;
        int domainEnd = domainStart;
        while (domainEnd < folded.length() && domainEnd - domainStart <= MAX_DOMAIN && isHostChar(folded, domainEnd)) {
            domainEnd++;
        }
        while (domainEnd > domainStart && !Character.isLetterOrDigit(folded.charAt(domainEnd - 1))) {
            domainEnd--;
        }
        String domain = folded.substring(domainStart, domainEnd).toLowerCase(Locale.ROOT);
        if (domain.indexOf('.') < 0 || !Links.isDomain(domain)) {
            return null;
        }
        if (spelled && !isSpelledAddress(text, localStart, localEnd, domainStart, domainEnd, domain)) {
            return null;
        }
        return new Address(localStart, domainEnd);
    }

    private static boolean isSpelledAddress(
            DeobfuscatedText text, int localStart, int localEnd, int domainStart, int domainEnd, String domain) {
        String local = text.text().substring(localStart, localEnd).toLowerCase(Locale.ROOT);
        if (PROSE_BEFORE_AT.contains(local) || !Character.isLetter(local.charAt(0))) {
            return false;
        }
        boolean unlikeAWord = local.chars().anyMatch(c -> c == '.' || c == '_' || c == '+' || Character.isDigit(c));
        return unlikeAWord || text.isDisguised(localStart, domainEnd) || WEBMAIL.contains(provider(domain));
    }

    private static String provider(String domain) {
        if (!InternetDomainName.isValid(domain)) {
            return ""; // only a look-alike of a domain
        }
        InternetDomainName name = InternetDomainName.from(domain);
        if (!name.isUnderRegistrySuffix()) {
            return "";
        }
        String registered = name.topDomainUnderRegistrySuffix().toString();
        return registered.substring(0, registered.indexOf('.'));
    }

    /** Whether the name is the user of a URL, as in {@code https://user:password@example.com}. */
    private static boolean isUserOfUrl(String text, int localStart) {
        for (int i = localStart - 1; i > 0 && localStart - i < MAX_LOCAL; i--) {
            char c = text.charAt(i);
            if (c == '/' && text.charAt(i - 1) == '/') {
                return true;
            }
            if (Character.isWhitespace(c)) {
                return false;
            }
        }
        return false;
    }

    private static boolean isSpelledAt(String text, int i) {
        return i > 0
                && i + 2 < text.length()
                && text.regionMatches(true, i, "at", 0, 2)
                && isSpace(text.charAt(i - 1))
                && isSpace(text.charAt(i + 2));
    }

    private static int skipSpacesBack(String text, int at, int floor) {
        int p = at;
        while (p > floor && at - p < 3 && isSpace(text.charAt(p - 1))) {
            p--;
        }
        return p;
    }

    private static int skipSpaces(String text, int at) {
        int p = at;
        while (p < text.length() && p - at < 3 && isSpace(text.charAt(p))) {
            p++;
        }
        return p;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isLocalChar(char c) {
        return Character.isLetterOrDigit(c) || "._%+-".indexOf(c) >= 0;
    }

    private static boolean isHostChar(String text, int i) {
        char c = text.charAt(i);
        return Character.isLetterOrDigit(c) || c == '.' || c == '-';
    }
}
