package io.modstream.moderation.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Table-driven tests over labelled comments in {@code src/test/resources/policy/*.tsv}.
 *
 * <p>Columns, tab-separated: the label ({@code HIT} or {@code CLEAN}), the text the finding must span ({@code -}
 * for CLEAN, or when any span will do), the comment (with {@code \n} and {@code \t} escapes), and optionally a note.
 * A row labelled {@code HIT?} or {@code CLEAN?} is a known mistake of the check: it is counted in the precision and
 * recall figures but does not fail the build, so the table documents what the check does not catch yet. Every other
 * row must come out as labelled: a regression fails its own test.
 *
 * <p>After the rows, one more test prints precision and recall for the table.
 */
final class LabelledCases {

    private LabelledCases() {}

    /** One dynamic test per row of {@code resource}, run against {@code check} for reason {@code code}. */
    static Stream<DynamicTest> run(String resource, Check check, String code) {
        List<Row> rows = load(resource);
        AtomicInteger truePositives = new AtomicInteger();
        AtomicInteger falsePositives = new AtomicInteger();
        AtomicInteger falseNegatives = new AtomicInteger();
        AtomicInteger trueNegatives = new AtomicInteger();
        List<DynamicTest> tests = new ArrayList<>();
        for (Row row : rows) {
            tests.add(DynamicTest.dynamicTest(row.name(), () -> {
                List<Finding> findings = check.inspect(Submission.of(row.text())).stream()
                        .filter(f -> f.code().equals(code))
                        .toList();
                boolean fired = !findings.isEmpty();
                boolean spanned = row.trigger().equals("-")
                        || findings.stream()
                                .anyMatch(f ->
                                        row.text().substring(f.start(), f.end()).equals(row.trigger()));
                boolean correct = row.hit() ? fired && spanned : !fired;
                if (row.hit()) {
                    (fired ? truePositives : falseNegatives).incrementAndGet();
                } else {
                    (fired ? falsePositives : trueNegatives).incrementAndGet();
                }
                if (!row.knownMistake()) {
                    assertThat(correct)
                            .as(
                                    "%s line %d: expected %s%s, found %s",
                                    resource,
                                    row.line(),
                                    row.label(),
                                    row.hit() ? " spanning '" + row.trigger() + "'" : "",
                                    describe(row.text(), findings))
                            .isTrue();
                }
            }));
        }
        tests.add(DynamicTest.dynamicTest("precision and recall", () -> {
            int tp = truePositives.get();
            int fp = falsePositives.get();
            int fn = falseNegatives.get();
            System.out.printf(
                    Locale.ROOT,
                    "%s [%s]: %d cases, precision %.3f, recall %.3f (tp=%d fp=%d fn=%d tn=%d)%n",
                    resource,
                    code,
                    rows.size(),
                    ratio(tp, tp + fp),
                    ratio(tp, tp + fn),
                    tp,
                    fp,
                    fn,
                    trueNegatives.get());
            assertThat(tp + fp + fn + trueNegatives.get()).isEqualTo(rows.size());
        }));
        return tests.stream();
    }

    private static double ratio(int numerator, int denominator) {
        return denominator == 0 ? 1.0 : (double) numerator / denominator;
    }

    private static String describe(String text, List<Finding> findings) {
        return findings.stream()
                .map(f -> "'" + text.substring(f.start(), f.end()) + "'@" + f.start())
                .toList()
                .toString();
    }

    static List<Row> load(String resource) {
        return lines(resource).stream()
                .map(line -> new Row(
                        line.number(), line.columns()[0], unescape(line.columns()[1]), unescape(line.columns()[2])))
                .toList();
    }

    /** The rows of a table: every line that is not blank or a {@code #} comment, split at tabs. */
    static List<Line> lines(String resource) {
        try (InputStream in =
                Objects.requireNonNull(LabelledCases.class.getResourceAsStream(resource), resource + " not found")) {
            List<String> text = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            List<Line> lines = new ArrayList<>();
            for (int i = 0; i < text.size(); i++) {
                String line = text.get(i);
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t", -1);
                if (columns.length < 3) {
                    throw new IllegalArgumentException(
                            resource + " line " + (i + 1) + ": needs 3 tab-separated columns");
                }
                lines.add(new Line(i + 1, columns));
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line of a table, numbered from 1 as an editor shows it. */
    record Line(int number, String[] columns) {}

    static String unescape(String column) {
        return column.replace("\\n", "\n").replace("\\t", "\t");
    }

    record Row(int line, String label, String trigger, String text) {

        Row {
            if (!List.of("HIT", "CLEAN", "HIT?", "CLEAN?").contains(label)) {
                throw new IllegalArgumentException("line " + line + ": label must be HIT, CLEAN, HIT? or CLEAN?");
            }
        }

        boolean hit() {
            return label.startsWith("HIT");
        }

        boolean knownMistake() {
            return label.endsWith("?");
        }

        String name() {
            String shown = text.length() > 60 ? text.substring(0, 57) + "..." : text;
            return line + " " + label + " " + shown.replace('\n', ' ');
        }
    }
}
