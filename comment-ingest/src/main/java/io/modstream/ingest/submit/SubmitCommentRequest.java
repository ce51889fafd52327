package io.modstream.ingest.submit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What a site backend posts. Every field is bounded; the site id is not here because it comes from the API key.
 *
 * @param threadId the site's id of the article or thread
 * @param threadUrl optional public URL of the thread
 * @param threadTitle optional title of the thread
 * @param parentId optional id of the comment this one replies to
 * @param author who wrote it
 * @param body the comment as the commenter typed it; markup is allowed and will be cleaned
 */
record SubmitCommentRequest(
        @NotBlank
        @Size(max = 200)
        @Pattern(regexp = SubmitCommentRequest.THREAD_ID, message = SubmitCommentRequest.THREAD_ID_RULE)
        String threadId,

        @Nullable @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL")
        String threadUrl,

        @Nullable @Size(max = 500) String threadTitle,
        @Nullable @Size(max = 100) String parentId,
        @NotNull @Valid AuthorRequest author,
        @NotBlank @Size(max = 20_000) String body) {

    /**
     * Thread ids are read back in URLs as one percent-encoded path segment, and some cannot travel that way: the URL
     * firewall refuses NUL, CR, LF and the Unicode line and paragraph separators, and a {@code .} or {@code ..}
     * between slashes reads as a path traversal. Such ids are refused here, with a 422, rather than accepted and then
     * unreadable; no real thread id needs a control character, so the rule refuses all of them.
     */
    static final String THREAD_ID = "(?!(?:.*/)?\\.{1,2}(?:/.*)?$)[^\\p{Cc}\\u2028\\u2029]*";

    static final String THREAD_ID_RULE = "must not contain control characters, or . or .. between slashes";

    /**
     * The commenter. {@code email} and {@code ip} are optional: send them only when a policy needs them.
     *
     * @param id the site's stable id for the commenter
     * @param name the display name
     * @param email optional e-mail address
     * @param ip optional IPv4 or IPv6 address the comment came from
     */
    record AuthorRequest(
            @NotBlank @Size(max = 200) String id,
            @NotBlank @Size(max = 200) String name,
            @Nullable @Email @Size(max = 320) String email,

            @Nullable @Pattern(regexp = "[0-9A-Fa-f.:]{2,45}", message = "must be an IPv4 or IPv6 address")
            String ip) {}
}
