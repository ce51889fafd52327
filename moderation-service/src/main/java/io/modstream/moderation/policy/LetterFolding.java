package io.modstream.moderation.policy;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import com.ibm.icu.text.UTF16;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Folds one non-ASCII code point to the letters a reader takes it for, for {@link NormalizedText}: Unicode NFKC with
 * case folding ({@code Ｆ}, {@code 𝐟} and {@code ⓕ} become {@code f}, {@code ß} becomes {@code ss}), accents and
 * other combining marks removed ({@code ü} becomes {@code u}), invisible characters (zero-width spaces and joiners,
 * word joiner, BOM, soft hyphen) removed, and a letter of another script that looks like a Latin one replaced by it
 * ({@code а} from Cyrillic becomes {@code a}).
 *
 * <p>Look-alikes come from ICU's confusable skeletons, taken only when the skeleton is plain ASCII. A skeleton turns a
 * lone stroke ({@code ӏ}) into {@code l}, which a reader may take for {@code i} just as well, so it is folded to
 * {@link NormalizedText#STROKE}; and it spells {@code m} as {@code rn}, which is turned back.
 *
 * <p>Folding a code point takes a few microseconds, so each result is cached the first time the code point is seen,
 * in pages of 256 code points allocated on first use. A page is filled racily, like {@link String#hashCode}: two
 * threads may both compute an entry and both store the same immutable string. Thread-safe.
 */
final class LetterFolding {

    private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();
    private static final Normalizer2 NFD = Normalizer2.getNFDInstance();
    private static final SpoofChecker SKELETONS = new SpoofChecker.Builder().build();

    private static final int PAGE_BITS = 8;
    private static final AtomicReferenceArray<String[]> PAGES =
            new AtomicReferenceArray<>((Character.MAX_CODE_POINT + 1) >> PAGE_BITS);

    private LetterFolding() {}

    /** The lower-case letters {@code cp} reads as; empty when it is invisible or a combining mark. */
    static String fold(int cp) {
        String[] page = PAGES.get(cp >> PAGE_BITS);
        if (page == null) {
            PAGES.compareAndSet(cp >> PAGE_BITS, null, new String[1 << PAGE_BITS]);
            page = PAGES.get(cp >> PAGE_BITS);
        }
        String folded = page[cp & ((1 << PAGE_BITS) - 1)];
        if (folded == null) {
            folded = compute(cp);
            page[cp & ((1 << PAGE_BITS) - 1)] = folded;
        }
        return folded;
    }

    /** Whether {@code cp} only modifies the letter before it, so a span that ends at that letter should include it. */
    static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    private static String compute(int cp) {
        if (Character.isSurrogate((char) cp) && cp < 0x10000) {
            return " ";
        }
        String own = ownLookAlike(cp);
        if (own != null) {
            return own;
        }
        String decomposed = NFD.normalize(NFKC_CASEFOLD.normalize(UTF16.valueOf(cp)));
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int c = decomposed.codePointAt(i);
            i += Character.charCount(c);
            if (isMark(c)) {
                continue;
            }
            String ascii = c < 0x80 || !Character.isLetterOrDigit(c) ? null : lookAlike(c);
            if (ascii != null) {
                out.append(ascii);
            } else {
                out.appendCodePoint(c);
            }
        }
        return out.toString();
    }

    /**
     * The ASCII letter a Greek or Cyrillic letter looks like as it is written, before case folding changes its look:
     * capital eta {@code Η} looks like H but folds to {@code η}, which looks like n; capital nu {@code Ν} looks like N
     * but folds to {@code ν}, which looks like v; lunate sigma {@code ϲ} looks like c but folds to {@code σ}. Null for
     * other scripts, and for letters that look like no ASCII letter.
     */
    private static String ownLookAlike(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        if (!Character.isLetter(cp)
                || script != Character.UnicodeScript.GREEK && script != Character.UnicodeScript.CYRILLIC) {
            return null;
        }
        int omega = "ωѡ".indexOf(cp);
        if (omega >= 0) {
            return "w"; // no skeleton: ω is its own
        }
        return asciiSkeleton(UTF16.valueOf(cp), 1);
    }

    /** The ASCII letters {@code c} looks like, or null when it looks like none. */
    private static String lookAlike(int c) {
        String letter = UTF16.valueOf(c);
        String ascii = asciiSkeleton(letter, 2);
        // Small Cyrillic к, м, т have small-capital skeletons (ĸ, ʍ, ᴛ); their capitals look like K, M, T.
        return ascii != null ? ascii : asciiSkeleton(UCharacter.toUpperCase(letter), 1);
    }

    private static String asciiSkeleton(String letters, int maxLength) {
        String skeleton = NFD.normalize(SKELETONS.getSkeleton(letters));
        StringBuilder ascii = new StringBuilder(skeleton.length());
        for (int i = 0; i < skeleton.length(); i++) {
            char c = skeleton.charAt(i);
            if (isMark(c)) {
                continue; // ø and ł have skeletons with an overlay: o̸, l̸
            }
            if (c >= 0x80 || !Character.isLetterOrDigit(c)) {
                return null;
            }
            ascii.append(Character.toLowerCase(c));
        }
        String folded = ascii.toString().replace("rn", "m").replace('l', NormalizedText.STROKE);
        return folded.isEmpty() || folded.length() > maxLength ? null : folded;
    }
}
