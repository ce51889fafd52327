package io.modstream.moderation.policy;

import io.modstream.events.Verdict;
import java.util.List;
import org.jsoup.safety.Safelist;

/**
 * A site's house rules: the checks that run, in order, and the markup that survives. Immutable and thread-safe.
 *
 * @param version recorded on every outcome decided under this policy
 * @param checks run in this order; the verdict is the strictest any of them asks for
 * @param safelist the markup kept in the sanitised HTML
 */
public record Policy(String version, List<Check> checks, Safelist safelist) {

    public Policy {
        checks = List.copyOf(checks);
        safelist = new Safelist(safelist);
    }

    /**
     * The day-one policy a news site would choose: "we do not post comments that include links to other websites",
     * and markup reduced to basic formatting.
     */
    public static Policy newsSiteDefault() {
        return new Policy(
                "news-default-1",
                List.of(
                        // Links first: they are the commonest reason a news site refuses a comment.
                        new LinkCheck(Verdict.REJECT)),
                Markup.FORMATTING);
    }
}
