package io.modstream.ingest.status;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.modstream.events.CommentModerated;
import io.modstream.events.Reason;
import io.modstream.events.Verdict;
import java.time.Instant;
import java.util.List;

/**
 * The part of a {@link CommentModerated} record the read side keeps, as {@link SubmittedHead} is for a submitted
 * comment: the comment's body, the thread's URL and title and the policy version are skipped by the parser.
 *
 * @param commentId the comment
 * @param siteId the site that posted it
 * @param verdict the decision
 * @param reasons every check that fired
 * @param sanitizedText the body as plain text
 * @param sanitizedHtml the body as safe HTML
 * @param decidedAt when the decision was made
 * @param comment the head of the comment as submitted
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record OutcomeHead(
        String commentId,
        String siteId,
        Verdict verdict,
        List<Reason> reasons,
        String sanitizedText,
        String sanitizedHtml,

        Instant decidedAt,

        SubmittedHead comment) {

    OutcomeHead {
        reasons = List.copyOf(reasons);
    }
}
