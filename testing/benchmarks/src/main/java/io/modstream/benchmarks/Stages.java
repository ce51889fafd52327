package io.modstream.benchmarks;

import io.modstream.moderation.policy.Check;
import io.modstream.moderation.policy.Policy;
import io.modstream.moderation.policy.PolicyEngine;
import io.modstream.moderation.policy.Submission;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

/**
 * The pieces of work {@link CheckCostReport} times, each on one comment: jsoup's clean alone, the whole engine, the
 * engine with no checks (applying rewrites and sanitising the published text with jsoup), and every check of the
 * engine's policy on its own, in the order the policy runs them, whatever they are today.
 */
final class Stages {

    static final String JSOUP = "jsoup-clean-basic";
    static final String ENGINE = "engine";
    static final String NO_CHECKS = "engine-without-checks";

    /** One piece of work; {@code work} returns something that depends on the whole result. */
    record Stage(String name, Function<Submission, Object> work) {}

    private Stages() {}

    static List<Stage> of(PolicyEngine engine) {
        Policy policy = engine.policy();
        Safelist basic = Safelist.basic();
        PolicyEngine noChecks = new PolicyEngine(new Policy(policy.version(), List.of(), policy.markup()));
        List<Stage> stages = new ArrayList<>();
        stages.add(new Stage(JSOUP, comment -> Jsoup.clean(comment.body(), basic)));
        stages.add(new Stage(ENGINE, engine::moderate));
        stages.add(new Stage(NO_CHECKS, noChecks::moderate));
        for (int i = 0; i < policy.checks().size(); i++) {
            Check check = policy.checks().get(i);
            stages.add(new Stage((i + 1) + "-" + check.getClass().getSimpleName(), check::inspect));
        }
        return List.copyOf(stages);
    }
}
