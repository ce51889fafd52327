package io.modstream.moderation.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NormalizedTextTest {

    @Test
    void lowerCasesAndCollapsesRuns() {
        NormalizedText text = NormalizedText.of("FUuuuCK");

        assertThat(text.text()).isEqualTo("fuck");
        assertThat(text.runLength(1)).isEqualTo(4);
        assertThat(text.expanded()).isEqualTo("fuuuuck");
    }

    @Test
    void foldsAccentsAndCompatibilityForms() {
        assertThat(
                        read(
                                "F\u00fcck \uff46\uff55\uff43\uff4b \uD835\uDC1F\uD835\uDC2E\uD835\uDC1C\uD835\uDC24 \u24d5\u24e4\u24d2\u24da"))
                .isEqualTo("fuck fuck fuck fuck");
        assertThat(read("Stra\u00dfe \uFB01ne")).isEqualTo("strasse fine");
    }

    @Test
    void readsLookAlikeLettersFromOtherScripts() {
        assertThat(read("fu\u0441k \u0455hit \u0410SS \u041cOM \u043c\u043em")).isEqualTo("fuck shit ass mom mom");
    }

    @Test
    void leavesLatinLettersAsTheyAre() {
        // ICU's skeleton of m is rn, of 0 is O and of 1 is l; plain Latin text must not change.
        assertThat(read("morning warm")).isEqualTo("morning warm");
        assertThat(read("rn")).isEqualTo("rn");
    }

    @Test
    void removesInvisibleCharacters() {
        assertThat(read("f\u200Bu\u200Cc\u200Dk \u2060sh\u00ADit\uFEFF")).isEqualTo("fuck shit");
    }

    @Test
    void removesCombiningMarksButKeepsThemInTheSpan() {
        NormalizedText text = NormalizedText.of("fu\u0308ck\u0301!");

        assertThat(text.text()).isEqualTo("fuck ");
        assertThat(text.start(0)).isZero();
        assertThat(text.end(3)).isEqualTo(6);
    }

    @Test
    void joinsSpacedOutSingleLetters() {
        assertThat(read("f.u.c.k")).isEqualTo("fuck");
        assertThat(read("f u c k")).isEqualTo("fuck");
        assertThat(read("f-u-c-k")).isEqualTo("fuck");
        assertThat(read("f_u_c_k")).isEqualTo("fuck");
        assertThat(read("f . u . c . k")).isEqualTo("fuck");
        assertThat(read("so f.u.c.k it")).isEqualTo("so fuck it");
    }

    @Test
    void neverJoinsAWordOfTwoLettersOrMore() {
        assertThat(read("pen is mightier")).isEqualTo("pen is mightier");
        assertThat(read("fu ck")).isEqualTo("fu ck");
        assertThat(read("this hit")).isEqualTo("this hit");
    }

    @Test
    void neverJoinsAcrossLinesOrLongGaps() {
        assertThat(read("f\nu\nc\nk")).isEqualTo("f u c k");
        assertThat(read("f    u")).isEqualTo("f    u");
    }

    @Test
    void readsLeetspeakInsideWords() {
        assertThat(read("a$$ @ss b00bs h3ll0 5h!t wh0r3 8itch 7wat b9ggy"))
                .isEqualTo("ass ass boobs hello sh1t whore bitch twat bgggy");
    }

    @Test
    void readsAStrokeAsEitherIOrL() {
        assertThat(read("sh1t s|ut sh!t")).isEqualTo("sh1t s1ut sh1t");
        assertThat(NormalizedText.STROKE).isEqualTo('1');
    }

    @Test
    void leavesNumbersAndPunctuationAlone() {
        assertThat(NormalizedText.of("Pi is 3.14, not $5 in 2024!").text()).isEqualTo("pi is 3 14 not 5 in 2024 ");
        assertThat(read("hello!")).isEqualTo("hello ");
    }

    @Test
    void readsIdentifiersAsWritten() {
        // 4bb0 and ab05 read as leetspeak would be "abbo" and "abos"
        assertThat(read("order 3fa85f64-5717-4bb0-ab05-2c963f66afa6 never arrived"))
                .isEqualTo("order 3fa85f64 5717 4bb0 ab05 2c963f66afa6 never arrived");
        assertThat(read("{3FA85F64-5717-4BB0-AB05-2C963F66AFA6}")).isEqualTo(" 3fa85f64 5717 4bb0 ab05 2c963f66afa6 ");
        assertThat(read("fixed in 4bb0a1f2")).isEqualTo("fixed in 4bb0a1f2");
    }

    @Test
    void readsLeetspeakNextToIdentifiersAndInShorterCodes() {
        assertThat(read("f4gg0t 3fa85f64-5717-4bb0-ab05-2c963f66afa6"))
                .isEqualTo("faggot 3fa85f64 5717 4bb0 ab05 2c963f66afa6");
        assertThat(read("f4gg0t-3fa85f64-5717-4bb0-ab05-2c963f66afa6"))
                .isEqualTo("faggot 3fa85f64 5717 4bb0 ab05 2c963f66afa6");
        assertThat(read("4bb0 4bb0-ab05 4bb0a1f")).isEqualTo("abbo abbo abos abboa1f");
        assertThat(read("4bb0*a1f2 4bb0a1f2\u00e9")).isEqualTo("abbo*a1fz abboa1fze");
    }

    @Test
    void aLetterThatFoldsToTwoBeforeAHexRunLeavesItALeetWord() {
        // the ligature fi is one char of the body and two of the word: the word's chars cannot be counted back
        assertThat(read("\uFB014bb0a1f2")).isEqualTo("fiabboa1fz");
    }

    @Test
    void identifiersStayLinear() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            // runs collapse: 4bb0 read as leet is abo, as written 4b0
            assertThat(NormalizedText.of("4bb0-".repeat(200_000)).text()).startsWith("abo abo ");
            assertThat(NormalizedText.of("3fa85f64-5717-4bb0-ab05-2c963f66afa6 ".repeat(25_000))
                            .text())
                    .startsWith("3fa85f64 5717 4b0 ab05 2c963f6afa6 3fa85f64 ");
            assertThat(NormalizedText.of("4bb0a1f2".repeat(125_000)).length()).isEqualTo(7 * 125_000);
        });
    }

    @Test
    void mapsEveryCharBackToTheOriginal() {
        String body = "Well, f.u.c.k me";
        NormalizedText text = NormalizedText.of(body);
        int at = text.text().indexOf("fuck");

        assertThat(body.substring(text.start(at), text.end(at + 3))).isEqualTo("f.u.c.k");
    }

    @Test
    void aCharThatFoldsToTwoKeepsItsSpanForBoth() {
        NormalizedText text = NormalizedText.of("\u00df!");

        assertThat(text.text()).isEqualTo("s ");
        assertThat(text.runLength(0)).isEqualTo(2);
        assertThat(text.start(0)).isZero();
        assertThat(text.end(0)).isEqualTo(1);
    }

    @Test
    void emptyTextStaysEmpty() {
        assertThat(NormalizedText.of("").text()).isEmpty();
        assertThat(NormalizedText.of("\u200B\u0301").text()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\uD800", "\uDC00abc\uD800", "x\uD83D", "\uDE00\uD83D", "\u0000\u0001", "\u0301start"})
    void brokenTextNeverThrows(String body) {
        NormalizedText text = NormalizedText.of(body);

        assertThat(text.length()).isLessThanOrEqualTo(body.length() * 3);
    }

    @Test
    void longRunsStayLinear() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertThat(NormalizedText.of("a".repeat(1_000_000)).text()).isEqualTo("a");
            assertThat(NormalizedText.of("a ".repeat(500_000)).text()).isEqualTo("a ");
            assertThat(NormalizedText.of("\uD835\uDC1F".repeat(500_000)).text()).isEqualTo("f");
        });
    }

    @Test
    void readsStarsInsideAWordAsMaskedLetters() {
        assertThat(read("f*ck f**k a**hole")).isEqualTo("f*ck f**k a**hole");
        assertThat(NormalizedText.of("f**k").runLength(1)).isEqualTo(2);
        assertThat(NormalizedText.of("f**k. Next").text()).isEqualTo("f*k next");
    }

    @Test
    void starsThatSpaceOutLettersOrEdgeAWordAreNoMask() {
        assertThat(read("f*u*c*k")).isEqualTo("fuck");
        assertThat(read("b-i*t..c/h")).isEqualTo("bitch");
        assertThat(read("a h*ll")).isEqualTo("a h*ll");
        assertThat(NormalizedText.of("*emphasis* price* **kwargs").text()).isEqualTo(" emphasis price kwargs");
    }

    @Test
    void readsSymbolsInsideWordsAsLetters() {
        assertThat(read("fu(k shi+ fuc|< bitc# +wat $h!t")).isEqualTo("fuck shit fuck bitch twat sh1t");
        assertThat(NormalizedText.of("C++ F# #tag (until) idiot(s) <3").text()).isEqualTo("c f tag until idiot s 3");
    }

    @Test
    void aWordMayStartAfterTheWordAJoinedToSpacedOutLetters() {
        NormalizedText text = NormalizedText.of("a s.l.u.t");

        assertThat(text.text()).isEqualTo("aslut");
        assertThat(text.isSoftStart(1)).isTrue();
        assertThat(NormalizedText.of("as slut").isSoftStart(1)).isFalse();
    }

    @Test
    void readsGreekCapitalsByTheirOwnLook() {
        // Capital eta looks like H and capital nu like N, though their small letters look like n and v.
        assertThat(read("\u0391SS\u0397OLE \u039D\u0399GGER \u03F2unt \u03C9hore"))
                .isEqualTo("asshole n1gger cunt whore");
    }

    @Test
    void masksStayLinear() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertThat(NormalizedText.of("f" + "*".repeat(1_000_000) + "k").text())
                    .isEqualTo("f k");
            assertThat(NormalizedText.of("ab*".repeat(300_000)).length()).isEqualTo(900_000);
            assertThat(NormalizedText.of("a*".repeat(500_000)).text()).isEqualTo("a ");
        });
    }

    private static String read(String body) {
        return NormalizedText.of(body).expanded();
    }
}
