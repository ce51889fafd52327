package io.modstream.ingest.status;

import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.modstream.ingest.site.SiteApiKeys;
import io.modstream.ingest.web.NettyLanes;
import io.modstream.ingest.web.NettyLanes.Answer;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;
import reactor.util.context.Context;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/comments/{commentId}} served by Reactor Netty directly, ahead of Spring's web stack, when the
 * request is plainly in order; everything else goes to {@link StatusController} through that stack, as before.
 *
 * <p>Why: a status read is the read a site makes most, once per comment it shows as pending, and at 1,000 a second
 * over 5,000,000 comments (issue 12) its tail was the time a read waits behind others on an event loop. Through
 * Spring's stack a read cost about 480 µs of CPU at that rate (docs/benchmarks.md); the store look-ups are a small part
 * of it.
 *
 * <p>What it takes: {@code GET} of {@code /api/v1/comments/} followed by an id of 1 to 100 letters, digits, {@code -}
 * or {@code _}, with no query, an {@code Accept} that is absent, {@code *}{@code /*} or {@code application/json},
 * every header free of control characters, and a site's key. Anything else (no key or a wrong one, another media
 * type, an id of other characters or too long, another spelling of the path) goes to Spring's stack untouched, which
 * answers it as before: the 401, 406, the firewall's 400 and the 400 of an id over 100 characters come from there.
 *
 * <p>What it answers is what {@link StatusController#status} answers, from the same {@link CommentStatuses}: the
 * comment's status as JSON, the same 404 for a comment that is unknown or another site's, the same 503 when the read
 * side is not running, with Spring Security's headers and the request's {@code http.server.requests} observation
 * ({@link NettyLanes}). {@code StatusLaneTest} holds the two ways to the same answers.
 */
@Component
class StatusLane implements NettyRouteProvider {

    private static final String PREFIX = "/api/v1/comments/";

    /** The route's pattern as Spring's stack names it in the {@code uri} tag. */
    private static final String PATTERN = PREFIX + "{commentId}";

    private static final int MAX_ID_LENGTH = 100;

    private final CommentStatuses statuses;
    private final SiteApiKeys keys;
    private final NettyLanes lanes;
    private final ObjectWriter answerWriter;

    StatusLane(CommentStatuses statuses, SiteApiKeys keys, NettyLanes lanes, JsonMapper json) {
        this.statuses = statuses;
        this.keys = keys;
        this.lanes = lanes;
        this.answerWriter = json.writerFor(StatusController.StatusAnswer.class);
    }

    @Override
    public HttpServerRoutes apply(HttpServerRoutes routes) {
        return routes.route(
                request -> HttpMethod.GET.equals(request.method()) && commentIdIn(request.uri()) != null, this::serve);
    }

    /** The comment id of a plain status path, or null for any other URI. */
    static @Nullable String commentIdIn(String uri) {
        if (!uri.startsWith(PREFIX)) {
            return null;
        }
        int length = uri.length() - PREFIX.length();
        if (length < 1 || length > MAX_ID_LENGTH) {
            return null;
        }
        for (int i = PREFIX.length(); i < uri.length(); i++) {
            if (!NettyLanes.isPlainChar(uri.charAt(i))) {
                return null;
            }
        }
        return uri.substring(PREFIX.length());
    }

    private Mono<Void> serve(HttpServerRequest request, HttpServerResponse response) {
        HttpHeaders headers = request.requestHeaders();
        String commentId = commentIdIn(request.uri());
        Optional<String> site = NettyLanes.acceptsJson(headers) && NettyLanes.headersPassTheFirewall(headers)
                ? keys.siteForAuthorization(headers.get(HttpHeaderNames.AUTHORIZATION))
                : Optional.empty();
        if (commentId == null || site.isEmpty()) {
            return lanes.toSpring(request, response);
        }
        String siteId = site.get();
        Observation observation = lanes.started(request, "GET", PATTERN);
        return Mono.defer(() -> statuses.status(commentId))
                .map(found -> found.filter(status -> status.siteId().equals(siteId))
                        .map(status -> Answer.json(
                                HttpStatus.OK.value(),
                                answerWriter.writeValueAsBytes(StatusController.StatusAnswer.of(status)),
                                Map.of()))
                        .orElseGet(() -> Answer.problem(ProblemDetail.forStatusAndDetail(
                                HttpStatus.NOT_FOUND, "No comment " + commentId + " from this site."))))
                // The 503 of a read side that is not running comes as an ErrorResponseException.
                .onErrorResume(error -> Mono.just(NettyLanes.failure(error, observation, "A status read")))
                .flatMap(answer -> lanes.write(request, response, observation, answer))
                .doOnCancel(() -> NettyLanes.cancelled(observation))
                .contextWrite(Context.of(ObservationThreadLocalAccessor.KEY, observation));
    }
}
