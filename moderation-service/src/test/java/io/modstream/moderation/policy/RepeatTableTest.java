package io.modstream.moderation.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.modstream.events.ReasonCodes;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Labelled comments with their author's history, run against one {@link RepeatCheck}: the same text within 60
 * minutes is rejected as DUPLICATE, more than 5 posts (this one included) within a minute is held as FLOOD.
 *
 * <p>Columns of {@code repeats.tsv}, tab-separated: the label ({@code DUPLICATE}, {@code FLOOD},
 * {@code DUPLICATE+FLOOD} or {@code NONE}; with a trailing {@code ?} for a known mistake of the check, which is
 * counted but does not fail), the comment, the author's earlier posts as {@code minutesAgo:text} entries separated
 * by {@code " || "} (empty for none; a negative number of minutes is a post from the future, a decimal one is
 * precise to the millisecond), and optionally a note. Texts use {@code \n} and {@code \t} escapes.
 */
class RepeatTableTest {

    private static final String RESOURCE = "/policy/repeats.tsv";

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    private static final Check CHECK =
            Checks.repeats(Duration.ofMinutes(60), Action.REJECT, 5, Duration.ofMinutes(1), Action.REVIEW);

    private static final List<String> CODES = List.of(ReasonCodes.DUPLICATE, ReasonCodes.FLOOD);

    @TestFactory
    Stream<DynamicTest> labelledRepeatsComeOutAsLabelled() {
        List<Row> rows = load();
        Map<String, int[]> counts = new LinkedHashMap<>(); // tp, fp, fn, tn per code
        CODES.forEach(code -> counts.put(code, new int[4]));
        List<DynamicTest> tests = new ArrayList<>();
        for (Row row : rows) {
            tests.add(DynamicTest.dynamicTest(row.name(), () -> {
                Set<String> found = new TreeSet<>();
                for (Finding finding : CHECK.inspect(row.submission())) {
                    found.add(finding.code());
                    assertThat(finding.start()).isZero();
                    assertThat(finding.end()).isEqualTo(row.comment().length());
                }
                for (String code : CODES) {
                    boolean expected = row.expected().contains(code);
                    boolean fired = found.contains(code);
                    counts.get(code)[expected ? (fired ? 0 : 2) : (fired ? 1 : 3)]++;
                }
                if (!row.knownMistake()) {
                    assertThat(found)
                            .as("%s line %d: expected %s", RESOURCE, row.line(), row.label())
                            .containsExactlyInAnyOrderElementsOf(row.expected());
                }
            }));
        }
        tests.add(DynamicTest.dynamicTest("precision and recall", () -> {
            for (String code : CODES) {
                int[] c = counts.get(code);
                System.out.printf(
                        Locale.ROOT,
                        "%s [%s]: %d cases, precision %.3f, recall %.3f (tp=%d fp=%d fn=%d tn=%d)%n",
                        RESOURCE,
                        code,
                        rows.size(),
                        ratio(c[0], c[0] + c[1]),
                        ratio(c[0], c[0] + c[2]),
                        c[0],
                        c[1],
                        c[2],
                        c[3]);
                assertThat(c[0] + c[1] + c[2] + c[3]).isEqualTo(rows.size());
            }
        }));
        return tests.stream();
    }

    private static double ratio(int numerator, int denominator) {
        return denominator == 0 ? 1.0 : (double) numerator / denominator;
    }

    private static List<Row> load() {
        return LabelledCases.lines(RESOURCE).stream()
                .map(line -> new Row(
                        line.number(),
                        line.columns()[0],
                        LabelledCases.unescape(line.columns()[1]),
                        history(line.number(), line.columns()[2])))
                .toList();
    }

    private static List<AuthorActivity.Post> history(int line, String column) {
        List<AuthorActivity.Post> posts = new ArrayList<>();
        if (column.isEmpty()) {
            return posts;
        }
        for (String entry : column.split(" \\|\\| ", -1)) {
            int colon = entry.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException(
                        RESOURCE + " line " + line + ": history entry needs minutesAgo:text, got '" + entry + "'");
            }
            long millis = new BigDecimal(entry.substring(0, colon).trim())
                    .multiply(BigDecimal.valueOf(60_000))
                    .longValueExact();
            posts.add(new AuthorActivity.Post(
                    NOW.minusMillis(millis), TextFingerprint.of(LabelledCases.unescape(entry.substring(colon + 1)))));
        }
        return posts;
    }

    private record Row(int line, String label, String comment, List<AuthorActivity.Post> posts) {

        Row {
            String plain = label.endsWith("?") ? label.substring(0, label.length() - 1) : label;
            if (!List.of("DUPLICATE", "FLOOD", "DUPLICATE+FLOOD", "NONE").contains(plain)) {
                throw new IllegalArgumentException(
                        "line " + line + ": label must be DUPLICATE, FLOOD, DUPLICATE+FLOOD or NONE, maybe with ?");
            }
        }

        Set<String> expected() {
            Set<String> codes = new TreeSet<>();
            for (String code : CODES) {
                if (label.contains(code)) {
                    codes.add(code);
                }
            }
            return codes;
        }

        boolean knownMistake() {
            return label.endsWith("?");
        }

        Submission submission() {
            return new Submission(comment, "author-1", NOW, new AuthorActivity(posts));
        }

        String name() {
            String shown = comment.length() > 50 ? comment.substring(0, 47) + "..." : comment;
            return line + " " + label + " " + shown.replace('\n', ' ') + " (" + posts.size() + " earlier)";
        }
    }
}
