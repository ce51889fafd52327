package io.modstream.moderation.policy;

import com.ibm.icu.text.Normalizer2;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Undoes letter-level disguises one code point at a time, for the link, e-mail and phone checks: fullwidth and other
 * compatibility forms become the plain character ({@code ｅ}, {@code ⓔ} and {@code 𝐞} become {@code e}, a fullwidth
 * digit its ASCII digit, {@code ＠} an {@code @}), an accented letter its base letter, and invisible characters
 * (zero-width spaces, soft hyphens, combining marks) disappear. Look-alike letters from other scripts (Cyrillic
 * {@code е}, Greek {@code ο}) are mapped by {@link #latin} only on request, so genuine Cyrillic or Greek domains such
 * as {@code пример.рф} stay what they are. Thread-safe; each result is cached (see {@code PAGES}).
 */
final class ObfuscatedLetters {

    /** What {@link #fold} returns for a character that should vanish. */
    static final int DROP = -1;

    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();

    /** Cyrillic and Greek letters that look like Latin ones, in pairs: look-alike, Latin letter. */
    private static final String LOOK_ALIKES = "аaвbеeкkмmнhоoрpсcтtуyхxіiјjѕsԁdԛqԝwһhӏlɑaοoνvικkρpτtυuχxαaβbεeζzηnμuıi";

    /**
     * Folding asks ICU for a decomposition, a new string each time; a comment with accents asks it at every accented
     * letter. So each result is cached the first time the code point is seen, in pages of 256 code points allocated on
     * first use, filled racily like {@link String#hashCode} (an int is written whole; two threads may both compute the
     * same value). No code point above ASCII folds to NUL, so 0 marks an entry not computed yet.
     */
    private static final int PAGE_BITS = 8;

    private static final int UNKNOWN = 0;
    private static final AtomicReferenceArray<int[]> PAGES =
            new AtomicReferenceArray<>((Character.MAX_CODE_POINT + 1) >> PAGE_BITS);

    private ObfuscatedLetters() {}

    /** The character {@code cp} stands for, {@link #DROP} if it is invisible; ASCII is returned as it is. */
    static int fold(int cp) {
        if (cp < 0x80) {
            return cp;
        }
        int[] page = PAGES.get(cp >> PAGE_BITS);
        if (page == null) {
            PAGES.compareAndSet(cp >> PAGE_BITS, null, new int[1 << PAGE_BITS]);
            page = PAGES.get(cp >> PAGE_BITS);
        }
        int folded = page[cp & ((1 << PAGE_BITS) - 1)];
        if (folded == UNKNOWN) {
            folded = compute(cp);
            page[cp & ((1 << PAGE_BITS) - 1)] = folded;
        }
        return folded;
    }

    private static int compute(int cp) {
        int type = Character.getType(cp);
        if (type == Character.FORMAT || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) {
            return DROP;
        }
        if (cp == 0x3002 || cp == 0xFF61) {
            return '.'; // ideographic full stops; NFKC leaves 。 alone
        }
        String decomposition = NFKC.getDecomposition(cp);
        if (decomposition == null) {
            return cp;
        }
        int base = decomposition.codePointAt(0);
        if (Character.charCount(base) > Character.charCount(cp)) {
            return cp; // folding never makes the text longer
        }
        for (int i = Character.charCount(base); i < decomposition.length(); ) {
            int next = decomposition.codePointAt(i);
            if (Character.getType(next) != Character.NON_SPACING_MARK) {
                return cp; // a ligature or an abbreviation such as ㎞: not one letter
            }
            i += Character.charCount(next);
        }
        return base == ' ' || Character.isLetterOrDigit(base) || ".@:/-".indexOf(base) >= 0 ? base : cp;
    }

    /** The Latin letter {@code cp} imitates, or {@code cp} itself; {@code cp} must be lower case. */
    static int latin(int cp) {
        if (cp < 0x80 || cp > 0xFFFF) {
            return cp;
        }
        for (int i = 0; i < LOOK_ALIKES.length(); i += 2) {
            if (LOOK_ALIKES.charAt(i) == cp) {
                return LOOK_ALIKES.charAt(i + 1);
            }
        }
        return cp;
    }
}
