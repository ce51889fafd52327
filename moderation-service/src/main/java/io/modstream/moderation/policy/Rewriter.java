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
        if (allUnchanged(body, rewrites)) {
            return body; // markup findings replace a tag by itself (jsoup removes it later): no copy to make
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

    private static boolean allUnchanged(String body, List<Finding> rewrites) {
        for (Finding finding : rewrites) {
            if (!isUnchanged(body, finding)) {
                return false;
            }
        }
        return true;
    }

    /** A finding that puts back what it spans: however spans overlap, applying only such findings changes nothing. */
    private static boolean isUnchanged(String body, Finding finding) {
        String replacement = finding.replacement();
        return finding.action() != Action.MASK
                && replacement != null
                && replacement.length() == finding.end() - finding.start()
                && body.startsWith(replacement, finding.start());
    }

    /** One asterisk per code point, so the masked word keeps its visible length. */
    private static void mask(String body, int start, int end, StringBuilder out) {
        int codePoints = body.codePointCount(start, end);
        out.append("*".repeat(codePoints));
    }
}
