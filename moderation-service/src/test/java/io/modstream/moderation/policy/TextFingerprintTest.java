package io.modstream.moderation.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.Normalizer2;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextFingerprintTest {

    @Test
    void asciiTextGetsTheSameFingerprintAsFoldingItThroughIcuWould() {
        Random random = new Random(42);
        for (int n = 0; n < 2_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(300);
            for (int i = 0; i < length; i++) {
                char c = (char) random.nextInt(0x80); // every ASCII character, controls included,
                text.append(c == '<' ? ' ' : c); // but no tags, which both ways drop before folding
            }
            String ascii = text.toString();
            assertThat(TextFingerprint.of(ascii)).as("%s", ascii).isEqualTo(throughIcu(ascii));
        }
    }

    @Test
    void theAsciiAndTheUnicodeWaysAgreeOnTheSameWords() {
        String plain = TextFingerprint.of("Hello, World! 42");

        assertThat(TextFingerprint.of("hello world 42")).isEqualTo(plain);
        assertThat(TextFingerprint.of("ＨＥＬＬＯ，　ｗｏｒｌｄ！ ４２")).isEqualTo(plain); // full width goes through ICU
        assertThat(TextFingerprint.of("<b>Hello</b> world 42")).isEqualTo(plain);
        assertThat(TextFingerprint.of("Straße")).isEqualTo(TextFingerprint.of("STRASSE"));
        assertThat(TextFingerprint.of("hello world 43")).isNotEqualTo(plain);
    }

    @Test
    void foldingPieceByPieceGivesWhatFoldingTheWholeTextGives() {
        List<String> texts = new ArrayList<>(DifferentialTexts.labelled());
        texts.addAll(DifferentialTexts.random(20261205, 100_000, 40));
        for (String text : texts) {
            assertThat(TextFingerprint.of(text))
                    .as("%s", text)
                    .isEqualTo(throughIcu(TextFingerprint.withoutTags(text)));
        }
    }

    @Test
    void composingAcrossPiecesIsFoldedAsOne() {
        assertThat(TextFingerprint.of("Cafe\u0301")).isEqualTo(TextFingerprint.of("CAFÉ"));
        assertThat(TextFingerprint.of("\u1100\u1161\u11A8")).isEqualTo(TextFingerprint.of("각"));
        assertThat(TextFingerprint.of("e<b>\u0301</b>")).isEqualTo(TextFingerprint.of("é"));
    }

    /** The definition: NFKC case folding, then 64-bit FNV-1a over the letters and digits. */
    private static String throughIcu(String text) {
        String folded = Normalizer2.getNFKCCasefoldInstance().normalize(text);
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                hash ^= cp;
                hash *= 0x100000001b3L;
            }
            i += Character.charCount(cp);
        }
        return Long.toHexString(hash);
    }
}
