package io.modstream.moderation.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Holds {@link DeobfuscatedText}'s shortcuts to exactly what the plain code returned ({@link DeobfuscatedTextBefore}):
 * the same folded text, the same map back to the original, the same disguised chars.
 */
class DeobfuscatedTextTest {

    /** What separators are made of and what stands around them, so random strings form and almost form them. */
    static final List<String> SEPARATOR_PIECES = List.of(
            " ",
            "  ",
            "   ",
            "\t",
            "\n",
            "\u00A0",
            "\u3000",
            ".",
            ". ",
            " .",
            "dot",
            "DOT",
            "Dot",
            "d0t",
            "d",
            "D",
            "at",
            "AT",
            "@",
            "(",
            ")",
            "[",
            "]",
            "{",
            "}",
            "<",
            ">",
            ":",
            "//",
            "-",
            "example",
            "Example",
            "com",
            "net",
            "co",
            "uk",
            "io",
            "the",
            "www",
            "etc",
            "era",
            "shop",
            "zip",
            "NET",
            "polka",
            "hxxp",
            "a",
            "b",
            "x",
            "E",
            "1",
            "42",
            "\u3002",
            "\uFF0E",
            "\uFF45",
            "\u00E9",
            "\u0435",
            "\u200B",
            "\u0301",
            "\uD83D\uDE00",
            "?",
            "!",
            ",");

    @Test
    void spaceBetweenWordsNeverBeginsASeparator() {
        int spaces = 0;
        for (String text : texts()) {
            for (int at = 0; at < text.length(); at++) {
                if (ObfuscatedSeparator.isSpaceBetweenWordsAt(text, at)) {
                    assertThat(ObfuscatedSeparator.hasShapeAt(text, at))
                            .as("'%s' at %d", text, at)
                            .isFalse();
                    spaces++;
                }
            }
        }
        assertThat(spaces).as("spaces between words").isGreaterThan(100_000);
    }

    @Test
    void aPlainRunEndsWhereTheFirstCharThatIsNotPlainIs() {
        int blocks = 0;
        for (String text : texts()) {
            int end = text.length();
            for (int from = text.length() - 1; from >= 0; from--) {
                end = PlainRun.isPlainAt(text, from) ? end : from;
                assertThat(PlainRun.end(text, from))
                        .as("'%s' from %d", text, from)
                        .isEqualTo(end);
                blocks += end - from > 40 ? 1 : 0;
            }
        }
        assertThat(blocks).as("runs long enough to be read in blocks").isGreaterThan(100_000);
    }

    @Test
    void foldsAndMapsBackAsThePlainCodeDid() {
        int changed = 0;
        for (String text : texts()) {
            DeobfuscatedText fast = DeobfuscatedText.of(text);
            DeobfuscatedTextBefore plain = DeobfuscatedTextBefore.of(text);
            assertThat(fast.text()).as(text).isEqualTo(plain.text());
            String folded = plain.text();
            for (int i = 0; i <= folded.length(); i++) {
                assertThat(fast.originalStart(i)).as("'%s' start %d", text, i).isEqualTo(plain.originalStart(i));
                assertThat(fast.originalEnd(i)).as("'%s' end %d", text, i).isEqualTo(plain.originalEnd(i));
                if (i < folded.length()) {
                    assertThat(fast.isDisguised(i, i + 1))
                            .as("'%s' disguised %d", text, i)
                            .isEqualTo(plain.isDisguised(i, i + 1));
                }
            }
            changed += folded.equals(text) ? 0 : 1;
        }
        assertThat(changed).as("texts with something undone").isGreaterThan(10_000);
    }

    private static List<String> texts() {
        List<String> texts = new ArrayList<>(DifferentialTexts.labelled());
        texts.addAll(DifferentialTexts.evaluation());
        texts.addAll(DifferentialTexts.random(20261205, 50_000, 40));
        texts.addAll(DifferentialTexts.random(20261206, 100_000, 30, SEPARATOR_PIECES));
        List<String> prose = new ArrayList<>(SEPARATOR_PIECES);
        for (int i = 0; i < 8; i++) {
            prose.addAll(List.of(" the", " council", " is", " a", " vote", " Budget", " x", "s", "ing", " 42"));
        }
        texts.addAll(DifferentialTexts.random(20261208, 5_000, 60, prose));
        return texts;
    }
}
