package io.modstream.moderation.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.modstream.events.Verdict;
import io.modstream.moderation.policy.Moderation;
import io.modstream.moderation.policy.PolicyEngine;
import io.modstream.moderation.sitepolicy.PolicyParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How often an identifier pasted into a clean comment gets it held or rejected under the default policy: each clean
 * comment of {@code evaluation/abuse/clean-text.tsv} that the engine approves on its own is sent again, many times,
 * with a seeded random identifier appended, as a commenter pastes an order number. A UUID's hex groups read as
 * leetspeak were a listed slur or a suspect word (4bb0 as "abo"): with {@code -Didentifiers.comments=100000}, 354
 * of 100,000 comments were held or rejected before identifiers were read as written, 0 after (docs/terms.md). A
 * behaviour test on a fixed sample, not a timing test.
 */
class IdentifierFalseAlarmsTest {

    /** Comments per identifier shape; 20,000 take about a second. */
    private static final int COMMENTS = Integer.getInteger("identifiers.comments", 20_000);

    /** At most one comment in 10,000 held or rejected. */
    private static final double CEILING = 0.0001;

    private static PolicyEngine engine;
    private static List<String> cleanComments;

    @BeforeAll
    static void loadTheDefaultPolicyAndCleanComments() throws IOException {
        engine = new PolicyParser()
                .parse(resource("policies/default.yml"), "default.yml")
                .engine();
        cleanComments = new ArrayList<>();
        for (String line : resource("evaluation/abuse/clean-text.tsv").split("\n")) {
            if (line.startsWith("CLEAN\t")) {
                String comment = line.split("\t")[1];
                if (engine.moderate(comment).verdict() == Verdict.APPROVE) {
                    cleanComments.add(comment);
                }
            }
        }
        assertThat(cleanComments).hasSizeGreaterThan(300);
    }

    @Test
    void aRandomUuidRarelyGetsACleanCommentHeld() {
        assertThat(falseAlarms("UUID (version 4)", 2026, IdentifierFalseAlarmsTest::uuid))
                .isLessThanOrEqualTo(CEILING);
    }

    @Test
    void aRandomHexHashRarelyGetsACleanCommentHeld() {
        assertThat(falseAlarms("hex hash of 7 to 40 digits", 2027, random -> hex(random, 7 + random.nextInt(34))))
                .isLessThanOrEqualTo(CEILING);
    }

    /** The share of {@link #COMMENTS} clean comments held or rejected once an identifier is appended. */
    private static double falseAlarms(String shape, long seed, Function<Random, String> identifiers) {
        Random random = new Random(seed);
        int held = 0;
        int rejected = 0;
        List<String> examples = new ArrayList<>();
        for (int i = 0; i < COMMENTS; i++) {
            String comment = cleanComments.get(random.nextInt(cleanComments.size())) + " " + identifiers.apply(random);
            Moderation moderation = engine.moderate(comment);
            held += moderation.verdict() == Verdict.REVIEW ? 1 : 0;
            rejected += moderation.verdict() == Verdict.REJECT ? 1 : 0;
            if (moderation.verdict() != Verdict.APPROVE && examples.size() < 5) {
                examples.add(comment + " " + moderation.reasons());
            }
        }
        double share = (double) (held + rejected) / COMMENTS;
        System.out.printf(
                Locale.ROOT,
                "%,d clean comments with a random %s appended: %d held, %d rejected (%.5f)%s%n",
                COMMENTS,
                shape,
                held,
                rejected,
                share,
                examples.isEmpty() ? "" : "; e.g. " + examples);
        return share;
    }

    /** A version-4 UUID, as {@link UUID#randomUUID} makes them, from a seeded source. */
    private static String uuid(Random random) {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    private static String hex(Random random, int digits) {
        StringBuilder out = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            out.append(Character.forDigit(random.nextInt(16), 16));
        }
        return out.toString();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = IdentifierFalseAlarmsTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
