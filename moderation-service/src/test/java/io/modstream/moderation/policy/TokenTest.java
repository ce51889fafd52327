package io.modstream.moderation.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenTest {

    /** What links are made of and what stands around them, so random strings form and almost form tokens. */
    private static final List<String> LINK_PIECES = List.of(
            " ",
            "  ",
            "\n",
            ".",
            "..",
            ". ",
            ":",
            "://",
            "//",
            "/",
            "?",
            "#",
            "[",
            "]",
            "(",
            ")",
            "-",
            "@",
            "'",
            "\"",
            "<",
            ">",
            "|",
            ",",
            "!",
            "*",
            "~",
            "\u2026",
            "http",
            "https",
            "hxxp",
            "h**p",
            "www",
            "example",
            "com",
            "co.uk",
            "io",
            "js",
            "Node",
            "magnet",
            "?xt=urn",
            "skype",
            "bitcoin",
            "data",
            "text/html",
            "javascript",
            "1",
            "192",
            "168",
            "0x7f",
            "::1",
            "2001",
            "db8",
            "8080",
            "a",
            "\u00E9",
            "\u4F8B",
            "\u0435",
            "\u00A0",
            "\uD83D\uDE00",
            "the",
            "word");

    @Test
    void findsTheLinksInText() {
        assertThat(Token.scan("See https://example.com/a_(b). Or www.example.org, or setup.py"))
                .containsExactly(
                        new Token(4, 12, 23, 29, true),
                        new Token(34, 34, 49, 49, false),
                        new Token(54, 54, 62, 62, false));
    }

    /**
     * The scan that skips to colons, brackets and dots finds exactly the tokens of the scan that read every char, on
     * every labelled and evaluation comment and on random strings of the pieces of links.
     */
    @Test
    void skippingToTheLandmarksFindsWhatReadingEveryCharFinds() {
        List<String> texts = new ArrayList<>(DifferentialTexts.labelled());
        texts.addAll(DifferentialTexts.evaluation());
        texts.addAll(DifferentialTexts.random(20261205, 50_000, 40));
        texts.addAll(DifferentialTexts.random(20261209, 200_000, 40, LINK_PIECES));
        int tokens = 0;
        for (String text : texts) {
            List<Token> skipping = Token.scan(text);
            List<Token> reading = TokenBefore.scan(text).stream()
                    .map(t -> new Token(t.start(), t.hostStart(), t.hostEnd(), t.end(), t.scheme()))
                    .toList();
            assertThat(skipping).as(text).isEqualTo(reading);
            tokens += skipping.size();
        }
        assertThat(tokens).as("tokens found").isGreaterThan(80_000);
    }
}
