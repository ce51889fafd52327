package io.modstream.ingest.submit;

import io.modstream.events.Author;
import io.modstream.events.CommentSubmitted;
import io.modstream.ingest.observability.InTrace;
import io.modstream.ingest.observability.IngestMetrics;
import io.modstream.ingest.status.CommentStatuses;
import io.modstream.ingest.web.ConnectionThreads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /api/v1/comments}: a site hands over a comment and gets its id once Kafka holds it. */
@RestController
@RequestMapping("/api/v1/comments")
class CommentController {

    private static final Logger log = LoggerFactory.getLogger(CommentController.class);

    private final CommentPublisher publisher;
    private final IdempotentSubmissions idempotent;
    private final CommentStatuses statuses;
    private final IngestMetrics metrics;
    private final JsonMapper json;
    private final Clock clock;

    CommentController(
            CommentPublisher publisher,
            IdempotentSubmissions idempotent,
            CommentStatuses statuses,
            IngestMetrics metrics,
            JsonMapper json) {
        this.publisher = publisher;
        this.idempotent = idempotent;
        this.statuses = statuses;
        this.metrics = metrics;
        this.json = json;
        this.clock = Clock.systemUTC();
    }

    @Operation(
            summary = "Hand over a comment; 202 once Kafka holds it",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            examples =
                                                    @ExampleObject(
                                                            name = "comment",
                                                            value = "{\"threadId\":\"space-station\","
                                                                    + "\"threadTitle\":\"Old rivals, one orbit\","
                                                                    + "\"author\":{\"id\":\"reader-1\",\"name\":\"Ada\"},"
                                                                    + "\"body\":\"Great article, <b>thanks</b>!\"}"))),
            responses = {
                @ApiResponse(
                        responseCode = "202",
                        description = "Accepted; moderation follows",
                        content =
                                @Content(
                                        examples =
                                                @ExampleObject(
                                                        value = "{\"id\":\"70d2c227-8b0e-4c1f-9a57-2f8e1c4b7d10\","
                                                                + "\"status\":\"PENDING\"}"))),
                @ApiResponse(responseCode = "401", description = "No or wrong site key"),
                @ApiResponse(responseCode = "413", description = "Body larger than the limit"),
                @ApiResponse(
                        responseCode = "422",
                        description = "Invalid fields, each named in errors[]",
                        content =
                                @Content(
                                        mediaType = "application/problem+json",
                                        examples =
                                                @ExampleObject(
                                                        value = "{\"status\":422,\"title\":\"Unprocessable Content\","
                                                                + "\"detail\":\"The comment has invalid fields: threadId.\","
                                                                + "\"errors\":[{\"field\":\"threadId\","
                                                                + "\"message\":\"must not be blank\"}]}"))),
                @ApiResponse(
                        responseCode = "429",
                        description =
                                "The site's comment quota is spent; nothing was accepted; retry after Retry-After",
                        content =
                                @Content(
                                        mediaType = "application/problem+json",
                                        examples =
                                                @ExampleObject(
                                                        value = "{\"status\":429,\"title\":\"Too Many Requests\","
                                                                + "\"detail\":\"This site is over its quota of 100 "
                                                                + "comments a second (bursts of up to 1000); the comment "
                                                                + "was not accepted. Retry after 1 s.\"}"))),
                @ApiResponse(
                        responseCode = "503",
                        description = "Kafka did not acknowledge in time; retry after Retry-After")
            })
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<CommentAccepted>> submit(
            @AuthenticationPrincipal String siteId,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            @Validated @RequestBody SubmitCommentRequest request,
            ServerWebExchange exchange) {
        // After the broker's acknowledgement, the rest runs on the connection's own event loop, which writes the 202.
        Scheduler answering = ConnectionThreads.of(exchange);
        if (idempotencyKey == null) {
            String commentId = UUID.randomUUID().toString();
            return publish(toEvent(commentId, siteId, request), answering).thenReturn(accepted(commentId, false));
        }
        return idempotent
                .once(
                        siteId,
                        idempotencyKey,
                        fingerprint(request),
                        id -> publish(toEvent(id, siteId, request), answering))
                .map(outcome -> accepted(outcome.commentId(), outcome.replayed()));
    }

    /**
     * Publishes, then records the comment as pending here, so a status read right after the 202 finds it. One line per
     * comment at DEBUG, not INFO: at thousands of comments a second, a structured log line each cost more than a
     * third of the producer's I/O thread (docs/benchmarks.md); the count is the {@code modstream_comments_received}
     * metric, and the comment's journey is in its trace.
     */
    private Mono<Void> publish(CommentSubmitted comment, Scheduler answering) {
        return publisher
                .publish(comment, answering)
                .then(InTrace.call(() -> {
                    statuses.accepted(comment);
                    metrics.received(comment.siteId());
                    log.atDebug()
                            .addKeyValue("commentId", comment.commentId())
                            .addKeyValue("siteId", comment.siteId())
                            .log("Accepted comment {} from site {}", comment.commentId(), comment.siteId());
                    return comment;
                }))
                .then();
    }

    private CommentSubmitted toEvent(String commentId, String siteId, SubmitCommentRequest request) {
        SubmitCommentRequest.AuthorRequest author = request.author();
        return new CommentSubmitted(
                CommentSubmitted.SCHEMA_VERSION,
                commentId,
                siteId,
                request.threadId(),
                request.threadUrl(),
                request.threadTitle(),
                request.parentId(),
                new Author(author.id(), author.name(), author.email(), author.ip()),
                request.body(),
                clock.instant());
    }

    private String fingerprint(SubmitCommentRequest request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static ResponseEntity<CommentAccepted> accepted(String commentId, boolean replayed) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .header("Idempotent-Replayed", Boolean.toString(replayed))
                .body(CommentAccepted.pending(commentId));
    }
}
