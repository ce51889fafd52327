package io.modstream.moderation.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {

    private static final String UUID = "3fa85f64-5717-4bb0-ab05-2c963f66afa6";

    @ParameterizedTest
    @ValueSource(strings = {"3fa85f64", "5717", "4bb0", "ab05", "2c963f66afa6"})
    void everyGroupOfAUuidIsOne(String group) {
        assertThat(isIdentifier("order " + UUID + " never arrived", group)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{3FA85F64-5717-4BB0-AB05-2C963F66AFA6}|4BB0",
                "https://example.com/orders/" + UUID + "/status|ab05",
                "id=" + UUID + ".|4bb0",
                "urn:uuid:" + UUID + "|4bb0",
                "-" + UUID + "-|ab05",
            })
    void aUuidIsOneInEitherCaseAndBetweenAnyPunctuation(String body, String group) {
        assertThat(isIdentifier(body, group)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "fixed in commit 4bb0a1f2|4bb0a1f2",
                "object DEADBEEF1|DEADBEEF1",
                "sha 9fceb02d0ae598e95dc970b74767f19372d61af8 on main|9fceb02d0ae598e95dc970b74767f19372d61af8",
                "container 4bb0ab05c1d2, restarted|4bb0ab05c1d2",
            })
    void aRunOfEightHexDigitsOrMoreIsOne(String body, String run) {
        assertThat(isIdentifier(body, run)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "fixed in commit 4bb0a1f|4bb0a1f", // a git short hash of seven: leet, and almost never a word
                "ticket 4bb0 reopened|4bb0",
                "ticket 4bb0-ab05 reopened|4bb0",
                "order AB12-CD34|CD34",
                "you f4gg0t5|f4gg0t5",
                "4bb0a1g2 is no hash|4bb0a1g2", // g is no hex digit
                "x3fa85f64-5717-4bb0-ab05-2c963f66afa6|4bb0", // a letter glued before: no UUID
                "3fa85f64-5717-4bb0-ab05-2c963f66afa61|ab05", // a thirteenth digit in the last group
                "3fa85f64-5717-4bb0-ab05|4bb0", // cut short
            })
    void shorterOrOtherShapesAreNot(String body, String word) {
        assertThat(isIdentifier(body, word)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "my router is 44b0.abb0.c2d4, by the way|44b0",
                "my router is 44b0.abb0.c2d4, by the way|abb0",
                "my router is 44b0.abb0.c2d4, by the way|c2d4",
                "Gruppe ist organisiert. 44B0.ABB0.C2D4|ABB0",
                "(44b0.abb0.c2d4)|abb0",
                "ends with a dot: 44b0.abb0.c2d4.|c2d4",
            })
    void everyGroupOfAMacAddressInCiscosFormIsOne(String body, String group) {
        assertThat(isIdentifier(body, group)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "44b0.abb0.c2d4.example.com|abb0", // a longer dotted name: a host, judged by the link check
                "www.44b0.abb0.c2d4|abb0",
                "44b0.abb0|44b0", // two groups only
                "44b0.abb0.c2d4.e5f6|abb0", // four groups
                "44b0.abb0.c2g4|abb0", // g is no hex digit
                "x44b0.abb0.c2d4|abb0", // a letter glued before
            })
    void otherDottedShapesAreNot(String body, String group) {
        assertThat(isIdentifier(body, group)).isFalse();
    }

    /** Whether the first occurrence of {@code word} in {@code body} is an identifier. */
    private static boolean isIdentifier(String body, String word) {
        int from = body.indexOf(word);
        assertThat(from).as("%s in %s", word, body).isNotNegative();
        return Identifiers.isIdentifier(body.toCharArray(), from, from + word.length());
    }
}
