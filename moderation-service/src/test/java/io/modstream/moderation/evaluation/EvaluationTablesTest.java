package io.modstream.moderation.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.modstream.events.ReasonCodes;
import io.modstream.moderation.policy.Moderation;
import io.modstream.moderation.sitepolicy.PolicyParser;
import io.modstream.moderation.sitepolicy.SitePolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Scores the whole engine, under the default policy, on the labelled evaluation tables in
 * {@code src/test/resources/evaluation/<area>/<category>.tsv}: one file per category of disguise (issue 13), so the
 * figures say which trick still slips through.
 *
 * <p>A row is {@code HIT<tab>comment[<tab>note]} (the engine must report the area's reason) or
 * {@code CLEAN<tab>comment[<tab>note]} (it must not); {@code \n} and {@code \t} are escapes, {@code #} starts a
 * comment line. A file states its aim in a line {@code # aim: recall >= 0.95} (the share of HIT rows caught) or
 * {@code # aim: flagged <= 0.02} (the share of CLEAN rows wrongly caught), and may name the policy it is scored under
 * with {@code # policy: <file in src/test/resources/evaluation>} (default: moderation-service's default policy).
 * Single rows may fail: a category is judged by its share, as the issue's figures are. Every table's figures are
 * printed and written to {@code target/evaluation.md}.
 */
class EvaluationTablesTest {

    /** The reasons that count as "caught" in each area. */
    private static final Map<String, Set<String>> CAUGHT_BY = Map.of(
            "abuse", Set.of(ReasonCodes.BANNED_TERM, ReasonCodes.SUSPECT_TERM),
            "links", Set.of(ReasonCodes.LINK));

    private static final List<String> report = new ArrayList<>();

    @TestFactory
    Stream<DynamicTest> everyCategoryMeetsItsAim() throws IOException {
        Path root = resourceFolder("evaluation");
        List<DynamicTest> tests = new ArrayList<>();
        report.add("| area | category | rows | caught | share | aim |");
        report.add("| --- | --- | ---: | ---: | ---: | --- |");
        for (String area : CAUGHT_BY.keySet().stream().sorted().toList()) {
            Path folder = root.resolve(area);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            List<Path> tables;
            try (Stream<Path> files = Files.list(folder)) {
                tables = files.filter(f -> f.toString().endsWith(".tsv"))
                        .sorted()
                        .toList();
            }
            for (Path table : tables) {
                Table scored = Table.read(table);
                Score score = scored.score(CAUGHT_BY.get(area));
                report.add(score.line(area, scored));
                tests.add(DynamicTest.dynamicTest(area + "/" + scored.category(), () -> {
                    assertThat(score.meets(scored.aim()))
                            .as("%s/%s: %s; missed: %s", area, scored.category(), score, score.wrong())
                            .isTrue();
                }));
            }
        }
        Path out = Path.of("target", "evaluation.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.join("\n", report) + "\n");
        System.out.println(String.join("\n", report));
        return tests.stream();
    }

    /** One category's rows and aim. */
    private record Table(String category, Aim aim, SitePolicy policy, List<Row> rows) {

        static Table read(Path file) throws IOException {
            String name = file.getFileName().toString();
            @Nullable Aim aim = null;
            @Nullable String policyFile = null;
            List<Row> rows = new ArrayList<>();
            int number = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                number++;
                if (line.startsWith("# aim:")) {
                    aim = Aim.parse(line.substring("# aim:".length()).trim(), name);
                } else if (line.startsWith("# policy:")) {
                    policyFile = line.substring("# policy:".length()).trim();
                } else if (!line.isBlank() && !line.startsWith("#")) {
                    String[] columns = line.split("\t", -1);
                    if (columns.length < 2 || !(columns[0].equals("HIT") || columns[0].equals("CLEAN"))) {
                        throw new IllegalArgumentException(name + " line " + number + ": not HIT/CLEAN<tab>text");
                    }
                    rows.add(new Row(number, columns[0].equals("HIT"), unescape(columns[1])));
                }
            }
            if (aim == null) {
                throw new IllegalArgumentException(name + ": no '# aim:' line");
            }
            if (rows.isEmpty()) {
                throw new IllegalArgumentException(name + ": no rows");
            }
            return new Table(name.substring(0, name.length() - 4), aim, loadPolicy(policyFile), rows);
        }

        Score score(Set<String> caughtBy) {
            int hits = 0;
            int hitsCaught = 0;
            int cleans = 0;
            int cleansFlagged = 0;
            List<String> wrong = new ArrayList<>();
            for (Row row : rows) {
                Moderation moderation = policy.engine().moderate(row.text());
                boolean caught = moderation.reasons().stream().anyMatch(r -> caughtBy.contains(r.code()));
                if (row.hit()) {
                    hits++;
                    hitsCaught += caught ? 1 : 0;
                } else {
                    cleans++;
                    cleansFlagged += caught ? 1 : 0;
                }
                if (caught != row.hit() && wrong.size() < 20) {
                    wrong.add("line " + row.line() + " " + row.text());
                }
            }
            return new Score(hits, hitsCaught, cleans, cleansFlagged, wrong);
        }
    }

    private record Row(int line, boolean hit, String text) {}

    /** {@code recall >= x} or {@code flagged <= x}. */
    private record Aim(boolean recall, double bound) {

        static Aim parse(String text, String file) {
            String[] parts = text.split("\\s+");
            if (parts.length != 3
                    || !(parts[0].equals("recall") && parts[1].equals(">=")
                            || parts[0].equals("flagged") && parts[1].equals("<="))) {
                throw new IllegalArgumentException(file + ": aim must be 'recall >= x' or 'flagged <= x'");
            }
            return new Aim(parts[0].equals("recall"), Double.parseDouble(parts[2]));
        }

        @Override
        public String toString() {
            return recall ? "recall ≥ " + bound : "flagged ≤ " + bound;
        }
    }

    private record Score(int hits, int hitsCaught, int cleans, int cleansFlagged, List<String> wrong) {

        double recall() {
            return hits == 0 ? 1 : (double) hitsCaught / hits;
        }

        double flagged() {
            return cleans == 0 ? 0 : (double) cleansFlagged / cleans;
        }

        boolean meets(Aim aim) {
            return aim.recall() ? hits > 0 && recall() >= aim.bound() : cleans > 0 && flagged() <= aim.bound();
        }

        String line(String area, Table table) {
            boolean recall = table.aim().recall();
            return String.format(
                    Locale.ROOT,
                    "| %s | %s | %d | %d | %.3f | %s%s |",
                    area,
                    table.category(),
                    recall ? hits : cleans,
                    recall ? hitsCaught : cleansFlagged,
                    recall ? recall() : flagged(),
                    table.aim(),
                    meets(table.aim()) ? "" : " **missed**");
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "recall %.3f (%d of %d), flagged %.3f (%d of %d)",
                    recall(),
                    hitsCaught,
                    hits,
                    flagged(),
                    cleansFlagged,
                    cleans);
        }
    }

    private static SitePolicy loadPolicy(@Nullable String file) {
        String resource = file == null ? "policies/default.yml" : "evaluation/" + file;
        try (InputStream in = EvaluationTablesTest.class.getClassLoader().getResourceAsStream(resource)) {
            String yaml = new String(Objects.requireNonNull(in, resource).readAllBytes(), StandardCharsets.UTF_8);
            return new PolicyParser().parse(yaml, resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path resourceFolder(String name) {
        URL url = Objects.requireNonNull(
                EvaluationTablesTest.class.getClassLoader().getResource(name), name);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unescape(String text) {
        return text.replace("\\n", "\n").replace("\\t", "\t");
    }
}
