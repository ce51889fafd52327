package io.modstream.moderation.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.jsoup.safety.Safelist;
import org.junit.jupiter.api.Test;

/** Plain text skips jsoup; these tests hold that shortcut to exactly what jsoup would have returned. */
class MarkupTest {

    private static final List<String> TABLES = List.of(
            "/policy/links.tsv",
            "/policy/emails.tsv",
            "/policy/phones.tsv",
            "/policy/terms-banned.tsv",
            "/policy/terms-suspect.tsv",
            "/policy/spam.tsv",
            "/policy/unicode.tsv",
            "/policy/length.tsv",
            "/policy/markup.tsv",
            "/policy/patterns.tsv");

    private final List<Markup> markups = List.of(
            new Markup(Markup.FORMATTING), new Markup(Safelist.none()), new Markup(Markup.FORMATTING, Set.of("a.b")));

    @Test
    void shortcutMatchesJsoupOnEveryLabelledComment() {
        List<String> bodies = new ArrayList<>();
        TABLES.forEach(table -> LabelledCases.load(table).forEach(row -> bodies.add(row.text())));

        int plain = assertShortcutMatchesJsoup(bodies);

        assertThat(plain).as("plain comments among the tables").isGreaterThan(1_000);
    }

    @Test
    void shortcutMatchesJsoupOnRandomText() {
        String alphabet =
                "ab >\"'\n\t \u00A0é😀\u200B\u202E\uD800\uDC00x.,;:!?-_=+*/\\|{}[]()#@$%^~`\u0301\u00AD\uFEFF\u2028\u0007";
        Random random = new Random(20261125);
        List<String> bodies = new ArrayList<>();
        for (int k = 0; k < 50_000; k++) {
            StringBuilder body = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                body.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            bodies.add(body.toString());
        }

        int plain = assertShortcutMatchesJsoup(bodies);

        assertThat(plain).as("random strings the shortcut takes").isGreaterThan(1_000);
    }

    @Test
    void theSubmissionsProfileAnswersAsTheShortcutDoes() {
        List<String> bodies = new ArrayList<>(DifferentialTexts.labelled());
        bodies.addAll(DifferentialTexts.random(20261205, 100_000, 30));
        int plain = 0;
        for (String body : bodies) {
            boolean expected = Markup.isPlainText(body);
            assertThat(TextProfile.of(body).plainText()).as(body).isEqualTo(expected);
            plain += expected ? 1 : 0;
        }
        assertThat(plain).as("plain texts").isBetween(1_000, bodies.size() - 1_000);
    }

    @Test
    void simpleMarkupComesOutAsJsoupWouldHaveIt() {
        List<String> pieces = List.of(
                "<b>",
                "</b>",
                "<i>",
                "</i>",
                "<em>",
                "</em>",
                "<strong>",
                "</strong>",
                "<br>",
                "&amp;",
                "word",
                " ",
                "\n",
                "\t",
                ">",
                "\u00A0",
                "é",
                "😀",
                "<B>",
                "</br>",
                "<br/>",
                "<b >",
                "<p>",
                "</p>",
                "<a href=x>",
                "</a>",
                "&amp",
                "&lt;",
                "&",
                "<",
                "\r",
                "\u0000",
                "\uD800",
                "\uFEFF",
                "\u2028",
                "<script>",
                "</i",
                "<em");
        Random random = new Random(20261205);
        List<String> bodies = new ArrayList<>(DifferentialTexts.labelled());
        for (int k = 0; k < 60_000; k++) {
            StringBuilder body = new StringBuilder();
            int kinds = random.nextInt(3) == 0 ? pieces.size() : 12; // mostly the pieces the shortcut takes
            for (int i = random.nextInt(12); i > 0; i--) {
                body.append(pieces.get(random.nextInt(kinds)));
            }
            bodies.add(body.toString());
        }
        int simple = 0;
        for (Markup markup : markups) {
            SimpleMarkup shortcut = new SimpleMarkup(markup.safelistForTests());
            for (String body : bodies) {
                Markup.Sanitized written = shortcut.sanitize(body);
                if (written != null) {
                    assertThat(written).as(body).isEqualTo(markup.parse(body));
                    assertThat(markup.sanitize(body)).as(body).isEqualTo(written);
                    simple++;
                }
            }
        }
        assertThat(simple).as("bodies the shortcut writes").isGreaterThan(30_000);
    }

    @Test
    void textWithMarkupOrEntitiesOrControlCharactersIsParsed() {
        assertThat(Markup.isPlainText("plain > text é 😀")).isTrue();
        assertThat(Markup.isPlainText("a <b>tag</b>")).isFalse();
        assertThat(Markup.isPlainText("fish &amp; chips")).isFalse();
        assertThat(Markup.isPlainText("bell \u0007")).isFalse();
        assertThat(Markup.isPlainText("lone \uD800 surrogate")).isFalse();
        assertThat(Markup.isPlainText("windows\r\nline")).isFalse();
    }

    private int assertShortcutMatchesJsoup(List<String> bodies) {
        int plain = 0;
        for (String body : bodies) {
            if (!Markup.isPlainText(body)) {
                continue;
            }
            plain++;
            for (Markup markup : markups) {
                assertThat(markup.sanitize(body)).as("%s", body).isEqualTo(markup.parse(body));
            }
        }
        return plain;
    }
}
