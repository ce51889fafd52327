package io.modstream.moderation.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Applies the STRIP and MASK findings to the original body. Spans are applied left to right; a span that overlaps
 * one already applied is merged into it (masking wins over stripping inside the merged span only where the mask
 * came first). Runs in time linear in the body plus the findings.
 */
final class Rewriter {

    private Rewriter() {}

    static String rewrite(String body, List<Finding> findings) {
        List<Finding> rewrites = new ArrayList<>();
        for (Finding finding : findings) {
            if (finding.action().rewrites() && finding.end() <= body.length()) {
                rewrites.add(finding);
            }
        }
        if (rewrites.isEmpty()) {
            return body;
        }
        rewrites.sort(Comparator.comparingInt(Finding::start).thenComparing(f -> -f.end()));
        StringBuilder out = new StringBuilder(body.length());
        int copied = 0;
        for (Finding finding : rewrites) {
            if (finding.start() < copied) {
                if (finding.end() > copied && finding.action() == Action.MASK) {
                    mask(body, copied, finding.end(), out);
                    copied = finding.end();
                }
                continue;
            }
            out.append(body, copied, finding.start());
            if (finding.action() == Action.MASK) {
                mask(body, finding.start(), finding.end(), out);
            } else if (finding.replacement() != null) {
                out.append(finding.replacement());
            }
            copied = finding.end();
        }
        out.append(body, copied, body.length());
        return out.toString();
    }

    /** One asterisk per code point, so the masked word keeps its visible length. */
    private static void mask(String body, int start, int end, StringBuilder out) {
        int codePoints = body.codePointCount(start, end);
        out.append("*".repeat(codePoints));
    }
}
