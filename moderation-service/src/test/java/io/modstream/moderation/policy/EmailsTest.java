package io.modstream.moderation.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmailsTest {

    /** What addresses are made of, spelled or not, and words with "at" inside, so random strings form and almost form them. */
    private static final List<String> ADDRESS_PIECES = List.of(
            " ",
            "  ",
            "\t",
            "\n",
            "@",
            "at",
            "At",
            "aT",
            "AT",
            " at ",
            "\tat\t",
            "(at)",
            "[at]",
            "that",
            "data",
            "what",
            "name",
            "j.smith",
            "anna1990",
            "look",
            "me",
            "example",
            "gmail",
            ".",
            "dot",
            " dot ",
            "com",
            "co.uk",
            "org",
            "-",
            "_",
            "+",
            "//",
            "https:",
            "x",
            "1",
            "\u00E9",
            "\uFF20",
            "\u0430",
            "\u200B");

    /**
     * Stopping only at an at-sign or at an "at" after a space or tab finds exactly what stopping at every "at" found,
     * on every labelled and evaluation comment and on random strings of the pieces of addresses.
     */
    @Test
    void stoppingOnlyWhereAnAddressMayHingeFindsWhatStoppingAtEveryAtFound() {
        List<String> texts = new ArrayList<>(DifferentialTexts.labelled());
        texts.addAll(DifferentialTexts.evaluation());
        texts.addAll(DifferentialTexts.random(20261205, 50_000, 40));
        texts.addAll(DifferentialTexts.random(20261210, 100_000, 30, ADDRESS_PIECES));
        int found = 0;
        for (String text : texts) {
            DeobfuscatedText folded = DeobfuscatedText.of(text);
            List<Emails.Address> hinged = Emails.find(folded);
            List<Emails.Address> everyAt = EmailsBefore.find(folded).stream()
                    .map(address -> new Emails.Address(address.start(), address.end()))
                    .toList();
            assertThat(hinged).as(text).isEqualTo(everyAt);
            found += hinged.size();
        }
        assertThat(found).as("addresses found").isGreaterThan(1_500);
    }
}
