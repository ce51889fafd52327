package io.modstream.ingest.status;

import io.modstream.events.Reason;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The read side for a site's backend, with its API key: a comment's status, a thread's approved comments, and a live
 * stream of them. A site sees only its own comments and threads; another site's comment answers 404. A thread id is
 * one path segment, percent-encoded, slashes included ({@code news%2F2026%2F11%2Fspace%20station}).
 */
@RestController
class StatusController {

    static final long HEARTBEAT_SECONDS = 20;
    static final int REPLAY_PAGE = 500;

    /**
     * How deep into a thread pages by number reach: {@code (page + 1) * size} at most. Each page by number steps over
     * every newer comment in the store, so its cost grows with its depth; past this, {@code before} pages at the
     * same cost at any depth.
     */
    static final int MAX_PAGE_DEPTH = 1_000;

    private static final String THREAD_ID = "The thread id exactly as submitted, percent-encoded as one path segment"
            + " (as encodeURIComponent does): a slash is %2F, a space %20, so news/2026/11/space station is"
            + " news%2F2026%2F11%2Fspace%20station. Unencoded slashes make it another path, which answers 404.";

    private final CommentStatuses statuses;

    StatusController(CommentStatuses statuses) {
        this.statuses = statuses;
    }

    /**
     * A comment's status.
     *
     * @param id the comment id
     * @param threadId its thread
     * @param status {@code PENDING}, {@code IN_REVIEW}, {@code APPROVED} or {@code REJECTED}
     * @param reasons why, in words a commenter can read; {@code start}/{@code end} index the submitted body
     * @param sanitizedText the text to show; only when approved
     * @param sanitizedHtml formatting-only HTML to show; only when approved
     * @param submittedAt when Modstream accepted it
     * @param decidedAt when it reached this status; null while pending
     */
    record StatusAnswer(
            String id,
            String threadId,
            CommentStatus.Status status,
            List<Reason> reasons,
            @Nullable String sanitizedText,
            @Nullable String sanitizedHtml,
            Instant submittedAt,
            @Nullable Instant decidedAt) {

        static StatusAnswer of(CommentStatus status) {
            return new StatusAnswer(
                    status.id(),
                    status.threadId(),
                    status.status(),
                    status.reasons(),
                    status.sanitizedText(),
                    status.sanitizedHtml(),
                    status.submittedAt(),
                    status.decidedAt());
        }
    }

    /**
     * An approved comment, ready to show.
     *
     * @param id the comment id
     * @param eventId its place in the thread: the thread stream's event id ({@code Last-Event-ID}) and a page's
     *     {@code before}
     * @param parentId the comment it replies to, if any
     * @param authorName the name the site sent
     * @param sanitizedText the text
     * @param sanitizedHtml the formatting-only HTML
     * @param submittedAt when it was posted
     * @param approvedAt when it was approved
     */
    record ThreadComment(
            String id,
            String eventId,
            @Nullable String parentId,
            @Nullable String authorName,
            @Nullable String sanitizedText,
            @Nullable String sanitizedHtml,
            Instant submittedAt,
            @Nullable Instant approvedAt) {

        static ThreadComment of(CommentStatus status) {
            return new ThreadComment(
                    status.id(),
                    status.eventId(),
                    status.parentId(),
                    status.authorName(),
                    status.sanitizedText(),
                    status.sanitizedHtml(),
                    status.submittedAt(),
                    status.decidedAt());
        }
    }

    /**
     * A page of a thread.
     *
     * @param comments approved comments, newest first
     * @param page the page number, from 0 (0 for a page asked for with {@code before})
     * @param size the page size asked for
     * @param total approved comments in the thread
     * @param nextBefore the {@code before} of the next, older page; null when there is none
     */
    record ThreadAnswer(
            List<ThreadComment> comments,
            int page,
            int size,
            int total,
            @Nullable String nextBefore) {

        static ThreadAnswer of(CommentStatuses.ThreadPage found, int page, int size) {
            List<ThreadComment> comments =
                    found.comments().stream().map(ThreadComment::of).toList();
            String nextBefore = found.more() && !comments.isEmpty()
                    ? comments.get(comments.size() - 1).eventId()
                    : null;
            return new ThreadAnswer(comments, page, size, found.total(), nextBefore);
        }
    }

    @Operation(
            summary = "What became of a comment: PENDING, IN_REVIEW, APPROVED or REJECTED",
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        content =
                                @Content(
                                        examples = {
                                            @ExampleObject(
                                                    name = "approved",
                                                    value = "{\"id\":\"70d2c227-8b0e-4c1f-9a57-2f8e1c4b7d10\","
                                                            + "\"threadId\":\"space-station\",\"status\":\"APPROVED\","
                                                            + "\"reasons\":[],\"sanitizedText\":\"Great article, thanks!\","
                                                            + "\"sanitizedHtml\":\"Great article, <b>thanks</b>!\","
                                                            + "\"submittedAt\":\"2026-11-25T21:00:00Z\","
                                                            + "\"decidedAt\":\"2026-11-25T21:00:00.4Z\"}"),
                                            @ExampleObject(
                                                    name = "rejected",
                                                    value = "{\"id\":\"9e1f…\",\"threadId\":\"space-station\","
                                                            + "\"status\":\"REJECTED\",\"reasons\":[{\"code\":\"LINK\","
                                                            + "\"message\":\"Comments may not contain links to other websites.\","
                                                            + "\"start\":13,\"end\":24}],"
                                                            + "\"submittedAt\":\"2026-11-25T21:01:00Z\","
                                                            + "\"decidedAt\":\"2026-11-25T21:01:00.3Z\"}")
                                        })),
                @ApiResponse(responseCode = "404", description = "No such comment from this site")
            })
    @GetMapping(path = "/api/v1/comments/{commentId}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<StatusAnswer> status(@AuthenticationPrincipal String siteId, @PathVariable @Size(max = 100) String commentId) {
        return statuses.status(commentId)
                .map(found -> found.filter(status -> status.siteId().equals(siteId))
                        .map(StatusAnswer::of)
                        .orElseThrow(() -> notFound("No comment " + commentId + " from this site.")));
    }

    @Operation(
            summary = "A thread's approved comments, newest first, paged",
            description = "Page by number (page, size) up to " + MAX_PAGE_DEPTH + " comments deep, or from any"
                    + " depth with before: the nextBefore of the page before (any comment's eventId works too)."
                    + " A page by before costs the same however deep it is.")
    @GetMapping(path = "/api/v1/threads/{threadId}/comments", produces = MediaType.APPLICATION_JSON_VALUE)
    ThreadAnswer thread(
            @AuthenticationPrincipal String siteId,
            @Parameter(description = THREAD_ID) @PathVariable @Size(max = 200) String threadId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(MAX_PAGE_DEPTH) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @Parameter(description = "Older than this comment: a page's nextBefore, or a comment's eventId")
                    @RequestParam(required = false)
                    @Nullable
                    @Size(max = 200)
                    String before) {
        if (before != null) {
            if (page != 0) {
                throw badRequest("Give either page or before, not both.");
            }
            CommentStatuses.FeedKey cursor = CommentStatuses.FeedKey.parse(before);
            if (cursor == null) {
                throw badRequest("before must be a comment's eventId, as nextBefore gives it, not '" + before + "'.");
            }
            return ThreadAnswer.of(statuses.approvedBefore(siteId, threadId, cursor, size), 0, size);
        }
        if ((long) (page + 1) * size > MAX_PAGE_DEPTH) {
            throw badRequest("Pages by number reach " + MAX_PAGE_DEPTH + " comments deep ((page + 1) * size); page "
                    + page + " of size " + size + " is deeper. Go on with before, the nextBefore of each page.");
        }
        return ThreadAnswer.of(statuses.approved(siteId, threadId, page, size), page, size);
    }

    /**
     * Approved comments of a thread as they are published, as server-sent events named {@code comment}. Each event's
     * id orders it in the thread; a client that reconnects with {@code Last-Event-ID} first gets what it missed.
     */
    @Operation(
            summary = "Approved comments of a thread as they are published (server-sent events named comment);"
                    + " reconnect with Last-Event-ID to get what was missed",
            description = "Needs the site key like every call, and a browser's EventSource cannot send an"
                    + " Authorization header: a page follows the stream through its own site's backend, which"
                    + " calls this with the key and passes the events (and Last-Event-ID) on.")
    @GetMapping(path = "/api/v1/threads/{threadId}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<ThreadComment>> stream(
            @AuthenticationPrincipal String siteId,
            @Parameter(description = THREAD_ID) @PathVariable @Size(max = 200) String threadId,
            @RequestHeader(name = "Last-Event-ID", required = false) @Nullable @Size(max = 200) String lastEventId) {
        Flux<CommentStatus> live = statuses.approvals()
                .filter(status ->
                        status.siteId().equals(siteId) && status.threadId().equals(threadId));
        CommentStatuses.FeedKey after = lastEventId == null ? null : CommentStatuses.FeedKey.parse(lastEventId);
        Flux<ServerSentEvent<ThreadComment>> comments = Flux.defer(() -> {
                    // Live approvals are buffered from before the missed ones are read, so none falls in between;
                    // one that is in both is sent once.
                    Sinks.Many<CommentStatus> buffered = Sinks.many().unicast().onBackpressureBuffer();
                    Disposable listening = live.subscribe(buffered::tryEmitNext);
                    Flux<CommentStatus> missed = after == null ? Flux.empty() : missedAfter(siteId, threadId, after);
                    Set<String> sent = ConcurrentHashMap.newKeySet();
                    return Flux.concat(missed, buffered.asFlux())
                            // What the client had (at or before its Last-Event-ID) is not sent again, even live.
                            .filter(status -> after == null
                                    || CommentStatuses.FeedKey.of(status).compareTo(after) > 0)
                            .filter(status -> sent.add(status.id()))
                            .doFinally(signal -> listening.dispose());
                })
                .map(status -> ServerSentEvent.builder(ThreadComment.of(status))
                        .id(status.eventId())
                        .event("comment")
                        .build());
        Flux<ServerSentEvent<ThreadComment>> heartbeats = Flux.interval(
                        Duration.ZERO, Duration.ofSeconds(HEARTBEAT_SECONDS))
                .map(tick -> ServerSentEvent.<ThreadComment>builder()
                        .comment("keep-alive")
                        .build());
        return Flux.merge(heartbeats, comments);
    }

    /**
     * The thread's approved comments after {@code after}, oldest first, read from the store a page at a time as the
     * client takes them: a long absence replays everything it missed without holding it all in memory at once.
     */
    private Flux<CommentStatus> missedAfter(String siteId, String threadId, CommentStatuses.FeedKey after) {
        return Mono.fromCallable(() -> statuses.approvedAfter(siteId, threadId, after, REPLAY_PAGE))
                .expand(page -> page.size() < REPLAY_PAGE
                        ? Mono.empty()
                        : Mono.fromCallable(() -> statuses.approvedAfter(
                                siteId, threadId, CommentStatuses.FeedKey.of(page.get(page.size() - 1)), REPLAY_PAGE)))
                .concatMapIterable(page -> page);
    }

    private static ErrorResponseException badRequest(String detail) {
        return new ErrorResponseException(
                HttpStatus.BAD_REQUEST, ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail), null);
    }

    private static ErrorResponseException notFound(String detail) {
        return new ErrorResponseException(
                HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail), null);
    }
}
