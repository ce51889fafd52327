package io.modstream.ingest.submit;

import io.modstream.events.Author;
import io.modstream.events.CommentSubmitted;
import io.modstream.ingest.IngestProperties;
import io.modstream.ingest.observability.InTrace;
import io.modstream.ingest.observability.IngestMetrics;
import io.modstream.ingest.site.SubmissionGate;
import io.modstream.ingest.status.CommentStatuses;
import io.modstream.ingest.web.ConnectionThreads;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/comments}: a site hands over a comment and gets its id once Kafka holds it. A functional
 * handler rather than an annotated controller: it reads the body once, parses it with one prepared reader and
 * validates it directly, which costs less per comment than the annotated path's argument resolution (issue 12).
 * Every answer, errors included, is the one the annotated controller gave; errors are worded by
 * {@link ProblemAnswers}, as the rest of the API's.
 */
@Component
class SubmitHandler {

    private static final Logger log = LoggerFactory.getLogger(SubmitHandler.class);

    private static final List<MediaType> JSON = List.of(MediaType.APPLICATION_JSON);

    private final CommentPublisher publisher;
    private final IdempotentSubmissions idempotent;
    private final CommentStatuses statuses;
    private final IngestMetrics metrics;
    private final JsonMapper json;
    private final ObjectReader reader;
    private final ObjectWriter acceptedWriter;
    private final Validator validator;
    private final ProblemAnswers problems;
    private final int maxBytes;
    private final Clock clock;

    SubmitHandler(
            CommentPublisher publisher,
            IdempotentSubmissions idempotent,
            CommentStatuses statuses,
            IngestMetrics metrics,
            JsonMapper json,
            Validator validator,
            ProblemAnswers problems,
            IngestProperties properties) {
        this.publisher = publisher;
        this.idempotent = idempotent;
        this.statuses = statuses;
        this.metrics = metrics;
        this.json = json;
        this.reader = json.readerFor(SubmitCommentRequest.class);
        this.acceptedWriter = json.writerFor(CommentAccepted.class);
        this.validator = validator;
        this.problems = problems;
        this.maxBytes = Math.toIntExact(properties.maxRequestSize().toBytes());
        this.clock = Clock.systemUTC();
    }

    Mono<ServerResponse> submit(ServerRequest request) {
        return Mono.defer(() -> {
                    Charset charset = checkContentType(request).getCharset();
                    checkAccept(request);
                    String siteId = SubmissionGate.siteOf(request.exchange());
                    return body(request, charset).flatMap(comment -> submit(request, siteId, comment));
                })
                .onErrorResume(error -> problems.answer(request, error));
    }

    /** Any other method on the path: 405 naming the one allowed, as the annotated mapping answered. */
    Mono<ServerResponse> notAllowed(ServerRequest request) {
        return problems.answer(request, new MethodNotAllowedException(request.method(), Set.of(HttpMethod.POST)));
    }

    /** {@code OPTIONS}: the methods allowed, as Spring's default answer for an annotated mapping gave them. */
    Mono<ServerResponse> options(ServerRequest request) {
        return ServerResponse.ok()
                .headers(headers -> headers.setAllow(new LinkedHashSet<>(List.of(HttpMethod.POST, HttpMethod.OPTIONS))))
                .build();
    }

    private Mono<ServerResponse> submit(ServerRequest request, String siteId, SubmitCommentRequest comment) {
        Set<ConstraintViolation<SubmitCommentRequest>> violations = validator.validate(comment);
        if (!violations.isEmpty()) {
            return problems.invalidFields(
                    request,
                    violations.stream()
                            .map(violation -> Map.of(
                                    "field", violation.getPropertyPath().toString(),
                                    "message", String.valueOf(violation.getMessage()))));
        }
        String idempotencyKey = request.headers().firstHeader("Idempotency-Key");
        // After the broker's acknowledgement, the rest runs on the connection's own event loop, which writes the 202.
        Scheduler answering = ConnectionThreads.of(request.exchange());
        if (idempotencyKey == null) {
            String commentId = UUID.randomUUID().toString();
            return publish(toEvent(commentId, siteId, comment), answering).then(accepted(commentId, false));
        }
        return idempotent
                .once(
                        siteId,
                        idempotencyKey,
                        fingerprint(comment),
                        id -> publish(toEvent(id, siteId, comment), answering))
                .flatMap(outcome -> accepted(outcome.commentId(), outcome.replayed()));
    }

    /** {@code consumes = application/json}: the same 415 as the annotated mapping's, a missing type included. */
    private static MediaType checkContentType(ServerRequest request) {
        MediaType contentType;
        try {
            contentType = request.exchange().getRequest().getHeaders().getContentType();
        } catch (InvalidMediaTypeException e) {
            throw new UnsupportedMediaTypeStatusException(e.getMessage(), JSON);
        }
        if (contentType == null || !MediaType.APPLICATION_JSON.includes(contentType)) {
            throw new UnsupportedMediaTypeStatusException(contentType, JSON, HttpMethod.POST);
        }
        return contentType;
    }

    /** {@code produces = application/json}: 406 unless the caller accepts JSON; no Accept header accepts anything. */
    private static void checkAccept(ServerRequest request) {
        HttpHeaders headers = request.exchange().getRequest().getHeaders();
        String accept = headers.getFirst(HttpHeaders.ACCEPT);
        if (accept == null || accept.equals("*/*") || accept.equals(MediaType.APPLICATION_JSON_VALUE)) {
            return;
        }
        List<MediaType> accepted;
        try {
            accepted = headers.getAccept();
        } catch (InvalidMediaTypeException e) {
            throw new NotAcceptableStatusException(e.getMessage());
        }
        if (!accepted.isEmpty() && accepted.stream().noneMatch(MediaType.APPLICATION_JSON::isCompatibleWith)) {
            throw new NotAcceptableStatusException(JSON);
        }
    }

    /**
     * The body, read once and bounded like the codecs bound it: over the limit is the 413 the codecs' limit gave,
     * malformed or missing is the 400 an unreadable {@code @RequestBody} gave.
     */
    private Mono<SubmitCommentRequest> body(ServerRequest request, @Nullable Charset charset) {
        return DataBufferUtils.join(request.exchange().getRequest().getBody(), maxBytes)
                .onErrorMap(
                        DataBufferLimitException.class,
                        e -> new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, e.getMessage(), e))
                .map(buffer -> parse(buffer, charset))
                .switchIfEmpty(Mono.error(() -> new ServerWebInputException("No request body")));
    }

    /**
     * Jackson detects UTF-8, UTF-16 and UTF-32 itself; a body declared in another charset is decoded by it first, as
     * Spring's JSON decoder transcodes it.
     */
    private SubmitCommentRequest parse(DataBuffer buffer, @Nullable Charset charset) {
        try (InputStream in = buffer.asInputStream(true)) {
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
            throw new IllegalStateException("a buffer's stream does no I/O", e);
        }
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

    /**
     * The 202, written to bytes here by the same mapper the codecs use, with a writer bound to the type once: the
     * codecs' JSON encoder, which works out a writer and a generator for every value, was 4.5 % of an event loop's
     * time per comment for these two fields (JFR, docs/benchmarks.md). Bytes go out through the plain byte encoder.
     */
    private Mono<ServerResponse> accepted(String commentId, boolean replayed) {
        return ServerResponse.status(HttpStatus.ACCEPTED)
                .header("Idempotent-Replayed", Boolean.toString(replayed))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(acceptedWriter.writeValueAsBytes(CommentAccepted.pending(commentId)));
    }
}
