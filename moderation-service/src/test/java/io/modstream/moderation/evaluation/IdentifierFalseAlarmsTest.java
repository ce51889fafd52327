package io.modstream.moderation.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How often an identifier pasted into a clean comment gets it held or rejected under the default policy
 * ({@link FalseAlarmProbe}: clean comments the engine approves, sent again with a seeded random identifier appended,
 * as a commenter pastes an order number). A UUID's hex groups read as leetspeak were a listed slur or a suspect word
 * (4bb0 as "abo"): with {@code -Didentifiers.comments=100000}, 354 of 100,000 comments were held or rejected before
 * identifiers were read as written, 0 after (docs/terms.md). A behaviour test on a fixed sample, not a timing test.
 */
class IdentifierFalseAlarmsTest {

    /** Comments per identifier shape; 20,000 take about a second. */
    private static final int COMMENTS = Integer.getInteger("identifiers.comments", 20_000);

    /** At most one comment in 10,000 held or rejected. */
    private static final double CEILING = 0.0001;

    private static FalseAlarmProbe probe;

    @BeforeAll
    static void loadTheDefaultPolicyAndCleanComments() throws IOException {
        probe = FalseAlarmProbe.underTheDefaultPolicy();
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

    private static double falseAlarms(String shape, long seed, Function<Random, String> identifiers) {
        return probe.falseAlarms(shape, COMMENTS, seed, identifiers);
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
}
