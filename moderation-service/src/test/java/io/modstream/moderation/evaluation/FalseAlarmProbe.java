package io.modstream.moderation.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.modstream.events.Verdict;
import io.modstream.moderation.policy.Moderation;
import io.modstream.moderation.policy.PolicyEngine;
import io.modstream.moderation.sitepolicy.PolicyParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.function.Function;

/**
 * How often something pasted into a clean comment gets it held or rejected under the default policy: each clean
 * comment of {@code evaluation/abuse/clean-text.tsv} that the engine approves on its own is sent again, many times,
 * with a seeded random string appended, as a commenter pastes an order number or a device's address. The counts are
 * printed with a few of the comments that were not approved. A behaviour measure on a fixed sample, not a timing.
 */
final class FalseAlarmProbe {

    private final PolicyEngine engine;
    private final List<String> cleanComments;

    private FalseAlarmProbe(PolicyEngine engine, List<String> cleanComments) {
        this.engine = engine;
        this.cleanComments = cleanComments;
    }

    /** The default policy and the clean comments it approves on their own. */
    static FalseAlarmProbe underTheDefaultPolicy() throws IOException {
        PolicyEngine engine = new PolicyParser()
                .parse(resource("policies/default.yml"), "default.yml")
                .engine();
        List<String> cleanComments = new ArrayList<>();
        for (String line : resource("evaluation/abuse/clean-text.tsv").split("\n")) {
            if (line.startsWith("CLEAN\t")) {
                String comment = line.split("\t")[1];
                if (engine.moderate(comment).verdict() == Verdict.APPROVE) {
                    cleanComments.add(comment);
                }
            }
        }
        assertThat(cleanComments).hasSizeGreaterThan(300);
        return new FalseAlarmProbe(engine, cleanComments);
    }

    /**
     * The share of {@code comments} clean comments, drawn with {@code seed}, held or rejected once a space and what
     * {@code appended} makes are appended; {@code shape} names it in what is printed.
     */
    double falseAlarms(String shape, int comments, long seed, Function<Random, String> appended) {
        Random random = new Random(seed);
        int held = 0;
        int rejected = 0;
        List<String> examples = new ArrayList<>();
        for (int i = 0; i < comments; i++) {
            String comment = cleanComments.get(random.nextInt(cleanComments.size())) + " " + appended.apply(random);
            Moderation moderation = engine.moderate(comment);
            held += moderation.verdict() == Verdict.REVIEW ? 1 : 0;
            rejected += moderation.verdict() == Verdict.REJECT ? 1 : 0;
            if (moderation.verdict() != Verdict.APPROVE && examples.size() < 5) {
                examples.add(comment + " " + moderation.reasons());
            }
        }
        double share = (double) (held + rejected) / comments;
        System.out.printf(
                Locale.ROOT,
                "%,d clean comments with a random %s appended: %d held, %d rejected (%.5f)%s%n",
                comments,
                shape,
                held,
                rejected,
                share,
                examples.isEmpty() ? "" : "; e.g. " + examples);
        return share;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = FalseAlarmProbe.class.getClassLoader().getResourceAsStream(name)) {
            return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
