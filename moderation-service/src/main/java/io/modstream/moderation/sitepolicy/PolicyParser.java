package io.modstream.moderation.sitepolicy;

import com.google.common.net.InternetDomainName;
import com.google.re2j.PatternSyntaxException;
import io.modstream.moderation.policy.Action;
import io.modstream.moderation.policy.Check;
import io.modstream.moderation.policy.Checks;
import io.modstream.moderation.policy.Language;
import io.modstream.moderation.policy.Policy;
import io.modstream.moderation.policy.PolicyEngine;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a site policy file (YAML, documented in {@code docs/policies.md}) into an engine policy. Every setting has the
 * default a news site would choose, so an empty file is a sound policy. Problems are collected, not thrown one by
 * one: an invalid file yields one {@link InvalidPolicyException} listing each problem with its line and field.
 * Thread-safe.
 */
public final class PolicyParser {

    /** Policy files are written by people; anything larger is a mistake or an attack. */
    static final int MAX_FILE_CHARS = 256 * 1024;

    private static final Action[] REJECT_REVIEW_STRIP_ALLOW = {Action.REJECT, Action.REVIEW, Action.STRIP, Action.ALLOW
    };
    private static final Action[] REJECT_REVIEW_ALLOW = {Action.REJECT, Action.REVIEW, Action.ALLOW};
    private static final Action[] ANY = Action.values();

    /** Parses {@code yaml}; {@code source} names it in error messages (a file name). */
    public SitePolicy parse(String yaml, String source) {
        List<String> problems = new ArrayList<>();
        if (yaml.length() > MAX_FILE_CHARS) {
            throw new InvalidPolicyException(
                    source, List.of("the file is larger than " + MAX_FILE_CHARS + " characters"));
        }
        Node document;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            document = new Yaml(options).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new InvalidPolicyException(source, List.of("line " + line + ": not valid YAML: " + e.getProblem()));
        } catch (RuntimeException e) {
            throw new InvalidPolicyException(source, List.of("not valid YAML: " + e.getMessage()));
        }
        YamlSection root = YamlSection.root(document, problems);
        String siteId = root.requiredString("site", 63);
        int version = root.integer("version", 0, 1, Integer.MAX_VALUE);
        if (!root.has("version")) {
            problems.add("line 1, version: is required");
        }
        YamlSection markupSection = root.section("markup");
        Policy.MarkupPolicy keep = markupSection.choice("keep", Policy.MarkupPolicy.BASIC, Policy.MarkupPolicy.class);

        // The order checks run in, and so the order of reasons on an outcome.
        List<Check> checks = new ArrayList<>();
        checks.add(unicode(root.section("unicode")));
        checks.add(length(root.section("length")));
        checks.add(Checks.markup(keep, markupSection.action("action", Action.STRIP, REJECT_REVIEW_STRIP_ALLOW)));
        markupSection.rejectUnknownKeys();
        YamlSection linkSection = root.section("links");
        Set<String> linkable = new HashSet<>();
        checks.add(links(linkSection, linkable));
        YamlSection emails = root.section("emails");
        checks.add(Checks.emails(emails.action("action", Action.MASK, ANY)));
        emails.rejectUnknownKeys();
        YamlSection phones = root.section("phones");
        checks.add(Checks.phones(phones.action("action", Action.MASK, ANY)));
        phones.rejectUnknownKeys();
        List<Language> languages = new ArrayList<>();
        Check terms = terms(root.section("terms"), languages);
        // The commenters' language: the site's first term language unless the file names another.
        Language language = root.choice("language", languages.get(0), Language.class);
        if (terms != null) {
            checks.add(terms);
        }
        checks.add(patterns(root));
        checks.add(spam(root.section("spam")));
        checks.add(repeats(root.section("repeats")));
        YamlSection authors = root.section("authors");
        int holdFirst = authors.integer("hold-first-comments", 0, 0, 100);
        authors.rejectUnknownKeys();
        root.rejectUnknownKeys();

        if (!problems.isEmpty()) {
            throw new InvalidPolicyException(source, problems);
        }
        Policy policy = new Policy(
                siteId + "/v" + version,
                checks,
                keep,
                keep == Policy.MarkupPolicy.BASIC ? linkable : Set.of(),
                language);
        return new SitePolicy(siteId, version, new PolicyEngine(policy), holdFirst);
    }

    /** The link check; {@code linkable} receives the domains whose links may stay clickable. */
    private static Check links(YamlSection section, Set<String> linkable) {
        Action action = section.action("action", Action.REJECT, REJECT_REVIEW_STRIP_ALLOW);
        Set<String> allowed = new HashSet<>();
        for (String domain : section.strings("allowed-domains", 100, 253)) {
            String lower = domain.toLowerCase(Locale.ROOT);
            if (!InternetDomainName.isValid(lower)) {
                section.problem(null, "allowed-domains", "'" + domain + "' is not a domain name");
            }
            allowed.add(lower);
        }
        linkable.addAll(action == Action.ALLOW ? Set.of(Policy.ANY_DOMAIN) : allowed);
        Check check = Checks.links(action, allowed);
        section.rejectUnknownKeys();
        return check;
    }

    /**
     * The term check; an entry that cannot be matched ({@code -} or {@code *} alone) is a problem, not a crash.
     * {@code languages} receives the site's term languages, in the order the file lists them.
     */
    private static @Nullable Check terms(YamlSection section, List<Language> languages) {
        boolean defaultLists = section.bool("default-lists", true);
        languages.addAll(section.choices("languages", List.of(Language.EN), Language.class, Language.values().length));
        Action bannedAction = section.action("banned-action", Action.REJECT, Action.REJECT, Action.MASK, Action.REVIEW);
        Map<String, List<String>> lists = new LinkedHashMap<>();
        for (String list : List.of("banned", "suspect", "allowed")) {
            lists.put(list, section.strings(list, 5_000, 100));
        }
        section.rejectUnknownKeys();
        for (Map.Entry<String, List<String>> list : lists.entrySet()) {
            try {
                Checks.terms(false, Action.REJECT, list.getValue(), List.of(), List.of());
            } catch (IllegalArgumentException e) {
                section.problem(null, list.getKey(), e.getMessage());
                return null;
            }
        }
        return Checks.terms(
                defaultLists ? languages : List.of(),
                bannedAction,
                lists.get("banned"),
                lists.get("suspect"),
                lists.get("allowed"));
    }

    private static Check unicode(YamlSection section) {
        Check check = Checks.unicode(
                section.integer("max-combining-marks", 3, 1, 50),
                section.action("action", Action.STRIP, REJECT_REVIEW_STRIP_ALLOW));
        section.rejectUnknownKeys();
        return check;
    }

    private static Check length(YamlSection section) {
        int min = section.integer("min", 1, 0, 100_000);
        int max = section.integer("max", 5_000, 1, 100_000);
        if (min > max) {
            section.problem(null, "min", "must not be larger than max");
        }
        Check check = Checks.length(min, max, section.action("action", Action.REJECT, REJECT_REVIEW_ALLOW));
        section.rejectUnknownKeys();
        return check;
    }

    private static Check patterns(YamlSection root) {
        Checks.PatternsBuilder builder = Checks.patterns();
        List<YamlSection> sections = root.sections("patterns");
        if (sections.size() > 100) {
            root.problem(null, "patterns", "may have at most 100 entries");
        }
        for (YamlSection pattern : sections) {
            String name = pattern.requiredString("name", 100);
            String regex = pattern.requiredString("regex", 1_000);
            String message = pattern.string("message", "This comment breaks a rule of this site.", 300);
            Action action = pattern.action("action", Action.REVIEW, ANY);
            pattern.rejectUnknownKeys();
            if (!regex.isEmpty()) {
                try {
                    builder.add(name, regex, message, action);
                } catch (PatternSyntaxException e) {
                    pattern.problem(null, "regex", "does not compile: " + e.getDescription());
                }
            }
        }
        return builder.build();
    }

    private static Check spam(YamlSection section) {
        Check check = Checks.spam(
                section.integer("max-repeated-characters", 10, 2, 1_000),
                section.ratio("max-caps-ratio", 0.7),
                section.integer("min-letters-for-caps", 20, 1, 10_000),
                section.integer("max-mentions", 5, 0, 1_000),
                section.integer("max-emoji", 10, 0, 10_000),
                section.action("action", Action.REVIEW, REJECT_REVIEW_ALLOW));
        section.rejectUnknownKeys();
        return check;
    }

    private static Check repeats(YamlSection section) {
        Check check = Checks.repeats(
                section.duration("duplicate-window", Duration.ofHours(1)),
                section.action("duplicate-action", Action.REJECT, REJECT_REVIEW_ALLOW),
                section.integer("flood-max-posts", 5, 1, 10_000),
                section.duration("flood-window", Duration.ofMinutes(1)),
                section.action("flood-action", Action.REVIEW, REJECT_REVIEW_ALLOW));
        section.rejectUnknownKeys();
        return check;
    }
}
