package io.modstream.moderation.policy;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A comment as the term lists see it, with the usual disguises undone, and a map from every normalised char back to
 * the original chars it came from, so a match spans the whole disguised word in the original body.
 *
 * <p>First, letters are folded by {@link LetterFolding}: case, compatibility forms, accents, invisible characters,
 * look-alikes from other scripts. Then, word by word:
 *
 * <ul>
 *   <li>single letters spaced out by up to three separators on one line are joined ({@code f.u.c.k}, {@code f u c k},
 *       {@code f*u*c*k}, mixed {@code b-i*t..c/h}); a word of two letters or more is never joined to anything, so
 *       "pen is" stays two words. When the first joined letter is the word "a" or "I", a word may also start at the
 *       second ({@link #isSoftStart}: {@code a s.l.u.t});
 *   <li>a run of {@code *}, {@code _} or {@code #} between two chars of a word is a {@link #MASK} standing for as many
 *       unknown letters ({@code f**k}); at a word's edge it is punctuation ({@code *emphasis*});
 *   <li>in a word that has a letter, leetspeak is read as letters: {@code 0} as o, {@code 2} as z, {@code 3} as e,
 *       {@code 4} and {@code @} as a, {@code 5} and {@code $} as s, {@code 7} and {@code +} as t, {@code 8} as b,
 *       {@code 9} as g, {@code (} inside a word as c, {@code |<} as k, a lone {@code #} ending a longer word as h; and a
 *       stroke that could be i or l ({@code 1}, and {@code !} or {@code |} not ending a word) becomes {@link #STROKE}.
 *       Numbers ({@code 3.14}, {@code $5}) stay numbers, and {@link Identifiers} (a long hex run, a group of a UUID)
 *       stay as written;
 *   <li>every other char that is not a letter or digit becomes a space;
 *   <li>each run of equal chars becomes one char, whose {@link #runLength} says how many it stands for, so
 *       {@code fuuuck} reads {@code fuck}; list words with double letters are matched by comparing run lengths.
 * </ul>
 *
 * <p>Built in one linear pass that looks ahead a bounded few chars at a gap, without allocating per char; never throws,
 * whatever the input (lone surrogates read as spaces). Immutable.
 */
final class NormalizedText {

    /** A vertical stroke a reader may take for i or for l; list words match it in place of either. */
    static final char STROKE = '1';

    /** A run of stars (or {@code _}, {@code #}) inside a word, standing for as many unknown letters: {@code f**k}. */
    static final char MASK = '*';

    /** The most separators between two spaced-out letters: {@code f . u . c . k}. */
    private static final int MAX_GAP = 3;

    /** The most unknown letters one run of stars stands for: {@code n****r}. */
    private static final int MAX_MASK = 6;

    // Kinds of char, as bits so that a word can collect them without branching.
    private static final byte OTHER = 0;
    private static final byte LETTER = 1;
    private static final byte DIGIT = 2;
    private static final byte SYMBOL = 4;
    /** A separator that, between two chars of a word, stands for unknown letters: {@code * _ #}. */
    private static final byte MASKING = 8;
    /** The kinds that make up a word. */
    private static final byte WORD = LETTER | DIGIT | SYMBOL;

    private static final byte[] ASCII_KINDS = new byte[0x80];
    private static final char[] ASCII_LOWER = new char[0x80];
    /** An ASCII letter lower-cased; 0 for any other ASCII char. */
    private static final char[] ASCII_LETTER_LOWER = new char[0x80];

    static {
        for (char c = 0; c < 0x80; c++) {
            ASCII_KINDS[c] = Character.isLetter(c)
                    ? LETTER
                    : Character.isDigit(c)
                            ? DIGIT
                            : "@$!|(+<".indexOf(c) >= 0 ? SYMBOL : "*_#".indexOf(c) >= 0 ? MASKING : OTHER;
            ASCII_LOWER[c] = Character.toLowerCase(c);
            ASCII_LETTER_LOWER[c] = ASCII_KINDS[c] == LETTER ? ASCII_LOWER[c] : 0;
        }
    }

    private final String original;
    /** The normalised chars, in the first {@link #length} entries. */
    private final char[] chars;

    private final int length;
    /** {@link #chars} as a string, made on first use: the term check reads the chars themselves. */
    private String text;
    /** For each char of {@link #text}, its run length. */
    private final int[] runs;
    /**
     * For each char of {@link #text}, two ints: its start and end in the original body; null until first asked for.
     * Most texts are never asked (only a term that is found needs them), so {@link #of} does not record them, and the
     * first call to {@link #start} or {@link #end} normalises the body again, recording them. Racy like {@link
     * String#hashCode}: two threads may both compute equal arrays.
     */
    private volatile int[] spans;

    /**
     * Where a word may also start inside spaced-out letters, or null: {@code a s l u t} is joined to {@code aslut}, but
     * the one-letter word "a" or "I" may have stood before the spaced-out word. Allocated only when that happens.
     */
    private final boolean @Nullable [] softStarts;

    private NormalizedText(
            String original, char[] chars, int length, int[] runs, int[] spans, boolean @Nullable [] softStarts) {
        this.original = original;
        this.chars = chars;
        this.length = length;
        this.runs = runs;
        this.spans = spans;
        this.softStarts = softStarts;
    }

    /**
     * Whether a word may start at {@code index} though a word char precedes it: the second letter of spaced-out
     * letters whose first one is the word "a" or "I" ({@code a s l u t}).
     */
    boolean isSoftStart(int index) {
        return softStarts != null && index < softStarts.length && softStarts[index];
    }

    /** The normalised text, runs collapsed: letters, digits, {@link #STROKE} and single spaces. */
    String text() {
        String made = text;
        if (made == null) {
            made = new String(chars, 0, length);
            text = made;
        }
        return made;
    }

    int length() {
        return length;
    }

    /** The char at {@code index} of {@link #text}, {@code index} being less than {@link #length}. */
    char charAt(int index) {
        return chars[index];
    }

    /** Whether {@link #text} has {@code part} at {@code index}. */
    boolean startsWith(String part, int index) {
        if (index < 0 || index > length - part.length()) {
            return false;
        }
        for (int k = 0; k < part.length(); k++) {
            if (chars[index + k] != part.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** How many equal chars the char at {@code index} stands for. */
    int runLength(int index) {
        return runs[index];
    }

    /** Index in the original body of the first char that {@code index} came from. */
    int start(int index) {
        return spans()[2 * index];
    }

    /** Index in the original body just past the last char that {@code index} came from. */
    int end(int index) {
        return spans()[2 * index + 1];
    }

    private int[] spans() {
        int[] known = spans;
        if (known == null) {
            known = normalise(original, true).spans;
            spans = known;
        }
        return known;
    }

    /** Whether {@code c} of the normalised text is part of a word. */
    static boolean isWordChar(char c) {
        return c != ' ';
    }

    /** The normalised text with its runs spelled out again, for tests and debugging. */
    String expanded() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            for (int k = 0; k < runLength(i); k++) {
                out.append(chars[i]);
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return expanded();
    }

    private static byte kind(char c) {
        if (c < 0x80) {
            return ASCII_KINDS[c];
        }
        return Character.isLetter(c) ? LETTER : Character.isDigit(c) ? DIGIT : OTHER;
    }

    /**
     * The letter {@code c} of a word that has a letter stands for. {@code inside}: neither first nor last in the word;
     * {@code last}: the last; {@code closed}: the word ends at a {@code )}, so a {@code (} in it is a bracket.
     */
    private static char leet(char c, boolean inside, boolean last, boolean closed, int wordLength, int run) {
        return switch (c) {
            case '0' -> 'o';
            case '2' -> 'z';
            case '3' -> 'e';
            case '4', '@' -> 'a';
            case '5', '$' -> 's';
            case '7' -> 't';
            case '8' -> 'b';
            case '9' -> 'g';
            case '!', '|' -> last ? ' ' : STROKE; // "!diot", "sh!t"; "wow!" ends a sentence
            case '(' -> inside && !closed ? 'c' : ' '; // "fu(k"; "(until", "idiot(s)" are brackets
            case '+' -> !last || (run == 1 && wordLength > 3) ? 't' : ' '; // "+wat", "shi+"; "C++", "A+"
            case '<' -> ' '; // only "|<", read as k before this is asked
            default -> c;
        };
    }

    /**
     * Normalises {@code original} in one pass, folded char by folded char. A gap between words is written as one
     * space when the word after it starts, or not at all when it separates spaced-out single letters; a word is
     * written as it comes, and read again for leetspeak when it ends if it had a digit or a symbol, which is rare.
     * State is kept in locals: this loop is most of the cost of a term check.
     */
    static NormalizedText of(String original) {
        return normalise(original, false);
    }

    /**
     * Normalises {@code original}; records where each char comes from only if {@code withSpans}. The text and the run
     * lengths do not depend on it.
     */
    private static NormalizedText normalise(String original, boolean withSpans) {
        char[] body = original.toCharArray(); // indexing a char[] is faster than String.charAt, which checks the coder
        int length = body.length;
        char[] text = new char[length + 1];
        int[] runs = new int[length + 1];
        int[] spans = withSpans ? new int[2 * (length + 1)] : null;
        int written = 0;
        int wordStart = 0; // where the word being written starts in the text
        int wordLength = 0; // letters, digits and symbols read since the last gap
        int kinds = 0; // the kinds of char in the word being written
        int gap = 0; // separators read since the last letter, digit or symbol
        int gapStart = 0;
        int gapEnd = 0;
        boolean gapBreaksLine = false;
        boolean gapMasks = false; // the gap is all stars, right after a word char
        boolean joined = false; // the word being written is spaced-out letters joined
        boolean[] softStarts = null;
        String folded = ""; // what the last non-ASCII code point folded to
        int unread = 0; // chars of it not yet read
        int i = 0;
        while (true) {
            char c;
            byte kind;
            int start;
            int end;
            if (unread > 0) {
                c = folded.charAt(folded.length() - unread--);
                kind = kind(c);
                end = i;
                start = i - Character.charCount(Character.codePointBefore(body, i));
            } else if (i < length) {
                char raw = body[i];
                if (raw >= 0x80) {
                    int cp = Character.codePointAt(body, i);
                    int next = i + Character.charCount(cp);
                    folded = LetterFolding.fold(cp);
                    unread = folded.length();
                    if (unread == 0 && LetterFolding.isMark(cp)) {
                        // A mark belongs to the char before it: a span that ends there takes it along.
                        if (gap > 0) {
                            gapEnd = next;
                        } else if (written > 0 && spans != null) {
                            spans[2 * written - 1] = next;
                        }
                    }
                    if (written + unread + length - next + 1 > text.length) {
                        int capacity = Math.max(written + unread + length - next + 1, 2 * text.length);
                        text = Arrays.copyOf(text, capacity);
                        runs = Arrays.copyOf(runs, capacity);
                        if (spans != null) {
                            spans = Arrays.copyOf(spans, 2 * capacity);
                        }
                        if (softStarts != null) {
                            softStarts = Arrays.copyOf(softStarts, capacity);
                        }
                    }
                    i = next;
                    continue;
                }
                c = ASCII_LOWER[raw];
                kind = ASCII_KINDS[raw];
                start = i;
                end = ++i;
            } else {
                break;
            }
            if (c == '(' && (gap > 0 || wordLength == 0)) {
                kind = OTHER; // a bracket before a word, "(f)(u)(c)(k)"; "fu(k" has a c
            }
            if ((kind & WORD) == 0) {
                if (gap++ == 0) {
                    gapStart = start;
                    gapBreaksLine = false;
                    gapMasks = wordLength > 0;
                }
                gapEnd = end;
                gapBreaksLine |= c == '\n' || c == '\r';
                gapMasks &= kind == MASKING;
                continue;
            }
            if (gap > 0) {
                boolean joins = wordLength == 1
                        && gap <= MAX_GAP
                        && !gapBreaksLine
                        && (kindAfter(body, folded, unread, i) & WORD) == 0
                        && !startsMaskedWord(body, unread, i);
                // Stars between two chars of a word mask letters ("f*ck", "sh**"), unless they space out single
                // letters: "f*u*c*k", where the letter before was joined already or the one after is followed by more.
                boolean masks = gapMasks
                        && gap <= MAX_MASK
                        && !(joins && (joined || unread == 0 && spacedOutLetterAt(body, i)));
                if (masks) {
                    written = put(text, runs, spans, written, MASK, gapStart, gapEnd, gap);
                    joined = false;
                } else if (joins) {
                    // the gap only separates spaced-out letters: drop it
                    if (!joined && written > 0 && (text[written - 1] == 'a' || text[written - 1] == 'i')) {
                        softStarts = markSoftStart(softStarts, written, text.length);
                    }
                    joined = true;
                    wordLength = 0;
                } else {
                    if (!joined && wordLength >= 3 && hashAt(body, gapStart)) {
                        written = put(text, runs, spans, written, 'h', gapStart, gapStart + 1, 1); // "bitc#"
                        kinds |= SYMBOL;
                        gapStart++;
                        gap--;
                    }
                    if (readsAsLeet(body, gapStart, wordLength, kinds)) {
                        written = readLeet(text, runs, spans, wordStart, written, kinds, closedAt(body, gapStart));
                    }
                    written = put(text, runs, spans, written, ' ', gapStart, gapEnd, gap);
                    wordStart = written;
                    kinds = 0;
                    joined = false;
                    wordLength = 0;
                }
                gap = 0;
            }
            wordLength++;
            kinds |= kind;
            written = put(text, runs, spans, written, c, start, end, 1);
            // The rest of an ASCII word, most of most text, needs none of the questions above: a tighter loop, which
            // leaves the branches of the one above to word boundaries, where they are easier to predict.
            // A word's letter lower-cased in one lookup, 0 for anything else; runs are lengthened in place.
            while (unread == 0) {
                int from = i;
                char last = text[written - 1];
                while (i < length) {
                    char raw = body[i];
                    char letter = raw < 0x80 ? ASCII_LETTER_LOWER[raw] : 0;
                    if (letter == 0) {
                        break;
                    }
                    if (letter == last) {
                        runs[written - 1]++;
                        if (spans != null) {
                            spans[2 * written - 1] = i + 1;
                        }
                    } else {
                        text[written] = letter;
                        runs[written] = 1;
                        if (spans != null) {
                            spans[2 * written] = i;
                            spans[2 * written + 1] = i + 1;
                        }
                        written++;
                        last = letter;
                    }
                    i++;
                }
                if (i > from) {
                    wordLength += i - from;
                    kinds |= LETTER;
                }
                // The usual gap: a word of letters, not one letter alone, then one ASCII separator and an ASCII letter.
                // It is written as the gap branch above would, without going round the loop twice.
                if (wordLength > 1 && (kinds & (DIGIT | SYMBOL)) == 0 && i + 1 < length) {
                    char separator = body[i];
                    char after = body[i + 1];
                    if (separator < 0x80
                            && ASCII_KINDS[separator] == OTHER // not a star, which may mask letters
                            && after < 0x80
                            && ASCII_LETTER_LOWER[after] != 0) {
                        written = put(text, runs, spans, written, ' ', i, i + 1, 1);
                        wordStart = written;
                        kinds = 0;
                        wordLength = 0;
                        i++;
                        continue;
                    }
                }
                break;
            }
        }
        if (gap > 0 && !joined && wordLength >= 3 && hashAt(body, gapStart)) {
            written = put(text, runs, spans, written, 'h', gapStart, gapStart + 1, 1);
            kinds |= SYMBOL;
            gapStart++;
            gap--;
        }
        if (readsAsLeet(body, gap > 0 ? gapStart : length, wordLength, kinds)) {
            written = readLeet(text, runs, spans, wordStart, written, kinds, gap > 0 && closedAt(body, gapStart));
        }
        if (gap > 0) {
            written = put(text, runs, spans, written, ' ', gapStart, gapEnd, gap);
        }
        return new NormalizedText(original, text, written, runs, spans, softStarts);
    }

    /**
     * Whether the word just written, whose last {@code wordLength} chars end at {@code end} of the body, is read again
     * for leetspeak: it has a digit or a symbol, and is not an {@link Identifiers identifier}. Only a word of ASCII
     * letters and digits may be one: in a word with anything else (a star, an invisible char, a letter folded from
     * another), the body's last {@code wordLength} chars take in that char or the gap before the word.
     */
    private static boolean readsAsLeet(char[] body, int end, int wordLength, int kinds) {
        return (kinds & (DIGIT | SYMBOL)) != 0
                && !(kinds == (LETTER | DIGIT) && Identifiers.isIdentifier(body, end - wordLength, end));
    }

    private static boolean[] markSoftStart(boolean @Nullable [] softStarts, int index, int capacity) {
        boolean[] marks = softStarts != null ? softStarts : new boolean[capacity];
        marks[index] = true;
        return marks;
    }

    /**
     * Whether the gap at {@code index} of the body starts with one {@code #} and no more, which after a word of three
     * chars or more reads as h: {@code bitc#}. A hash on its own or after a short word is a hashtag, C# or F#.
     */
    private static boolean hashAt(char[] body, int index) {
        return index < body.length && body[index] == '#' && (index + 1 == body.length || body[index + 1] != '#');
    }

    /** Whether the gap at {@code index} of the body starts with a closing bracket. */
    private static boolean closedAt(char[] body, int index) {
        return index < body.length && body[index] == ')';
    }

    /**
     * Whether the letter just read is the first of a masked word ({@code h*ll}), not a single letter: stars follow it,
     * then more than one letter.
     */
    private static boolean startsMaskedWord(char[] body, int unread, int index) {
        if (unread > 0) {
            return false;
        }
        int at = index;
        while (at < body.length && at - index < MAX_MASK && body[at] < 0x80 && ASCII_KINDS[body[at]] == MASKING) {
            at++;
        }
        boolean letterAfter =
                at > index && at < body.length && (body[at] >= 0x80 || (ASCII_KINDS[body[at]] & WORD) != 0);
        return letterAfter && !spacedOutLetterAt(body, index);
    }

    /**
     * Whether up to {@link #MAX_GAP} separators on one line (not spaces), then a single letter or digit, start at
     * {@code index} of the body: the letter before is one of spaced-out letters ({@code f*u*c*k}, {@code f_u.c-k}), not
     * a masked word ({@code f**k.}).
     */
    private static boolean spacedOutLetterAt(char[] body, int index) {
        int at = index;
        while (at < body.length
                && at - index < MAX_GAP
                && body[at] > ' '
                && body[at] < 0x80
                && (ASCII_KINDS[body[at]] & WORD) == 0) {
            at++;
        }
        return at > index
                && at < body.length
                && body[at] < 0x80
                && (ASCII_KINDS[body[at]] & (LETTER | DIGIT)) != 0
                && (at + 1 == body.length
                        || body[at + 1] == '!'
                        || body[at + 1] < 0x80 && (ASCII_KINDS[body[at + 1]] & WORD) == 0);
    }

    /** The kind of the next folded char: the rest of the current fold, or else the body from {@code index}. */
    private static byte kindAfter(char[] body, String folded, int unread, int index) {
        if (unread > 0) {
            return kind(folded.charAt(folded.length() - unread));
        }
        for (int i = index; i < body.length; ) {
            char raw = body[i];
            if (raw == '!') {
                i++; // "s.h.i.t!": an exclamation mark after a letter ends the sentence
                continue;
            }
            if (raw < 0x80) {
                return ASCII_KINDS[raw];
            }
            int cp = Character.codePointAt(body, i);
            String next = LetterFolding.fold(cp);
            if (!next.isEmpty()) {
                return kind(next.charAt(0));
            }
            i += Character.charCount(cp);
        }
        return OTHER;
    }

    /**
     * Appends {@code c}, standing for {@code run} folded chars, to the {@code written} chars so far, or lengthens the
     * last run if it is the same char; returns how many chars are written now.
     */
    private static int put(char[] text, int[] runs, int[] spans, int written, char c, int start, int end, int run) {
        if (written > 0 && text[written - 1] == c) {
            if (spans != null) {
                spans[2 * written - 1] = Math.max(spans[2 * written - 1], end);
            }
            runs[written - 1] += run;
            return written;
        }
        text[written] = c;
        if (spans != null) {
            spans[2 * written] = start;
            spans[2 * written + 1] = end;
        }
        runs[written] = run;
        return written + 1;
    }

    /**
     * Writes the word at {@code [from, to)} again, its digits and symbols read as letters if it has a letter, and
     * {@code |<} as k. {@code closed}: the word ends at a closing bracket.
     */
    private static int readLeet(char[] text, int[] runs, int[] spans, int from, int to, int kinds, boolean closed) {
        boolean hasLetter = (kinds & LETTER) != 0;
        int written = from;
        for (int k = from; k < to; k++) {
            char raw = text[k];
            int start = spans != null ? spans[2 * k] : 0;
            int end = spans != null ? spans[2 * k + 1] : 0;
            int run = runs[k];
            char c;
            if (raw == '|' && k + 1 < to && text[k + 1] == '<' && run == 1) {
                c = 'k';
                k++;
                end = spans != null ? spans[2 * k + 1] : 0;
            } else {
                c = hasLetter ? leet(raw, k > from && k < to - 1, k == to - 1, closed, to - from, run) : raw;
            }
            boolean kept = (kind(c) & (LETTER | DIGIT)) != 0 || c == MASK;
            written = put(text, runs, spans, written, kept ? c : ' ', start, end, run);
        }
        return written;
    }
}
