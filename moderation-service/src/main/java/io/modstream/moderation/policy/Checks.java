package io.modstream.moderation.policy;

import com.google.re2j.Pattern;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The public way to build checks, for code outside the engine (the policy file parser). Each method documents the
 * check it makes; the check classes themselves stay package-private.
 */
public final class Checks {

    private Checks() {}

    /** Links to other websites, except to {@code allowedDomains} and their subdomains; see {@link LinkCheck}. */
    public static Check links(Action action, Set<String> allowedDomains) {
        return new LinkCheck(action, allowedDomains);
    }

    /** E-mail addresses, plain or disguised; see {@link EmailCheck}. */
    public static Check emails(Action action) {
        return new EmailCheck(action);
    }

    /** Phone numbers (reason PII); see {@link PhoneCheck}. */
    public static Check phones(Action action) {
        return new PhoneCheck(action);
    }

    /**
     * Banned and suspect terms, matched after undoing disguises; see {@link TermCheck} and {@code docs/terms.md}.
     *
     * @param withDefaultLists whether the English lists shipped with Modstream come first
     * @param bannedAction REJECT, MASK or REVIEW for banned terms; suspect terms are always held for review
     */
    public static Check terms(
            boolean withDefaultLists,
            Action bannedAction,
            Collection<String> banned,
            Collection<String> suspect,
            Collection<String> allowed) {
        return terms(withDefaultLists ? List.of(Language.EN) : List.of(), bannedAction, banned, suspect, allowed);
    }

    /**
     * Banned and suspect terms: the lists shipped for each of {@code languages} (none when it is empty) plus the
     * site's own entries; see {@link TermCheck} and {@code docs/terms.md}.
     *
     * @param bannedAction REJECT, MASK or REVIEW for banned terms; suspect terms are always held for review
     */
    public static Check terms(
            Collection<Language> languages,
            Action bannedAction,
            Collection<String> banned,
            Collection<String> suspect,
            Collection<String> allowed) {
        return TermCheck.inLanguages(languages, bannedAction, banned, suspect, allowed);
    }

    /** Length in characters a reader sees; see {@link LengthCheck}. */
    public static Check length(int min, int max, Action action) {
        return new LengthCheck(min, max, action);
    }

    /** Hidden, direction-changing and control characters, zalgo; see {@link UnicodeCheck}. */
    public static Check unicode(int maxCombiningMarks, Action action) {
        return new UnicodeCheck(maxCombiningMarks, action);
    }

    /** Repeated characters, shouting, mentions, emoji; see {@link SpamCheck}. */
    public static Check spam(
            int maxRun, double maxCapsRatio, int minLettersForCaps, int maxMentions, int maxEmoji, Action action) {
        return new SpamCheck(
                new SpamCheck.Limits(maxRun, maxCapsRatio, minLettersForCaps, maxMentions, maxEmoji), action);
    }

    /** Markup the site's safelist removes; see {@link MarkupCheck}. */
    public static Check markup(Policy.MarkupPolicy keep, Action action) {
        return new MarkupCheck(keep, action);
    }

    /** Same text again and posting too fast; see {@link RepeatCheck}. */
    public static Check repeats(
            Duration duplicateWindow, Action duplicateAction, int maxPosts, Duration floodWindow, Action floodAction) {
        return new RepeatCheck(
                new RepeatCheck.Limits(duplicateWindow, duplicateAction, maxPosts, floodWindow, floodAction));
    }

    /** A builder of admin patterns; see {@link PatternCheck}. */
    public static PatternsBuilder patterns() {
        return new PatternsBuilder();
    }

    /** Collects admin patterns, each compiled with RE2/J. */
    public static final class PatternsBuilder {

        private final java.util.List<PatternCheck.AdminPattern> patterns = new java.util.ArrayList<>();

        private PatternsBuilder() {}

        /**
         * Adds one pattern.
         *
         * @throws com.google.re2j.PatternSyntaxException if the pattern does not compile
         */
        public PatternsBuilder add(String name, String regex, String message, Action action) {
            patterns.add(new PatternCheck.AdminPattern(name, Pattern.compile(regex), message, action));
            return this;
        }

        public Check build() {
            return new PatternCheck(patterns);
        }
    }
}
