package io.modstream.ingest.web;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.RequestReplyReceiverContext;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.URI;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a route served by Reactor Netty directly, ahead of Spring's web stack (a "lane": {@code SubmissionLane},
 * {@code StatusLane}), needs in order to answer as that stack would: the hand-over of any request it does not take,
 * Spring Security's response headers, problem documents, the URL firewall's rule for headers, and the request's
 * {@code http.server.requests} observation.
 *
 * <p>Why lanes exist: the stack between Netty and a handler (the web filters, Spring Security's web filter with its
 * firewall, its filter chain and header writer, the router, the codecs, the observation, each a few Reactor operators
 * deep) cost comment-ingest more per request than a whole bare WebFlux app's request (docs/benchmarks.md, issue 12).
 * The two routes taken thousands of times a second skip it when the request is plainly in order.
 */
@Component
public class NettyLanes {

    private static final Logger log = LoggerFactory.getLogger(NettyLanes.class);

    /**
     * The response headers Spring Security's default header writers put on every answer of this service over plain
     * HTTP (HSTS only goes on HTTPS, which terminates before this service). {@code SubmissionLaneTest} compares a
     * lane's answers with the stack's, so a change of Spring Security's defaults fails a test.
     */
    static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Cache-Control", "no-cache, no-store, max-age=0, must-revalidate",
            "Pragma", "no-cache",
            "Expires", "0",
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "X-XSS-Protection", "0",
            "Referrer-Policy", "no-referrer");

    public static final String JSON = "application/json";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String STOPPED = NettyLanes.class.getName() + ".stopped";

    private final ObservationRegistry observations;
    private final JsonMapper json;
    private final ObjectProvider<HttpHandler> springStack;
    private volatile @Nullable ReactorHttpHandlerAdapter spring;

    NettyLanes(ObservationRegistry observations, JsonMapper json, ObjectProvider<HttpHandler> springStack) {
        this.observations = observations;
        this.json = json;
        this.springStack = springStack;
    }

    /** Hands {@code request} to Spring's web stack, as the server runs it, which answers it as if no lane existed. */
    public Mono<Void> toSpring(HttpServerRequest request, HttpServerResponse response) {
        ReactorHttpHandlerAdapter adapter = spring;
        if (adapter == null) {
            // Looked up on first use: the routes are built while the server starts, before the web stack's beans.
            adapter = new ReactorHttpHandlerAdapter(springStack.getObject());
            spring = adapter;
        }
        return adapter.apply(request, response);
    }

    /**
     * True when every header's name and value is free of control and unassigned characters. Spring Security's strict
     * firewall refuses a header with one when the header is read; a lane hands such a request to Spring's stack, whose
     * firewall then answers it.
     */
    public static boolean headersPassTheFirewall(HttpHeaders headers) {
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

    /** True for no {@code Accept}, {@code *}{@code /*} or {@code application/json}: the answers a lane may give. */
    public static boolean acceptsJson(HttpHeaders headers) {
        String accept = headers.get(HttpHeaderNames.ACCEPT);
        return accept == null || accept.equals("*/*") || accept.equals(JSON);
    }

    /**
     * Starts the request's {@code http.server.requests} observation, named and tagged as Spring's web stack does
     * (the same timer series; a server span continuing the caller's {@code traceparent}).
     *
     * @param method the request's method
     * @param uri the route's pattern, the {@code uri} tag ({@code /api/v1/comments/{commentId}})
     */
    public Observation started(HttpServerRequest request, String method, String uri) {
        RequestReplyReceiverContext<HttpServerRequest, HttpServerResponse> context = new RequestReplyReceiverContext<>(
                (carrier, key) -> carrier.requestHeaders().get(key));
        context.setCarrier(request);
        return Observation.createNotStarted("http.server.requests", () -> context, observations)
                .contextualName("http " + method.toLowerCase(java.util.Locale.ROOT) + " " + uri)
                .lowCardinalityKeyValue("method", method)
                .lowCardinalityKeyValue("uri", uri)
                .highCardinalityKeyValue("http.url", pathOf(request))
                .start();
    }

    /**
     * The request's path, as {@link HttpServerRequest#fullPath()} gives it. That parses the URI into a
     * {@link java.net.URI} on every call, 2 % of an event loop's time per submission (JFR, docs/benchmarks.md); the
     * lanes take only plain paths (letters, digits, {@code -_./}, no query), which are their own path, so those are
     * taken as they are.
     */
    static String pathOf(HttpServerRequest request) {
        String uri = request.uri();
        return isPlainPath(uri) ? uri : request.fullPath();
    }

    /** True for an absolute path of letters, digits and {@code -_./} only, not ending in {@code /}. */
    static boolean isPlainPath(String uri) {
        if (uri.length() < 2 || uri.charAt(0) != '/' || uri.charAt(uri.length() - 1) == '/') {
            return false;
        }
        for (int i = 1; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (!isPlainChar(c) && c != '.' && c != '/') {
                return false;
            }
        }
        return true;
    }

    /** True for an ASCII letter or digit, {@code -} or {@code _}: a character a URI carries as it is. */
    public static boolean isPlainChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    /** An answer of a lane: {@code body} as JSON, or a problem document; with headers of its own. */
    public record Answer(
            int status, byte @Nullable [] body, @Nullable ProblemDetail problem, Map<String, String> headers) {

        /** {@code body}, JSON, with {@code status} and {@code headers}. */
        public static Answer json(int status, byte[] body, Map<String, String> headers) {
            return new Answer(status, body, null, headers);
        }

        /** A problem document, with its status. */
        public static Answer problem(ProblemDetail problem) {
            return new Answer(problem.getStatus(), null, problem, Map.of());
        }
    }

    /**
     * The answer to a failure: an {@link ErrorResponseException} (a 503, a 400 or 422 of our own) with its status,
     * problem and headers, as Spring's stack answers it; anything else is logged, recorded as the observation's error,
     * and answered 500.
     *
     * @param what what failed, for the log line
     */
    public static Answer failure(Throwable error, Observation observation, String what) {
        if (error instanceof ErrorResponseException response) {
            return new Answer(
                    response.getStatusCode().value(),
                    null,
                    response.getBody(),
                    response.getHeaders().toSingleValueMap());
        }
        log.error("{} failed unexpectedly", what, error);
        observation.error(error);
        return Answer.problem(ProblemDetail.forStatus(HttpStatus.INTERNAL_SERVER_ERROR));
    }

    /** Writes {@code answer} with Spring Security's headers and stops the observation once it is written. */
    public Mono<Void> write(
            HttpServerRequest request, HttpServerResponse response, Observation observation, Answer answer) {
        response.status(answer.status());
        SECURITY_HEADERS.forEach(response::header);
        answer.headers().forEach(response::header);
        byte[] bytes;
        ProblemDetail problem = answer.problem();
        if (problem != null) {
            if (problem.getInstance() == null) {
                problem.setInstance(URI.create(pathOf(request)));
            }
            response.header(HttpHeaderNames.CONTENT_TYPE, PROBLEM_JSON);
            bytes = json.writeValueAsBytes(problem);
        } else {
            response.header(HttpHeaderNames.CONTENT_TYPE, JSON);
            bytes = answer.body() == null ? new byte[0] : answer.body();
        }
        int status = answer.status();
        return response.sendByteArray(Mono.just(bytes))
                .then()
                .doOnSuccess(done -> stop(observation, status))
                .doOnError(error -> {
                    observation.error(error);
                    stop(observation, status);
                })
                .doOnCancel(() -> stop(observation, 0));
    }

    /** Stops the observation of a request whose client went away before its answer was written. */
    public static void cancelled(Observation observation) {
        stop(observation, 0);
    }

    /**
     * Stops the observation with the answer's status (0: none was written), once: a cancel after the answer was
     * written changes nothing. The tags are those of Spring's convention.
     */
    private static void stop(Observation observation, int status) {
        Observation.Context context = observation.getContext();
        if (context.containsKey(STOPPED)) {
            return;
        }
        context.put(STOPPED, Boolean.TRUE);
        Throwable error = context.getError();
        observation.lowCardinalityKeyValues(KeyValues.of(
                KeyValue.of("status", status == 0 ? "UNKNOWN" : Integer.toString(status)),
                KeyValue.of("outcome", outcome(status)),
                KeyValue.of(
                        "exception", error == null ? "none" : error.getClass().getSimpleName())));
        observation.stop();
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
}
