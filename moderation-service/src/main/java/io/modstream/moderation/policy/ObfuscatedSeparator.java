package io.modstream.moderation.policy;

import com.google.common.net.InternetDomainName;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A disguised dot, at-sign or colon between two words: {@code example[.]com}, {@code example (dot) com},
 * {@code name[at]example}, {@code hxxp[:]//}, and, when the words around it look like a domain, the spelled
 * {@code example dot com} and the spaced {@code example . com}.
 *
 * <p>Brackets are a strong sign and always count. A spelled or spaced dot is common in prose ("a polka dot dress",
 * "the dot com era"), so it counts only when the word before it is not an everyday word such as "the" or "this", and
 * the word after it is followed by another separator ({@code news dot bbc dot co dot uk}) or is a top-level domain
 * people write out ({@code com}, {@code net}, {@code uk}, ...; not {@code it}, {@code in} or {@code at}, which are
 * English words), or any other top-level domain of the Public Suffix List that is not an everyday word such as "it",
 * "me" or "us" ({@code example dot bet}), and "dot com" is not followed by a word like "era" or "bubble". A dot
 * with spaces on one side only ({@code example. com}, {@code example .com}) is how a sentence ends, so it counts only
 * before a lower-case top-level domain, and one that is also a word ({@code net}, {@code shop}) only when no
 * lower-case word follows it ("the shop. net result" is prose). The spelled {@code name at example} is left to
 * {@link Emails}. Stateless and thread-safe; every look-around is bounded, so a scan stays linear.
 *
 * @param meaning the character it stands for: {@code .}, {@code @} or {@code :}
 * @param end index just past the separator, and past the spaces after it, in the original text
 * @param weak whether it is a spelled or spaced dot, which counts only between words that look like a domain
 * @param halfSpaced whether it is a plain dot with spaces on one side only ({@code example .com}, or
 *     {@link #SPACES_AFTER_DOT}), the shape of a sentence's end, judged more strictly still
 */
record ObfuscatedSeparator(char meaning, int end, boolean weak, boolean halfSpaced) {

    /** The {@link #meaning} of the spaces after a plain dot ({@code example. com}): they are dropped. */
    static final char SPACES_AFTER_DOT = 0;

    private static final int MAX_SPACES = 3;

    /** The ASCII chars after a space with which {@link #shape} may find a separator: spaces, brackets, . @ d D. */
    private static final boolean[] BEGINS_AFTER_SPACE = new boolean[0x80];

    static {
        for (char c : " \t([{<.@dD".toCharArray()) {
            BEGINS_AFTER_SPACE[c] = true;
        }
    }

    private static final int MAX_LABEL = 63;

    /** Top-level domains people spell out after "dot"; English words among the TLDs are left out on purpose. */
    private static final Set<String> SPELLED_TLDS =
            Set.of(("com net org info biz io co uk de fr ru cn nl eu ca au jp br pl ch se es ie nz za gov edu xyz "
                            + "top online site ly tv app dev shop store club tk ml cc ws su ua kz")
                    .split(" "));

    /** Top-level domains that are everyday words: spelled or spaced, they count only in a chain of labels. */
    private static final Set<String> EVERYDAY_TLDS =
            Set.of("it in at to me be is no so us do my am as by an one new now how you dot".split(" "));

    /** Abbreviations that end in a dot, after which "example. com" is a sentence going on: "etc. live". */
    private static final Set<String> ABBREVIATIONS =
            Set.of("etc vs approx incl excl govt dept esp cf ca ibid jr sr st vol pp ed mr mrs ms dr prof".split(" "));

    /** {@link #SPELLED_TLDS} that are not English words: after "example. " they count even before a word. */
    private static final Set<String> WORDLESS_TLDS =
            Set.of(("com org biz io uk de fr ru cn nl eu ca au jp br pl ch se es ie nz za gov edu xyz ly tv "
                            + "cc ws su ua kz")
                    .split(" "));

    /** Words before a spelled dot that mean prose: "the dot", "this dot", "polka dot". */
    private static final Set<String> PROSE_BEFORE =
            Set.of(("a an the this that these those my your our their his her its of in on at to for with by from "
                            + "and or but is was be are were no one each every any some red green blue black white polka "
                            + "little tiny small big single same early late first last old whole")
                    .split(" "));

    /** Words after "dot com" that mean the era, not an address. */
    private static final Set<String> ERA_AFTER =
            Set.of(("era bubble boom bust crash days years age mania company companies startup startups millionaire "
                            + "millionaires heyday collapse frenzy stocks world")
                    .split(" "));

    /**
     * The separator at {@code at} in {@code text}, judged by the folded text before it, or null. Only a space, tab or
     * bracket can begin one.
     */
    static @Nullable ObfuscatedSeparator at(String text, int at, CharSequence before) {
        ObfuscatedSeparator found = shape(text, at);
        if (found == null || before.length() == 0) {
            return null;
        }
        int leftEnd = before.length() - (found.meaning == SPACES_AFTER_DOT ? 1 : 0);
        if (leftEnd == 0) {
            return null;
        }
        char left = before.charAt(leftEnd - 1);
        int right = found.end < text.length() ? ObfuscatedLetters.fold(text.codePointAt(found.end)) : -1;
        if (found.meaning == ':') {
            return Character.isLetterOrDigit(left) && right == '/' ? found : null;
        }
        if (!Character.isLetterOrDigit(left) || right < 0 || !Character.isLetterOrDigit(right)) {
            return null;
        }
        return !found.weak || looksLikeDomain(text, found, before, leftEnd) ? found : null;
    }

    /** Whether a separator of any kind, or a plain dot or at-sign, begins at {@code at}; no context is judged. */
    static boolean startsAt(String text, int at) {
        if (at < text.length() && (text.charAt(at) == '.' || text.charAt(at) == '@')) {
            return true;
        }
        int word = skipSpaces(text, at);
        return shape(text, at) != null || (word > at && isWord(text, word, "at"));
    }

    /** Whether a separator is shaped at {@code at}, before its context is judged. */
    static boolean hasShapeAt(String text, int at) {
        return shape(text, at) != null;
    }

    /**
     * Whether {@code at} is one space followed by an ASCII char that begins no separator (not a space, bracket, dot,
     * at-sign or the d of "dot"), and the space does not follow a dot before a lower-case letter. No separator begins
     * there ({@link #shape} finds none): the common space between two words answered in a few comparisons, where
     * asking {@link #shape} costs a call at every word of every comment.
     */
    static boolean isSpaceBetweenWordsAt(String text, int at) {
        if (text.charAt(at) != ' ' || at + 1 >= text.length()) {
            return false;
        }
        char next = text.charAt(at + 1);
        return next < 0x80
                && !BEGINS_AFTER_SPACE[next]
                && (at == 0 || text.charAt(at - 1) != '.' || next < 'a' || next > 'z');
    }

    /** Whether, after a space, the ASCII char {@code c} may begin a separator or one of its spaces. */
    static boolean mayBeginAfterSpace(char c) {
        return BEGINS_AFTER_SPACE[c];
    }

    private static @Nullable ObfuscatedSeparator shape(String text, int at) {
        int p = skipSpaces(text, at);
        if (p >= text.length()) {
            return null;
        }
        char c = text.charAt(p);
        int open = c == '(' ? 0 : c == '[' ? 1 : c == '{' ? 2 : c == '<' ? 3 : -1; // "([{<".indexOf(c), no call
        if (open >= 0) {
            int inside = skipSpaces(text, p + 1);
            char meaning = meaningAt(text, inside);
            int close = skipSpaces(text, inside + (meaning == 0 ? 0 : wordLength(text, inside)));
            if (meaning != 0 && close < text.length() && text.charAt(close) == ")]}>".charAt(open)) {
                return new ObfuscatedSeparator(meaning, skipSpaces(text, close + 1), false, false);
            }
            return null;
        }
        if (p == at || p + 1 >= text.length()) {
            return null; // a spelled or spaced separator needs spaces before it
        }
        if (at >= 2 && text.charAt(at - 1) == '.' && isLabelChar(text.charAt(at - 2)) && Character.isLowerCase(c)) {
            return new ObfuscatedSeparator(SPACES_AFTER_DOT, p, true, true);
        }
        boolean dot = c == '.' || (c >= 0x80 && ObfuscatedLetters.fold(c) == '.'); // also 。 and ．
        int after = p + ((dot || c == '@') ? 1 : isWord(text, p, "dot") || isWord(text, p, "d0t") ? 3 : 0);
        if (after == p || after >= text.length()) {
            return null;
        }
        boolean halfSpaced = skipSpaces(text, after) == after;
        if (halfSpaced && !dot) {
            return null; // "example dotcom", "name @example": not this shape
        }
        return new ObfuscatedSeparator(c == '@' ? '@' : '.', skipSpaces(text, after), c != '@', halfSpaced);
    }

    private static boolean looksLikeDomain(String text, ObfuscatedSeparator found, CharSequence before, int leftEnd) {
        int rightStart = found.end;
        boolean halfSpaced = found.halfSpaced;
        boolean afterDot = found.meaning == SPACES_AFTER_DOT;
        int leftStart = leftEnd;
        while (leftStart > 0 && leftEnd - leftStart <= MAX_LABEL && isLabelChar(before.charAt(leftStart - 1))) {
            leftStart--;
        }
        boolean chained = leftStart > 0 && before.charAt(leftStart - 1) == '.';
        String left = before.subSequence(leftStart, leftEnd).toString().toLowerCase(Locale.ROOT);
        if (leftEnd - leftStart > MAX_LABEL || (!chained && PROSE_BEFORE.contains(left))) {
            return false;
        }
        int rightEnd = rightStart;
        while (rightEnd < text.length() && rightEnd - rightStart <= MAX_LABEL && isLabelChar(text.charAt(rightEnd))) {
            rightEnd++;
        }
        if (rightEnd - rightStart > MAX_LABEL) {
            return false;
        }
        if (halfSpaced && (leftEnd - leftStart < 2 || ABBREVIATIONS.contains(left))) {
            return false; // "U.S. news", "etc. live"
        }
        boolean chainGoesOn = rightEnd < text.length() && startsAt(text, rightEnd) && !endsSentence(text, rightEnd);
        if (chainGoesOn
                || (afterDot && left.equals("www") && rightEnd < text.length() && text.charAt(rightEnd) == '.')) {
            return !halfSpaced || text.charAt(skipSpaces(text, rightEnd)) == '.'; // "example .co .uk"
        }
        String written = text.substring(rightStart, rightEnd);
        String right = written.toLowerCase(Locale.ROOT);
        if (halfSpaced && (!written.equals(right) || (!afterDot && BareNames.isFileEnding(right)))) {
            return false; // ".NET", "a copy as .zip"
        }
        if (right.equals("com") && ERA_AFTER.contains(nextWord(text, rightEnd))) {
            return false;
        }
        if (afterDot && !WORDLESS_TLDS.contains(right) && startsLowerCaseWord(text, rightEnd)) {
            return false;
        }
        return SPELLED_TLDS.contains(right) || (!EVERYDAY_TLDS.contains(right) && isTopLevelDomain(right));
    }

    private static boolean isTopLevelDomain(String label) {
        if (label.isEmpty() || !Character.isLetter(label.charAt(0))) {
            return false;
        }
        try {
            return InternetDomainName.from(label).isRegistrySuffix();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether a space and a lower-case word come at {@code at}: the sentence goes on. */
    private static boolean startsLowerCaseWord(String text, int at) {
        int word = skipSpaces(text, at);
        return word > at && word < text.length() && Character.isLowerCase(text.charAt(word));
    }

    private static boolean endsSentence(String text, int at) {
        return text.charAt(at) == '.' && (at + 1 >= text.length() || !isLabelChar(text.charAt(at + 1)));
    }

    private static String nextWord(String text, int at) {
        int start = skipSpaces(text, at);
        int end = start;
        while (end < text.length() && end - start < 20 && Character.isLetter(text.charAt(end))) {
            end++;
        }
        return text.substring(start, end).toLowerCase(Locale.ROOT);
    }

    private static char meaningAt(String text, int at) {
        if (at >= text.length()) {
            return 0;
        }
        char c = text.charAt(at);
        if (c == '.' || c == '@' || c == ':') {
            return c;
        }
        return isWord(text, at, "dot") || isWord(text, at, "d0t") ? '.' : isWord(text, at, "at") ? '@' : 0;
    }

    private static int wordLength(String text, int at) {
        char c = text.charAt(at);
        return c == '.' || c == '@' || c == ':' ? 1 : isWord(text, at, "at") ? 2 : 3;
    }

    /**
     * Whether {@code word} (lower-case ASCII, any case in the text) stands at {@code at} and is not the start of a
     * longer word. Compared char by char: this runs at every space, and {@link String#regionMatches} without case is
     * slow on a text with emoji. No other char folds to the ASCII letters and digit of these words.
     */
    private static boolean isWord(String text, int at, String word) {
        int end = at + word.length();
        if (end > text.length()) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            char c = text.charAt(at + k);
            char w = word.charAt(k);
            if (c != w && !(w >= 'a' && w <= 'z' && c == w - ('a' - 'A'))) {
                return false;
            }
        }
        return end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
    }

    private static int skipSpaces(String text, int at) {
        int p = at;
        while (p < text.length() && p - at < MAX_SPACES && isSpace(text.charAt(p))) {
            p++;
        }
        return p;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\u00A0' || c == '\u3000';
    }

    private static boolean isLabelChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-';
    }
}
