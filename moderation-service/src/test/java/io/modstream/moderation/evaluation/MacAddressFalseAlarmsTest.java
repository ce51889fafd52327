package io.modstream.moderation.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How often a MAC address pasted into a clean comment gets it held or rejected under the default policy
 * ({@link FalseAlarmProbe}: clean comments the engine approves, sent again with a seeded random MAC address appended,
 * as a commenter pastes their router's). After a sentence's end, "organisiert. ba:51:95:54:d2:c4" read as the
 * disguised host {@code organisiert.ba} with the port 51: with {@code -Dmacs.comments=100000}, 5,383 of 100,000
 * comments with a lower-case MAC address with colons were rejected as a link at the branch's start, 1,438 of 100,000
 * with colons or hyphens in either case; 0 and 0 since MAC addresses are kept out of hosts (docs/links.md). In Cisco's
 * dotted form ({@code 44b0.abb0.c2d4}) its four-digit groups read as leet instead ("abo"): 179 of 100,000 held or
 * rejected, 0 since such a group counts as an identifier (docs/terms.md). A behaviour test on a fixed sample, not a
 * timing test.
 */
class MacAddressFalseAlarmsTest {

    /** Comments per address form; 20,000 take about a second. */
    private static final int COMMENTS = Integer.getInteger("macs.comments", 20_000);

    /** At most one comment in 10,000 held or rejected. */
    private static final double CEILING = 0.0001;

    private static FalseAlarmProbe probe;

    @BeforeAll
    static void loadTheDefaultPolicyAndCleanComments() throws IOException {
        probe = FalseAlarmProbe.underTheDefaultPolicy();
    }

    @Test
    void aRandomMacAddressRarelyGetsACleanCommentHeld() {
        assertThat(probe.falseAlarms(
                        "MAC address (colons, lower case)", COMMENTS, 2028, random -> mac(random, ":", false)))
                .isLessThanOrEqualTo(CEILING);
    }

    @Test
    void aRandomMacAddressWithColonsOrHyphensInEitherCaseRarelyGetsACleanCommentHeld() {
        assertThat(probe.falseAlarms(
                        "MAC address (colons or hyphens, either case)",
                        COMMENTS,
                        2029,
                        random -> mac(random, random.nextBoolean() ? "-" : ":", random.nextBoolean())))
                .isLessThanOrEqualTo(CEILING);
    }

    @Test
    void aRandomMacAddressInCiscosDottedFormRarelyGetsACleanCommentHeld() {
        assertThat(probe.falseAlarms("MAC address (Cisco's dotted form)", COMMENTS, 2030, random -> {
                    String mac = mac(random, "", random.nextBoolean());
                    return mac.substring(0, 4) + "." + mac.substring(4, 8) + "." + mac.substring(8);
                }))
                .isLessThanOrEqualTo(CEILING);
    }

    /** Six random bytes as hex pairs joined by {@code separator}: {@code ba:51:95:54:d2:c4}. */
    private static String mac(Random random, String separator, boolean upper) {
        StringBuilder out = new StringBuilder(17);
        for (int i = 0; i < 6; i++) {
            out.append(i == 0 ? "" : separator).append(String.format(Locale.ROOT, "%02x", random.nextInt(256)));
        }
        return upper ? out.toString().toUpperCase(Locale.ROOT) : out.toString();
    }
}
