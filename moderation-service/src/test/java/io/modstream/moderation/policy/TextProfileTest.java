package io.modstream.moderation.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The profile's table-driven pass, held to a plain reading of one code point at a time. */
class TextProfileTest {

    @Test
    void theTablesCountAsTheCodePointReadingDoes() {
        List<String> texts = new ArrayList<>(DifferentialTexts.labelled());
        texts.addAll(DifferentialTexts.random(20261205, 200_000, 60));
        texts.add("a".repeat(10_000) + "é".repeat(5_000) + "😀" + "A".repeat(9_000)); // longer than a stretch
        texts.add("\u200D©\u200D®©" + "x".repeat(5_000) + "\u200D©");
        for (String text : texts) {
            assertThat(TextProfile.of(text)).as(text).isEqualTo(reference(text));
        }
    }

    @Test
    void countsEachSignal() {
        assertThat(TextProfile.of("Café <b>\t\r\n")).isEqualTo(new TextProfile(5, 1, 0, 0, 1, false, true));
        assertThat(TextProfile.of("soft\u00ADhyphen")).isEqualTo(new TextProfile(10, 0, 0, 0, 1, true, false));
        assertThat(TextProfile.of("Hi @Ann!!! 😀 ©\u200D© <b>"))
                .isEqualTo(new TextProfile(6, 2, 1, 2, 3, false, false));
        assertThat(TextProfile.of("SOOO 1111 😀😀")).isEqualTo(new TextProfile(4, 4, 0, 2, 3, true, false));
    }

    /** The profile read one code point at a time, as the spam check's scan reads the body. */
    private static TextProfile reference(String body) {
        int letters = 0;
        int upper = 0;
        int atSigns = 0;
        int emoji = 0;
        int runChar = -1;
        int runLength = 0;
        int longestRun = 0;
        int previous = -1;
        int regionalIndicators = 0;
        int length = body.length();
        for (int i = 0; i < length; ) {
            char c = body.charAt(i);
            if (c < 0x100) {
                int kind = SpamCheck.latin1Kind(c);
                char folded = SpamCheck.latin1Lower(c);
                // As the spam check's scan: a run goes on while the folded char is the same and may repeat.
                runLength = folded == runChar && (kind & SpamCheck.REPEATABLE) != 0 ? runLength + 1 : 1;
                runChar = folded;
                longestRun = Math.max(longestRun, runLength);
                letters += kind & SpamCheck.LETTER;
                upper += (kind & SpamCheck.UPPER) >> 1;
                atSigns += c == '@' ? 1 : 0;
                if ((kind & SpamCheck.PICTOGRAPH) != 0 && SpamCheck.startsEmoji(c, previous, 0)) {
                    emoji++;
                }
                previous = c;
                regionalIndicators = 0;
                i++;
                continue;
            }
            int cp = body.codePointAt(i);
            int kind = SpamCheck.kind(cp);
            int folded = Character.toLowerCase(cp);
            runLength = folded == runChar && (kind & SpamCheck.REPEATABLE) != 0 ? runLength + 1 : 1;
            runChar = folded;
            longestRun = Math.max(longestRun, runLength);
            letters += kind & SpamCheck.LETTER;
            upper += (kind & SpamCheck.UPPER) >> 1;
            regionalIndicators = SpamCheck.isRegionalIndicator(cp) ? regionalIndicators + 1 : 0;
            if (SpamCheck.startsEmoji(cp, previous, regionalIndicators)) {
                emoji++;
            }
            previous = cp;
            i += Character.charCount(cp);
        }
        boolean unicodePlain = body.chars().allMatch(c -> c < 0x100 && UnicodeCheck.isPlain((char) c));
        return new TextProfile(letters, upper, atSigns, emoji, longestRun, Markup.isPlainText(body), unicodePlain);
    }
}
