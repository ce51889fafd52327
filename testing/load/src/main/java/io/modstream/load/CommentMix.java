package io.modstream.load;

import io.modstream.events.Author;
import io.modstream.events.CommentSubmitted;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;

/**
 * The comments of MEASURING.md, deterministic for a seed: 78 % clean comments of 2–6 ordinary sentences (100–600
 * characters); 6 % each with a link, with an insult or obscenity, or with hostile markup; 4 % long (about 2,000
 * characters). Each comment has a unique id and one of {@link #AUTHORS} author ids in turn (or as many as the
 * constructor is given: {@link #DISTINCT_AUTHORS} gives every comment an author of its own), so as long as no author
 * posts more than five times ({@code N <= 250,000}) neither the duplicate nor the flood rule of the default policy
 * fires. All comments are on {@link #SITE_ID}, which has no policy file anywhere, so the built-in default policy
 * applies to it in every profile.
 *
 * <p>What the default policy does with each kind: a link is rejected; an obscenity is rejected and an insult (the
 * suspect list) held for review, half each; markup is stripped and the comment approved; clean and long comments
 * are approved.
 */
final class CommentMix {

    static final long DEFAULT_SEED = 20_261_204L;
    static final String SITE_ID = "load-site";
    static final int AUTHORS = 50_000;

    /** An author cycle no run reaches: every comment has an author of its own ({@code reader-<n>}). */
    static final int DISTINCT_AUTHORS = Integer.MAX_VALUE;

    /** What a comment was made to contain. */
    enum Kind {
        CLEAN,
        LINK,
        SLUR,
        MARKUP,
        LONG
    }

    /** One generated comment and what it was made to contain. */
    record Generated(CommentSubmitted comment, Kind kind) {}

    private final Random random;
    private final Instant submittedAt;
    private final int authors;
    private int count;

    /** The mix of MEASURING.md: {@link #AUTHORS} author ids in turn. */
    CommentMix(long seed, Instant submittedAt) {
        this(seed, submittedAt, AUTHORS);
    }

    /** The same mix over {@code authors} author ids in turn; {@link #DISTINCT_AUTHORS} repeats none. */
    CommentMix(long seed, Instant submittedAt, int authors) {
        if (authors < 1) {
            throw new IllegalArgumentException("The author cycle needs at least one author, not " + authors);
        }
        this.random = new Random(seed);
        this.submittedAt = submittedAt;
        this.authors = authors;
    }

    Generated next() {
        Kind kind = kind(random.nextInt(100));
        String body = switch (kind) {
            case CLEAN -> sentences(100, 600);
            case LONG -> sentences(1_900, 2_100);
            case LINK -> insert(sentences(100, 400), Words.pick(random, Words.LINKS));
            case SLUR -> insert(sentences(100, 400), slur());
            case MARKUP -> insert(sentences(100, 400), Words.pick(random, Words.HOSTILE_MARKUP));
        };
        String thread = Words.pick(random, Words.THREADS); // drawn before the id: the order fixes the records
        int author = count % authors;
        CommentSubmitted comment = new CommentSubmitted(
                CommentSubmitted.SCHEMA_VERSION,
                uuid().toString(),
                SITE_ID,
                thread,
                null, // thread URL, thread title and parent are optional, and left out as in the services' tests
                null,
                null,
                new Author("reader-" + author, Words.pick(random, Words.NAMES), null, null),
                body,
                submittedAt.plusMillis(count));
        count++;
        return new Generated(comment, kind);
    }

    /** The mix: 4 % long, 6 % each with a link, a slur or markup, the rest clean. */
    private static Kind kind(int percentile) {
        if (percentile < 4) {
            return Kind.LONG;
        } else if (percentile < 10) {
            return Kind.LINK;
        } else if (percentile < 16) {
            return Kind.SLUR;
        } else if (percentile < 22) {
            return Kind.MARKUP;
        }
        return Kind.CLEAN;
    }

    /** Whole sentences until the text is at least {@code min} characters, and never more than {@code max}. */
    private String sentences(int min, int max) {
        int wanted = min < 1_000 ? 2 + random.nextInt(5) : 0;
        StringBuilder text = new StringBuilder();
        int written = 0;
        while (written < wanted || text.length() < min) {
            String sentence = sentence();
            String separator = text.length() == 0 ? "" : random.nextInt(6) == 0 ? "\n\n" : " ";
            if (text.length() + separator.length() + sentence.length() > max) {
                if (text.length() >= min) {
                    break;
                }
                continue; // too long to fit: draw another
            }
            text.append(separator).append(sentence);
            written++;
        }
        return text.toString();
    }

    private String sentence() {
        return switch (random.nextInt(3)) {
            case 0 ->
                "Does anyone know when " + Words.pick(random, Words.SUBJECTS) + " "
                        + Words.pick(random, Words.QUESTIONS) + "?";
            case 1 ->
                capitalised(Words.pick(random, Words.SUBJECTS)) + " " + Words.pick(random, Words.PREDICATES)
                        + Words.pick(random, Words.TAILS) + ".";
            default ->
                Words.pick(random, Words.OPENERS) + " " + Words.pick(random, Words.SUBJECTS) + " "
                        + Words.pick(random, Words.PREDICATES) + Words.pick(random, Words.TAILS) + ".";
        };
    }

    /** Half obscenities (rejected), half insults on the suspect list (held for review). */
    private String slur() {
        return random.nextBoolean() ? Words.pick(random, Words.OBSCENITIES) : Words.pick(random, Words.INSULTS);
    }

    /** Puts {@code extra} between two sentences, or at either end. */
    private String insert(String text, String extra) {
        int at = random.nextInt(text.length() + 1);
        int boundary = text.indexOf(". ", at);
        return boundary < 0
                ? text + " " + extra
                : text.substring(0, boundary + 2) + extra + " " + text.substring(boundary + 2);
    }

    /** A random (version 4) UUID drawn from the seeded generator, so ids repeat from run to run. */
    private UUID uuid() {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
