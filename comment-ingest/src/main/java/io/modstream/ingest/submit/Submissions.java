package io.modstream.ingest.submit;

import io.modstream.events.Author;
import io.modstream.events.CommentSubmitted;
import io.modstream.ingest.observability.InTrace;
import io.modstream.ingest.observability.IngestMetrics;
import io.modstream.ingest.status.CommentStatuses;
import io.modstream.ingest.web.ProblemAnswers;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a submission does once the request is read, whichever way it came in: through Spring's web stack
 * ({@link SubmitHandler}) or straight from Reactor Netty ({@link SubmissionLane}). Parse the body, validate it,
 * publish it (once per {@code Idempotency-Key}), record it as pending, and word the 202. Both ways share this, so they
 * cannot answer a comment differently.
 */
@Component
class Submissions {

    private static final Logger log = LoggerFactory.getLogger(Submissions.class);

    private final CommentPublisher publisher;
    private final IdempotentSubmissions idempotent;
    private final CommentStatuses statuses;
    private final IngestMetrics metrics;
    private final JsonMapper json;
    private final ObjectReader reader;
    private final ObjectWriter acceptedWriter;
    private final Validator validator;
    private final Clock clock;

    Submissions(
            CommentPublisher publisher,
            IdempotentSubmissions idempotent,
            CommentStatuses statuses,
            IngestMetrics metrics,
            JsonMapper json,
            Validator validator) {
        this.publisher = publisher;
        this.idempotent = idempotent;
        this.statuses = statuses;
        this.metrics = metrics;
        this.json = json;
        this.reader = json.readerFor(SubmitCommentRequest.class);
        this.acceptedWriter = json.writerFor(CommentAccepted.class);
        this.validator = validator;
        this.clock = Clock.systemUTC();
    }

    /**
     * The comment in {@code body}, or the 400 of a body that is not one ({@link ServerWebInputException}). Jackson
     * detects UTF-8, UTF-16 and UTF-32 itself; a body declared in another charset is decoded by it first, as Spring's
     * JSON decoder transcodes it.
     */
    SubmitCommentRequest parse(InputStream body, @Nullable Charset charset) {
        try (InputStream in = body) {
            SubmitCommentRequest comment = charset == null
                            || charset.equals(StandardCharsets.UTF_8)
                            || charset.equals(StandardCharsets.US_ASCII)
                    ? reader.readValue(in)
                    : reader.readValue(new String(in.readAllBytes(), charset));
            if (comment == null) {
                throw new ServerWebInputException("No request body");
            }
            return comment;
        } catch (JacksonException e) {
            throw new ServerWebInputException("Failed to read the request body", null, e);
        } catch (IOException e) {
            throw new IllegalStateException("a body in memory does no I/O", e);
        }
    }

    /** The 422 naming each invalid field of {@code comment}, or null when it is valid. */
    @Nullable
    ProblemDetail invalidFields(SubmitCommentRequest comment) {
        Set<ConstraintViolation<SubmitCommentRequest>> violations = validator.validate(comment);
        if (violations.isEmpty()) {
            return null;
        }
        return ProblemAnswers.invalidFieldsProblem(violations.stream()
                .map(violation -> Map.of(
                        "field", violation.getPropertyPath().toString(),
                        "message", String.valueOf(violation.getMessage()))));
    }

    /**
     * Publishes a valid comment of {@code siteId} and completes with its id once the broker has acknowledged it;
     * with an {@code Idempotency-Key}, a retry gets the first answer instead. What follows the acknowledgement runs
     * on {@code answering}, the thread that writes the answer. Fails with the 503 of {@link CommentPublisher}, or the
     * 400 or 422 of {@link IdempotentSubmissions}.
     */
    Mono<IdempotentSubmissions.Outcome> accept(
            String siteId, SubmitCommentRequest comment, @Nullable String idempotencyKey, Scheduler answering) {
        if (idempotencyKey == null) {
            String commentId = UUID.randomUUID().toString();
            return publish(toEvent(commentId, siteId, comment), answering)
                    .thenReturn(new IdempotentSubmissions.Outcome(commentId, false));
        }
        return idempotent.once(
                siteId, idempotencyKey, fingerprint(comment), id -> publish(toEvent(id, siteId, comment), answering));
    }

    /**
     * The 202's body, written with a writer bound to the type once: Spring's JSON encoder, which works out a writer
     * and a generator for every value, was 4.5 % of an event loop's time per comment for these two fields (JFR,
     * docs/benchmarks.md).
     */
    byte[] acceptedBody(String commentId) {
        return acceptedWriter.writeValueAsBytes(CommentAccepted.pending(commentId));
    }

    /**
     * Publishes, then records the comment as pending here, so a status read right after the 202 finds it. One line per
     * comment at DEBUG, not INFO: at thousands of comments a second, a structured log line each cost more than a
     * third of the producer's I/O thread (docs/benchmarks.md); the count is the {@code modstream_comments_received}
     * metric, and the comment's journey is in its trace. The trace is restored for the line (it carries the traceId)
     * only when the line is logged: restoring it costs every comment a few microseconds.
     */
    private Mono<Void> publish(CommentSubmitted comment, Scheduler answering) {
        Runnable record = () -> {
            statuses.accepted(comment);
            metrics.received(comment.siteId());
        };
        Mono<Void> recorded = log.isDebugEnabled()
                ? InTrace.call(() -> {
                            record.run();
                            log.atDebug()
                                    .addKeyValue("commentId", comment.commentId())
                                    .addKeyValue("siteId", comment.siteId())
                                    .log("Accepted comment {} from site {}", comment.commentId(), comment.siteId());
                            return comment;
                        })
                        .then()
                : Mono.fromRunnable(record);
        return publisher.publish(comment, answering).then(recorded);
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
}
