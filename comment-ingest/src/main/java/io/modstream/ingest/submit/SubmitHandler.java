package io.modstream.ingest.submit;

import io.modstream.ingest.IngestProperties;
import io.modstream.ingest.site.SubmissionGate;
import io.modstream.ingest.web.ConnectionThreads;
import io.modstream.ingest.web.ProblemAnswers;
import java.nio.charset.Charset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
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

/**
 * {@code POST /api/v1/comments}: a site hands over a comment and gets its id once Kafka holds it. A functional
 * handler rather than an annotated controller: it reads the body once, parses it with one prepared reader and
 * validates it directly, which costs less per comment than the annotated path's argument resolution (issue 12).
 * Every answer, errors included, is the one the annotated controller gave; errors are worded by
 * {@link ProblemAnswers}, as the rest of the API's.
 */
@Component
class SubmitHandler {

    private static final List<MediaType> JSON = List.of(MediaType.APPLICATION_JSON);

    private final Submissions submissions;
    private final ProblemAnswers problems;
    private final int maxBytes;

    SubmitHandler(Submissions submissions, ProblemAnswers problems, IngestProperties properties) {
        this.submissions = submissions;
        this.problems = problems;
        this.maxBytes = Math.toIntExact(properties.maxRequestSize().toBytes());
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
        ProblemDetail invalid = submissions.invalidFields(comment);
        if (invalid != null) {
            return problems.problem(request, invalid);
        }
        // After the broker's acknowledgement, the rest runs on the connection's own event loop, which writes the 202.
        Scheduler answering = ConnectionThreads.of(request.exchange());
        return submissions
                .accept(siteId, comment, request.headers().firstHeader("Idempotency-Key"), answering)
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
                .map(buffer -> submissions.parse(buffer.asInputStream(true), charset))
                .switchIfEmpty(Mono.error(() -> new ServerWebInputException("No request body")));
    }

    /** The 202; its body goes out through the plain byte encoder ({@link Submissions#acceptedBody}). */
    private Mono<ServerResponse> accepted(String commentId, boolean replayed) {
        return ServerResponse.status(HttpStatus.ACCEPTED)
                .header("Idempotent-Replayed", Boolean.toString(replayed))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(submissions.acceptedBody(commentId));
    }
}
