package io.modstream.moderation.dryrun;

import io.modstream.events.Reason;
import io.modstream.events.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a candidate policy would have changed.
 *
 * @param siteId the site
 * @param from first submission time included
 * @param to submission time past the last one included
 * @param currentPolicy the version in force, which the candidate is compared with
 * @param candidatePolicy the candidate's version
 * @param comments how many of the site's comments were replayed
 * @param changed how many would get a different verdict
 * @param transitions counts per change, e.g. {@code "APPROVE->REJECT": 3}
 * @param examples the first changed comments, at most {@value BacktestService#MAX_EXAMPLES}
 * @param truncated true when {@code maxComments} or the time limit stopped the replay before {@code to}
 */
record BacktestReport(
        String siteId,
        Instant from,
        Instant to,
        String currentPolicy,
        String candidatePolicy,
        int comments,
        int changed,
        Map<String, Integer> transitions,
        List<Change> examples,
        boolean truncated) {

    /**
     * One comment whose verdict would change.
     *
     * @param commentId the comment
     * @param current its verdict under the policy in force
     * @param candidate its verdict under the candidate
     * @param reasons the candidate's reasons
     */
    record Change(String commentId, Verdict current, Verdict candidate, List<Reason> reasons) {}
}
