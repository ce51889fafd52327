package io.modstream.moderation.policy;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import io.modstream.events.ReasonCodes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Patterns a site's admin wrote, run with RE2/J: matching takes time linear in the text whatever the pattern, so no
 * pattern can hang the pipeline. At most {@value #MAX_MATCHES} matches per pattern are reported; a pattern that can
 * match the empty string gets at most as many empty matches, which report nothing (each search may read the rest of
 * the body, so an unbounded number of them would be quadratic). A pattern whose action is ALLOW is not run.
 * Immutable and thread-safe (RE2/J patterns are; each inspection makes its own matcher).
 */
final class PatternCheck implements Check {

    static final int MAX_MATCHES = 20;

    /**
     * One admin pattern.
     *
     * @param name shown to moderators, e.g. "competitor names"
     * @param pattern compiled with RE2/J
     * @param message shown to the commenter
     * @param action what to do with a match
     */
    record AdminPattern(String name, Pattern pattern, String message, Action action) {}

    private final List<AdminPattern> patterns;

    PatternCheck(List<AdminPattern> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    @Override
    public List<Finding> inspect(Submission submission) {
        List<Finding> findings = new ArrayList<>();
        for (AdminPattern admin : patterns) {
            if (admin.action() == Action.ALLOW) {
                continue;
            }
            Matcher matcher = admin.pattern().matcher(submission.body());
            int found = 0;
            int empty = 0;
            while (found < MAX_MATCHES && empty < MAX_MATCHES && matcher.find()) {
                if (matcher.end() == matcher.start()) {
                    empty++; // an empty match says nothing and would not advance a rewrite
                    continue;
                }
                findings.add(new Finding(
                        ReasonCodes.PATTERN, admin.message(), matcher.start(), matcher.end(), admin.action(), ""));
                found++;
            }
        }
        findings.sort(Comparator.comparingInt(Finding::start)); // in order of position, as Check promises
        return findings;
    }
}
