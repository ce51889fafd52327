package io.modstream.moderation.dryrun;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.modstream.events.Reason;
import io.modstream.events.Verdict;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the policy would do, or, for an NDJSON line that is not a valid comment, why not ({@code error}, with the
 * other fields absent). {@code id} is present when the request had one.
 *
 * @param id the request's id
 * @param verdict the verdict
 * @param sanitizedText the text as it would be published
 * @param sanitizedHtml the HTML as it would be published
 * @param reasons every reason, with spans in the submitted body
 * @param policyVersion the policy that answered
 * @param error what is wrong with this line, if anything
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DryRunAnswer(
        @Nullable String id,
        @Nullable Verdict verdict,
        @Nullable String sanitizedText,
        @Nullable String sanitizedHtml,
        @Nullable List<Reason> reasons,
        @Nullable String policyVersion,
        @Nullable String error) {

    static DryRunAnswer invalid(@Nullable String id, String error) {
        return new DryRunAnswer(id, null, null, null, null, null, error);
    }
}
