package io.modstream.ingest.submit;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.observation.transport.RequestReplyReceiverContext;
import io.modstream.ingest.IngestProperties;
import io.modstream.ingest.quota.SiteQuotas;
import io.modstream.ingest.site.SiteApiKeys;
import io.modstream.ingest.site.SubmissionGate;
import io.modstream.ingest.web.ConnectionThreads;
import io.modstream.ingest.web.ProblemAnswers;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;
import reactor.util.context.Context;
import tools.jackson.databind.json.JsonMapper;

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
 * time), with Spring Security's response headers and problem documents shaped as Spring's. It records the request as
 * Spring's web stack would: an {@code http.server.requests} observation with the same name and tags, so the same
 * timer and a server span continuing the caller's {@code traceparent}, and that observation in the Reactor context,
 * where the Kafka send and the log lines pick the trace up as on the other path. {@code SubmissionLaneTest} holds the
 * two paths to the same answers.
 */
@Component
class SubmissionLane implements NettyRouteProvider {

    private static final Logger log = LoggerFactory.getLogger(SubmissionLane.class);

    private static final String PATH = SubmissionGate.PATH;

    /**
     * The response headers Spring Security's default header writers put on every answer of this service over plain
     * HTTP (HSTS only goes on HTTPS, which terminates before this service). {@code SubmissionLaneTest} compares them
     * with those of an answer from Spring's stack, so a change of Spring Security's defaults fails a test.
     */
    static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Cache-Control", "no-cache, no-store, max-age=0, must-revalidate",
            "Pragma", "no-cache",
            "Expires", "0",
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "X-XSS-Protection", "0",
            "Referrer-Policy", "no-referrer");

    private static final String STOPPED = SubmissionLane.class.getName() + ".stopped";

    private static final String JSON_TYPE = "application/json";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final List<String> JSON_UTF8_TYPES =
            List.of(JSON_TYPE, "application/json;charset=utf-8", "application/json; charset=utf-8");

    private final Submissions submissions;
    private final SiteApiKeys keys;
    private final SiteQuotas quotas;
    private final ObservationRegistry observations;
    private final JsonMapper json;
    private final ObjectProvider<HttpHandler> springStack;
    private final long maxBytes;
    private volatile @Nullable ReactorHttpHandlerAdapter spring;

    SubmissionLane(
            Submissions submissions,
            SiteApiKeys keys,
            SiteQuotas quotas,
            ObservationRegistry observations,
            JsonMapper json,
            ObjectProvider<HttpHandler> springStack,
            IngestProperties properties) {
        this.submissions = submissions;
        this.keys = keys;
        this.quotas = quotas;
        this.observations = observations;
        this.json = json;
        this.springStack = springStack;
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
            return spring().apply(request, response);
        }
        String idempotencyKey = request.requestHeaders().get("Idempotency-Key");
        Scheduler answering = ConnectionThreads.of(((Connection) request).channel());
        Observation observation = started(request);
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
                            .map(outcome -> Answer.accepted(submissions.acceptedBody(outcome.commentId()), outcome));
                })
                .onErrorResume(error -> Mono.just(answerTo(error, observation)))
                .flatMap(answer -> write(answer, response, observation))
                .doOnCancel(() -> stop(observation, "UNKNOWN", "UNKNOWN"))
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
        String accept = headers.get(HttpHeaderNames.ACCEPT);
        if (accept != null && !accept.equals("*/*") && !accept.equals(JSON_TYPE)) {
            return null;
        }
        String idempotencyKey = headers.get("Idempotency-Key");
        if (idempotencyKey != null && !IdempotentSubmissions.isValidKey(idempotencyKey)) {
            return null;
        }
        if (!headersPassTheFirewall(headers)) {
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

    /**
     * Spring Security's strict firewall refuses a header whose name or value holds a character that is unassigned or
     * a control character; such a request goes to Spring's stack, whose firewall answers it.
     */
    static boolean headersPassTheFirewall(HttpHeaders headers) {
        var entries = headers.iteratorCharSequence();
        while (entries.hasNext()) {
            Map.Entry<CharSequence, CharSequence> header = entries.next();
            if (!allowed(header.getKey()) || !allowed(header.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean allowed(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || !Character.isDefined(c)) {
                return false;
            }
        }
        return true;
    }

    /** The request's {@code http.server.requests} observation, named and tagged as Spring's web stack does it. */
    private Observation started(HttpServerRequest request) {
        RequestReplyReceiverContext<HttpServerRequest, HttpServerResponse> context = new RequestReplyReceiverContext<>(
                (carrier, key) -> carrier.requestHeaders().get(key));
        context.setCarrier(request);
        return Observation.createNotStarted("http.server.requests", () -> context, observations)
                .contextualName("http post " + PATH)
                .lowCardinalityKeyValue("method", "POST")
                .lowCardinalityKeyValue("uri", PATH)
                .highCardinalityKeyValue("http.url", PATH)
                .start();
    }

    /** Stops the observation with the answer's status, once: a cancel after the answer was written changes nothing. */
    private static void stop(Observation observation, String status, String outcome) {
        Observation.Context context = observation.getContext();
        if (context.containsKey(STOPPED)) {
            return;
        }
        context.put(STOPPED, Boolean.TRUE);
        observation.lowCardinalityKeyValues(KeyValues.of(
                KeyValue.of("status", status),
                KeyValue.of("outcome", outcome),
                KeyValue.of(
                        "exception",
                        observation.getContext().getError() == null
                                ? "none"
                                : observation.getContext().getError().getClass().getSimpleName())));
        observation.stop();
    }

    /** What a failure is answered with: the problem documents of {@link SubmitHandler}'s path. */
    private static Answer answerTo(Throwable error, Observation observation) {
        if (error instanceof ServerWebInputException) {
            return Answer.problem(ProblemAnswers.unreadableBodyProblem());
        }
        if (error instanceof ErrorResponseException response) {
            return new Answer(
                    response.getStatusCode().value(),
                    null,
                    response.getBody(),
                    response.getHeaders().toSingleValueMap());
        }
        log.error("A submission failed unexpectedly", error);
        observation.error(error);
        return Answer.problem(ProblemDetail.forStatus(HttpStatus.INTERNAL_SERVER_ERROR));
    }

    private Mono<Void> write(Answer answer, HttpServerResponse response, Observation observation) {
        response.status(answer.status());
        SECURITY_HEADERS.forEach(response::header);
        answer.headers().forEach(response::header);
        byte[] body;
        if (answer.problem() != null) {
            ProblemDetail problem = answer.problem();
            if (problem.getInstance() == null) {
                problem.setInstance(URI.create(PATH));
            }
            response.header(HttpHeaderNames.CONTENT_TYPE, PROBLEM_JSON);
            body = json.writeValueAsBytes(problem);
        } else {
            response.header(HttpHeaderNames.CONTENT_TYPE, JSON_TYPE);
            body = answer.body();
        }
        return response.sendByteArray(Mono.just(body))
                .then()
                .doOnSuccess(done -> stop(observation, Integer.toString(answer.status()), outcome(answer.status())))
                .doOnError(error -> {
                    observation.error(error);
                    stop(observation, Integer.toString(answer.status()), outcome(answer.status()));
                });
    }

    /** Spring's outcome tag of a status. */
    private static String outcome(int status) {
        return switch (status / 100) {
            case 1 -> "INFORMATIONAL";
            case 2 -> "SUCCESS";
            case 3 -> "REDIRECTION";
            case 4 -> "CLIENT_ERROR";
            case 5 -> "SERVER_ERROR";
            default -> "UNKNOWN";
        };
    }

    /** Spring's web stack, as the server runs it, for every request this lane does not take. */
    private ReactorHttpHandlerAdapter spring() {
        ReactorHttpHandlerAdapter adapter = spring;
        if (adapter == null) {
            // Looked up on first use: the route is built while the server starts, before the web stack's beans.
            adapter = new ReactorHttpHandlerAdapter(springStack.getObject());
            spring = adapter;
        }
        return adapter;
    }

    /** An answer: a 202 with {@code body}, or a problem document; with headers of its own. */
    private record Answer(
            int status, byte @Nullable [] body, @Nullable ProblemDetail problem, Map<String, String> headers) {

        static Answer accepted(byte[] body, IdempotentSubmissions.Outcome outcome) {
            return new Answer(
                    HttpStatus.ACCEPTED.value(),
                    body,
                    null,
                    Map.of("Idempotent-Replayed", Boolean.toString(outcome.replayed())));
        }

        static Answer problem(ProblemDetail problem) {
            return new Answer(problem.getStatus(), null, problem, Map.of());
        }
    }
}
