package io.modstream.benchmarks;

import io.modstream.moderation.policy.AuthorActivity;
import io.modstream.moderation.policy.Submission;
import io.modstream.moderation.policy.TextFingerprint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * A deterministic mix of comments like those a news site receives. Each comment draws its length and each feature
 * independently, with the shares below; the same seed gives the same comments in every fork and every run.
 */
final class CommentMix {

    static final long SEED = 20_260_501L;
    static final int SIZE = 1_000;

    /** 1,000–5,000 characters of text; the rest have 20–200. */
    static final double LONG = 0.25;

    static final double MARKUP = 0.25;
    static final double LINKS = 0.15;
    /** An e-mail address or a phone number. */
    static final double CONTACT = 0.05;

    static final double EMOJI = 0.10;
    /** Leet, hidden characters, bidi overrides, zalgo, look-alike letters, spaced-out words. */
    static final double DISGUISED = 0.05;

    static final double SHOUTING = 0.03;
    static final double REPEATED_CHARACTERS = 0.03;
    static final double MANY_MENTIONS = 0.03;
    /** Authors with recent posts on the site, so the duplicate and flood check has history to compare. */
    static final double RETURNING_AUTHORS = 0.30;

    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

    private CommentMix() {}

    static List<Submission> generate(int size, long seed) {
        Random random = new Random(seed);
        List<String> bodies = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            bodies.add(body(random));
        }
        List<Submission> submissions = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String body = bodies.get(i);
            AuthorActivity recent =
                    random.nextDouble() < RETURNING_AUTHORS ? history(random, body, bodies) : AuthorActivity.NONE;
            submissions.add(new Submission(body, "author-" + i, NOW, recent));
        }
        return List.copyOf(submissions);
    }

    private static String body(Random random) {
        int target = random.nextDouble() < LONG ? 1_000 + random.nextInt(4_001) : 20 + random.nextInt(181);
        List<String> words = new ArrayList<>();
        int length = 0;
        boolean sentenceStart = true;
        while (length < target) {
            String word = CommentParts.word(random);
            if (sentenceStart) {
                word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
            }
            sentenceStart = random.nextInt(10) == 0;
            if (sentenceStart) {
                word += random.nextInt(4) == 0 ? "?" : ".";
                if (target > 500 && random.nextInt(6) == 0) {
                    word += "\n\n";
                }
            }
            words.add(word);
            length += word.length() + 1;
        }
        if (random.nextDouble() < MARKUP) {
            changeSomeWords(random, words, w -> CommentParts.markup(random, w));
        }
        if (random.nextDouble() < LINKS) {
            changeSomeWords(random, words, w -> w + " " + CommentParts.link(random));
        }
        if (random.nextDouble() < CONTACT) {
            insert(random, words, CommentParts.contact(random));
        }
        if (random.nextDouble() < EMOJI) {
            int count = random.nextInt(10) == 0 ? 12 + random.nextInt(9) : 1 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                insert(random, words, CommentParts.emoji(random));
            }
        }
        if (random.nextDouble() < DISGUISED) {
            insert(
                    random,
                    words,
                    CommentParts.leetWords()
                            .get(random.nextInt(CommentParts.leetWords().size())));
            changeSomeWords(random, words, w -> CommentParts.disguise(random, w));
        }
        if (random.nextDouble() < REPEATED_CHARACTERS) {
            insert(random, words, random.nextBoolean() ? "!!!!!!!!!!!!!!" : "sooooooooooooooo");
        }
        if (random.nextDouble() < MANY_MENTIONS) {
            for (int i = 0; i < 6 + random.nextInt(3); i++) {
                insert(random, words, "@reader" + random.nextInt(100));
            }
        }
        String body = String.join(" ", words);
        return random.nextDouble() < SHOUTING ? body.toUpperCase(Locale.ROOT) : body;
    }

    /** Rewrites one to three random words. */
    private static void changeSomeWords(Random random, List<String> words, UnaryOperator<String> change) {
        for (int i = 0, times = 1 + random.nextInt(3); i < times; i++) {
            int at = random.nextInt(words.size());
            words.set(at, change.apply(words.get(at)));
        }
    }

    private static void insert(Random random, List<String> words, String word) {
        words.add(random.nextInt(words.size() + 1), word);
    }

    /** One to five posts in the last hour; one returning author in ten posts the same text again. */
    private static AuthorActivity history(Random random, String body, List<String> bodies) {
        int[] minutesAgo = random.ints(1 + random.nextInt(5), 1, 60).sorted().toArray();
        List<AuthorActivity.Post> posts = new ArrayList<>();
        for (int i = minutesAgo.length - 1; i >= 0; i--) { // oldest first
            String earlier = random.nextInt(10) == 0 ? body : bodies.get(random.nextInt(bodies.size()));
            posts.add(
                    new AuthorActivity.Post(NOW.minus(Duration.ofMinutes(minutesAgo[i])), TextFingerprint.of(earlier)));
        }
        return new AuthorActivity(posts);
    }

    /** What the generated mix actually holds, for the report. */
    /**
     * A new submission of the same comment. The service builds one per comment, and a submission keeps what the
     * checks share (the de-obfuscated view, the e-mail addresses found) for its lifetime: moderating the same object
     * again would time that work only once.
     */
    static Submission fresh(Submission comment) {
        return new Submission(comment.body(), comment.authorId(), comment.submittedAt(), comment.recent());
    }

    static String describe(List<Submission> submissions) {
        long chars = 0;
        int longOnes = 0;
        int withTags = 0;
        int returning = 0;
        for (Submission submission : submissions) {
            String body = submission.body();
            chars += body.length();
            longOnes += body.length() >= 1_000 ? 1 : 0;
            withTags += body.indexOf('<') >= 0 ? 1 : 0;
            returning += submission.recent().posts().isEmpty() ? 0 : 1;
        }
        return String.format(
                Locale.ROOT,
                "%d comments, mean %d chars, %d of 1,000+ chars, %d with tags, %d by returning authors",
                submissions.size(),
                chars / submissions.size(),
                longOnes,
                withTags,
                returning);
    }
}
