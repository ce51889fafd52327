package io.modstream.moderation.policy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Texts for differential tests, which hold a fast path to exactly what the plain code it shortcuts returns: every
 * comment of the labelled tables, and random strings drawn from pieces that the fast paths treat specially.
 */
final class DifferentialTexts {

    private static final List<String> TABLES = List.of(
            "/policy/emails.tsv",
            "/policy/length.tsv",
            "/policy/links.tsv",
            "/policy/links-allowed.tsv",
            "/policy/markup.tsv",
            "/policy/markup-plain.tsv",
            "/policy/patterns.tsv",
            "/policy/phones.tsv",
            "/policy/spam.tsv",
            "/policy/terms-banned.tsv",
            "/policy/terms-suspect.tsv",
            "/policy/unicode.tsv");

    /**
     * ASCII of every kind, Latin-1 and other letters in both cases and both normal forms, marks, joiners, hidden
     * and control characters, Hangul jamo and other chars that compose or fold into more, emoji with skin tones, flags, a tag sequence, whole and lone surrogates, tags and
     * entities.
     */
    private static final List<String> PIECES = List.of(
            "a",
            "b",
            "o",
            "O",
            "S",
            "Z",
            "z",
            "1",
            "7",
            " ",
            "  ",
            "\n",
            "\r",
            "\t",
            "!",
            "?",
            ".",
            "@",
            "@x",
            "<",
            ">",
            "&",
            "&amp;",
            "<b>",
            "</b>",
            "<a href=x>",
            "<!-- c -->",
            "\u0007",
            "\u007F",
            "\u0085",
            "\u00A0",
            "é",
            "É",
            "e\u0301",
            "ß",
            "ẞ",
            "İ",
            "ﬁ",
            "Ａ",
            "ｚ",
            "٣",
            "Ж",
            "ж",
            "ǅ",
            "\u0301",
            "\u0336",
            "\u200B",
            "\u200C",
            "\u200D",
            "\u202E",
            "\u2066",
            "\u00AD",
            "\uFEFF",
            "\u2028",
            "\uFFFE",
            "\uFDD0",
            "\u3164",
            "\u0600",
            "😀",
            "😂",
            "👍🏽",
            "👩\u200D💻",
            "🇩🇪",
            "🇩",
            "🏴\uDB40\uDC67\uDB40\uDC62\uDB40\uDC73\uDB40\uDC63" + "\uDB40\uDC74\uDB40\uDC7F",
            "\uD83D",
            "\uDE00",
            "©",
            "\uFE0F",
            "क्\u200Dष");

    private DifferentialTexts() {}

    /** Every comment of every labelled table. */
    static List<String> labelled() {
        List<String> texts = new ArrayList<>();
        TABLES.forEach(table -> LabelledCases.load(table).forEach(row -> texts.add(row.text())));
        return texts;
    }

    /** Every comment of the evaluation tables ({@code src/test/resources/evaluation/<area>/*.tsv}, issue 13). */
    static List<String> evaluation() {
        List<String> texts = new ArrayList<>();
        try {
            Path root = Path.of(Objects.requireNonNull(DifferentialTexts.class.getResource("/evaluation"))
                    .toURI());
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".tsv"))
                        .sorted()
                        .toList()) {
                    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                        String[] columns = line.split("\t", -1);
                        if (!line.startsWith("#") && columns.length >= 2) {
                            texts.add(columns[1].replace("\\n", "\n").replace("\\t", "\t"));
                        }
                    }
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return texts;
    }

    /** {@code count} random strings of up to {@code maxPieces} pieces, the same for the same seed. */
    static List<String> random(long seed, int count, int maxPieces) {
        return random(seed, count, maxPieces, PIECES);
    }

    /** {@code count} random strings of up to {@code maxPieces} of {@code pieces}, the same for the same seed. */
    static List<String> random(long seed, int count, int maxPieces, List<String> pieceSet) {
        Random random = new Random(seed);
        List<String> texts = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            StringBuilder text = new StringBuilder();
            // Some strings repeat a few pieces many times, so runs, shouting and counts past a limit come up too.
            List<String> pieces = pieceSet;
            if (random.nextInt(4) == 0) {
                pieces = new ArrayList<>();
                for (int i = 1 + random.nextInt(4); i > 0; i--) {
                    pieces.add(pieceSet.get(random.nextInt(pieceSet.size())));
                }
            }
            for (int i = random.nextInt(maxPieces + 1); i > 0; i--) {
                text.append(pieces.get(random.nextInt(pieces.size())));
            }
            texts.add(text.toString());
        }
        return texts;
    }
}
