package io.modstream.ingest.submit;

import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.modstream.ingest.IngestProperties;
import io.modstream.ingest.quota.SiteQuotas;
import io.modstream.ingest.site.SiteApiKeys;
import io.modstream.ingest.site.SubmissionGate;
import io.modstream.ingest.web.ConnectionThreads;
import io.modstream.ingest.web.NettyLanes;
import io.modstream.ingest.web.NettyLanes.Answer;
import io.modstream.ingest.web.ProblemAnswers;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;
import reactor.util.context.Context;

/**
 * {@code POST /api/v1/comments} served by Reactor Netty directly, ahead of Spring's web stack, for every submission
 * that is plainly in order; everything else, on this path and any other, goes to Spring's stack as before
 * ({@link SubmissionGate}, then {@link SubmitHandler}).
 *
 * <p>Why: issue 12 asks for ingest at 0.8 of a bare WebFlux app, and the stack between Netty and the handler (the web
 * filters, Spring Security's URL firewall and header writer, the gate, the router, the codecs, the request's
 * observation, each a few Reactor operators deep, all of them passed again by the completion) cost comment-ingest more
 * than the bare app's whole request. This lane does what a submission needs and nothing else
 * (docs/benchmarks.md has the figures).
 *
 * <p>What it takes: {@code POST} to exactly {@code /api/v1/comments} (no query), with a {@code Content-Length} of 1 byte
 * to the request limit, {@code Content-Type: application/json} (UTF-8 or no charset), an {@code Accept} that is
 * absent, {@code *}{@code /*} or {@code application/json}, no {@code Expect} or {@code Transfer-Encoding}, a valid
 * {@code Idempotency-Key} if any, every header free of control characters (the rule of Spring Security's strict
 * firewall), the key of a site, and a token of that site's quota. Any request that misses one of these is handed to
 * Spring's stack untouched, body unread, quota unspent, which answers it exactly as before: the 401, 406, 413, 415,
 * 429 and the firewall's 400 all come from there, as do other methods, {@code OPTIONS} and other spellings of the
 * path.
 *
 * <p>What it does with a submission it takes is what {@link SubmitHandler} does, through the same {@link Submissions}:
 * parse, validate (400 or 422), publish and answer 202 after the broker's acknowledgement (503 if none comes in
 * time), with Spring Security's response headers and problem documents shaped as Spring's ({@link NettyLanes}). It
 * records the request as Spring's web stack would: an {@code http.server.requests} observation with the same name and
 * tags, so the same timer and a server span continuing the caller's {@code traceparent}, and that observation in the
 * Reactor context, where the Kafka send and the log lines pick the trace up as on the other path.
 * {@code SubmissionLaneTest} holds the two paths to the same answers.
 */
@Component
class SubmissionLane implements NettyRouteProvider {

    private static final String PATH = SubmissionGate.PATH;

    private static final List<String> JSON_UTF8_TYPES =
            List.of(NettyLanes.JSON, "application/json;charset=utf-8", "application/json; charset=utf-8");

    private final Submissions submissions;
    private final SiteApiKeys keys;
    private final SiteQuotas quotas;
    private final NettyLanes lanes;
    private final long maxBytes;

    SubmissionLane(
            Submissions submissions,
            SiteApiKeys keys,
            SiteQuotas quotas,
            NettyLanes lanes,
            IngestProperties properties) {
        this.submissions = submissions;
        this.keys = keys;
        this.quotas = quotas;
        this.lanes = lanes;
        this.maxBytes = properties.maxRequestSize().toBytes();
    }

    @Override
    public HttpServerRoutes apply(HttpServerRoutes routes) {
        return routes.route(
                request -> HttpMethod.POST.equals(request.method()) && PATH.equals(request.uri()), this::serve);
    }

    private Mono<Void> serve(HttpServerRequest request, HttpServerResponse response) {
        String siteId = taken(request);
        if (siteId == null) {
            return lanes.toSpring(request, response);
        }
        String idempotencyKey = request.requestHeaders().get("Idempotency-Key");
        Scheduler answering = ConnectionThreads.of(((Connection) request).channel());
        Observation observation = lanes.started(request, "POST", PATH);
        return request.receive()
                .aggregate()
                .asInputStream()
                .switchIfEmpty(Mono.error(() -> new ServerWebInputException("No request body")))
                .map(body -> submissions.parse(body, null))
                .flatMap(comment -> {
                    ProblemDetail invalid = submissions.invalidFields(comment);
                    if (invalid != null) {
                        return Mono.just(Answer.problem(invalid));
                    }
                    return submissions
                            .accept(siteId, comment, idempotencyKey, answering)
                            .map(outcome -> Answer.json(
                                    HttpStatus.ACCEPTED.value(),
                                    submissions.acceptedBody(outcome.commentId()),
                                    Map.of("Idempotent-Replayed", Boolean.toString(outcome.replayed()))));
                })
                // A body that is not a comment is the 400 Spring's stack gives any unreadable body.
                .onErrorResume(
                        ServerWebInputException.class,
                        error -> Mono.just(Answer.problem(ProblemAnswers.unreadableBodyProblem())))
                .onErrorResume(error -> Mono.just(NettyLanes.failure(error, observation, "A submission")))
                .flatMap(answer -> lanes.write(request, response, observation, answer))
                .doOnCancel(() -> NettyLanes.cancelled(observation))
                .contextWrite(Context.of(ObservationThreadLocalAccessor.KEY, observation));
    }

    /** The submitting site when this lane takes the request; null to hand it to Spring's stack. */
    private @Nullable String taken(HttpServerRequest request) {
        HttpHeaders headers = request.requestHeaders();
        if (headers.contains(HttpHeaderNames.TRANSFER_ENCODING) || headers.contains(HttpHeaderNames.EXPECT)) {
            return null;
        }
        long length = contentLength(headers.get(HttpHeaderNames.CONTENT_LENGTH));
        if (length < 1 || length > maxBytes) {
            return null;
        }
        String contentType = headers.get(HttpHeaderNames.CONTENT_TYPE);
        if (contentType == null || JSON_UTF8_TYPES.stream().noneMatch(contentType::equalsIgnoreCase)) {
            return null;
        }
        if (!NettyLanes.acceptsJson(headers)) {
            return null;
        }
        String idempotencyKey = headers.get("Idempotency-Key");
        if (idempotencyKey != null && !IdempotentSubmissions.isValidKey(idempotencyKey)) {
            return null;
        }
        if (!NettyLanes.headersPassTheFirewall(headers)) {
            return null;
        }
        Optional<String> site = keys.siteForAuthorization(headers.get(HttpHeaderNames.AUTHORIZATION));
        if (site.isEmpty() || !quotas.tryTake(site.get()).admitted()) {
            return null;
        }
        return site.get();
    }

    private static long contentLength(@Nullable String value) {
        if (value == null || value.isEmpty() || value.length() > 18) {
            return -1;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(value);
    }
}
