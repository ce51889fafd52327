package io.modstream.moderation.pipeline;

import io.modstream.events.Reason;
import io.modstream.events.ReasonCodes;
import io.modstream.events.Verdict;
import io.modstream.moderation.policy.Moderation;
import java.util.List;
import java.util.Set;

/**
 * What a comment gets when the policy could not be applied to it (a bug, which the pipeline logs): held for a
 * moderator, so that one faulty comment neither stops the pipeline nor is published unchecked nor lost. Its published
 * forms, should a moderator approve it, are the body as plain text and the body with every markup character escaped.
 */
final class Unchecked {

    static final String POLICY_VERSION = "unchecked";

    private Unchecked() {}

    static Moderation heldForAModerator(String body) {
        return new Moderation(
                Verdict.REVIEW,
                List.of(new Reason(ReasonCodes.UNCHECKED, "This comment is waiting for a moderator to read it.", 0, 0)),
                body,
                escaped(body),
                POLICY_VERSION,
                Set.of(ReasonCodes.UNCHECKED));
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
